import { accessSync, constants, existsSync, statSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import { brotliDecompress } from "node:zlib";

/** The Chromium the browser tests drive, and what its process needs besides the tests' environment. */
export interface BrowserChoice {
  readonly executablePath: string;
  readonly source: "CHROMIUM_PATH" | "system" | "packaged";
  readonly env: Readonly<Record<string, string>>;
}

/** Names of a system Chromium on PATH: Debian's and Arch's, then Fedora's. */
const SYSTEM_NAMES = ["chromium", "chromium-browser"];
const PACKAGED_CHOICE = "packaged";

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function systemChromium(searchPath: string): string | undefined {
  const dirs = searchPath.split(path.delimiter).filter((dir) => dir !== "");
  for (const name of SYSTEM_NAMES) {
    for (const dir of dirs) if (isExecutableFile(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

const escapeXml = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/**
 * The fonts the packaged Chromium sees: the machine's own configuration and fonts first, so that the site's font
 * stack resolves as it does for a visitor here; then the package's Open Sans, so that a machine without any font
 * (a slim container) still draws text instead of nothing.
 */
function fontConfig(packagedFonts: string, cacheDir: string): string {
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${escapeXml(packagedFonts)}</dir>
  <cachedir>${escapeXml(cacheDir)}</cachedir>
</fontconfig>
`;
}

/** Writes the regular files of an uncompressed tar archive under `dir`: all that the package's archives hold. */
async function untar(archive: Buffer, dir: string): Promise<void> {
  for (let at = 0; at + 512 <= archive.length; ) {
    const name = archive.toString("utf8", at, at + 100).replace(/\0.*$/s, "");
    if (name === "") return;
    const size = Number.parseInt(archive.toString("ascii", at + 124, at + 136).replace(/\0.*$/s, "").trim() || "0", 8);
    const type = archive.toString("ascii", at + 156, at + 157);
    if (type === "0" || type === "\0") {
      const file = path.join(dir, name);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, archive.subarray(at + 512, at + 512 + size));
    }
    at += 512 + Math.ceil(size / 512) * 512;
  }
}

/**
 * The NSS libraries the packaged Chromium links to, which a machine without any browser often lacks: the package
 * ships them for Amazon Linux 2023, and unpacks them only there, so they are unpacked here, beside the browser,
 * once, through a temporary folder so that an interrupted run leaves nothing half written.
 */
async function packagedLibraries(executablePath: string): Promise<string> {
  const target = path.join(path.dirname(executablePath), "al2023");
  if (!existsSync(target)) {
    const bin = path.resolve(path.dirname(createRequire(import.meta.url).resolve("@sparticuz/chromium")), "..", "..", "bin");
    const staging = await mkdtemp(`${target}-`);
    try {
      await untar(await promisify(brotliDecompress)(await readFile(path.join(bin, "al2023.tar.br"))), staging);
      await rename(staging, target).catch((error: NodeJS.ErrnoException) => {
        // Another run unpacked them meanwhile.
        if (!existsSync(target)) throw error;
      });
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }
  return path.join(target, "lib");
}

/** The Chromium that @sparticuz/chromium ships inside its npm package, unpacked into the temporary folder once. */
async function packagedChromium(workDir: string): Promise<BrowserChoice> {
  let executablePath: string;
  try {
    const { default: packaged } = await import("@sparticuz/chromium");
    executablePath = await packaged.executablePath();
  } catch (error) {
    throw new Error(
      `Aucun Chromium pour les tests dans le navigateur : ni CHROMIUM_PATH, ni Chromium du système, et celui du paquet ` +
        `@sparticuz/chromium n'a pas pu être décompressé (${(error as Error).message}). Lancez « npm ci », puis relancez « npm test ».`,
      { cause: error },
    );
  }
  const libraries = await packagedLibraries(executablePath);
  const fonts = path.join(workDir, "fontconfig");
  await mkdir(fonts, { recursive: true });
  const file = path.join(fonts, "fonts.conf");
  // The package unpacks its fonts beside the browser, in a "fonts" folder.
  await writeFile(file, fontConfig(path.join(path.dirname(executablePath), "fonts"), path.join(fonts, "cache")));
  return { executablePath, source: "packaged", env: { FONTCONFIG_FILE: file, LD_LIBRARY_PATH: libraries } };
}

/**
 * Picks the browser of the tests, in this order: CHROMIUM_PATH when set; a system Chromium on PATH, unless
 * GARDEN_BROWSER=packaged asks for the next one; the Chromium packaged in the devDependency @sparticuz/chromium.
 * Nothing is ever downloaded. `workDir` receives the packaged browser's font configuration.
 */
export async function findBrowser(env: NodeJS.ProcessEnv, workDir: string): Promise<BrowserChoice> {
  const chosen = env["CHROMIUM_PATH"];
  if (chosen) {
    if (!isExecutableFile(chosen)) {
      throw new Error(`CHROMIUM_PATH désigne « ${chosen} », qui n'est pas un programme. Corrigez ce chemin, ou retirez CHROMIUM_PATH pour laisser les tests trouver un Chromium.`);
    }
    return { executablePath: chosen, source: "CHROMIUM_PATH", env: {} };
  }
  const preference = env["GARDEN_BROWSER"];
  if (preference !== undefined && preference !== "" && preference !== PACKAGED_CHOICE) {
    throw new Error(`GARDEN_BROWSER vaut « ${preference} » : la seule valeur connue est « ${PACKAGED_CHOICE} », qui fait utiliser le Chromium du paquet npm.`);
  }
  const system = preference === PACKAGED_CHOICE ? undefined : systemChromium(env["PATH"] ?? "");
  return system ? { executablePath: system, source: "system", env: {} } : packagedChromium(workDir);
}
