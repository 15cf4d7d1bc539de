import { stat } from "node:fs/promises";
import path from "node:path";
import { gardenFolders, pathPrefixOf, readSiteSettings, SiteSettingError } from "../site/site-settings.js";
import { UnsafeFolderError } from "../site-output/safe-folders.js";
import { readCommandLine } from "./command-line.js";
import { GuardedDevServer } from "./local-dev-server.js";
import { printable, shownNotesDir } from "./problem-report.js";

const USAGE = `Usage : npm run preview -- [--port <numéro>]
  sert le site déjà construit (_site/, ou OUTPUT_DIR=<dossier>) sur cet ordinateur, sous le chemin de son adresse
  (SITE_URL=https://exemple.github.io/jardin/ le sert sous /jardin/, comme GitHub Pages)
  --port <numéro>  le port du serveur (par défaut : 8080, ou le suivant s'il est pris ; 0 : un port libre)
  --help           affiche cette aide`;

/** Only this computer can reach the preview. */
const LOCAL_HOST = "127.0.0.1";

/**
 * `npm run preview`: serves the built site as it will be published, under the path prefix of the site's address,
 * without building or watching anything. Exit codes: 0 stopped with Ctrl+C, 2 it could not start.
 */
async function main(): Promise<number> {
  const commandLine = readCommandLine(USAGE, { port: { type: "string" } }, { allowPositionals: false });
  if (typeof commandLine === "number") return commandLine;
  const portText = commandLine.values.port ?? "8080";
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    console.error(`Le port « ${printable(portText)} » n'est pas un numéro de port (de 0 à 65535).\n${USAGE}`);
    return 2;
  }
  let outputDir: string;
  let pathPrefix: string;
  try {
    pathPrefix = pathPrefixOf(readSiteSettings().url);
    outputDir = gardenFolders().outputDir;
  } catch (error) {
    if (!(error instanceof UnsafeFolderError || error instanceof SiteSettingError)) throw error;
    console.error(printable(error.message));
    return 2;
  }
  const shownDir = printable(shownNotesDir(outputDir));
  if (!(await stat(path.join(outputDir, "index.html")).catch(() => undefined))?.isFile()) {
    console.error(`Aucun site construit dans « ${shownDir} » : lancez d'abord « npm run build », puis « npm run preview ».`);
    return 2;
  }

  const server = GuardedDevServer.getServer("preview", outputDir, {
    host: LOCAL_HOST,
    pathPrefix,
    liveReload: false,
    messageOnStart: ({ hosts }: { hosts: readonly string[] }) =>
      `Aperçu du site construit dans « ${shownDir} » sur ${hosts.map((url) => url.replace("//localhost:", `//${LOCAL_HOST}:`)).join(" et ")}, pour cet ordinateur seulement. Ctrl+C l'arrête.`,
  });
  server.serve(port);
  process.once("SIGINT", () => {
    void server.close().then(() => console.log("Aperçu arrêté."));
  });
  return 0;
}

process.exitCode = await main();
