import { readdirSync, readFileSync } from "node:fs";
import { lstat, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { domainToUnicode } from "node:url";
import { parse, parseFragment, type DefaultTreeAdapterMap } from "parse5";
import { PAGES, SITE_ASSETS_DIR } from "../../src/site/pages.js";
import { FONT_FILES, FONTS_SITE_DIR, FONTS_SOURCE_DIR } from "../../src/site/fonts.js";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

/** Every file under `dir`, as POSIX paths relative to it. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
}

/**
 * Every entry under `dir` with its kind, size and modification time, symbolic links included but never followed,
 * skipping the folders in `except`: what a build must leave as it found it.
 */
/** Every file under `dir` and its bytes (base64), by relative path: two snapshots compare byte for byte. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const files = (await filesUnder(dir)).sort();
  return Object.fromEntries(await Promise.all(files.map(async (f) => [f, (await readFile(path.join(dir, f))).toString("base64")] as const)));
}

export async function listing(dir: string, except: readonly string[] = []): Promise<string[]> {
  const lines: string[] = [];
  async function walk(folder: string): Promise<void> {
    for (const name of (await readdir(folder)).sort()) {
      const absolute = path.join(folder, name);
      if (except.includes(absolute)) continue;
      const info = await lstat(absolute);
      const relative = path.relative(dir, absolute);
      if (info.isSymbolicLink()) lines.push(`${relative} -> lien`);
      else if (info.isDirectory()) {
        lines.push(`${relative}/`);
        await walk(absolute);
      } else lines.push(`${relative} ${info.size} ${info.mtimeMs}`);
    }
  }
  await walk(dir);
  return lines;
}

/** The URL a built page answers to: "a/index.html" is "/a/", "404.html" is "/404.html". */
export function urlOfPage(page: string): string {
  return `/${page.replace(/(^|\/)index\.html$/, "$1")}`;
}

/** The file a site URL path is served from, or undefined when the path cannot be decoded. */
function fileOfUrl(pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  return (decoded.endsWith("/") ? `${decoded}index.html` : decoded).slice(1).normalize("NFC");
}

const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "poster", "cite", "data", "background", "xlink:href", "srcset"]);
/** The site's own files under /assets/, by site path, with their bytes: a file of the same name with other bytes is not the site's. */
const SITE_ASSETS = new Map<string, Buffer>([
  ...readdirSync(SITE_ASSETS_DIR).map((name) => [`assets/${name}`, readFileSync(path.join(SITE_ASSETS_DIR, name))] as const),
  ...FONT_FILES.map((name) => [`${FONTS_SITE_DIR}/${name}`, readFileSync(path.join(FONTS_SOURCE_DIR, name))] as const),
]);
/** The files of link previews the build writes (src/site-output/write-previews.ts): inert JSON. */
const PREVIEW_FILE = /^assets\/apercus\/[0-9a-f]{2}\.json$/;
/** The scripts Pagefind writes, and the other files of its index. */
const PAGEFIND_SCRIPTS = ["pagefind.js", "pagefind-ui.js", "pagefind-worker.js", "pagefind-highlight.js", "pagefind-modular-ui.js", "pagefind-component-ui.js"].map((name) => `pagefind/${name}`);
const PAGEFIND_DATA = /^pagefind\/(?:[\w.-]+\.(?:css|json|pagefind|pf_meta)|fragment\/[\w.-]+\.pf_fragment|index\/[\w.-]+\.pf_index)$/;
/** The only scripts a page may load. */
const SITE_SCRIPTS = new Set([...[...SITE_ASSETS.keys()].filter((file) => file.endsWith(".js")), ...PAGEFIND_SCRIPTS].map((file) => `/${file}`));
/** Files a browser runs or shows as a page of the site. */
const ACTIVE_FILE = /\.(?:js|mjs|html?|xhtml|xml|wasm)$/i;
/** The XML files the site writes itself: its feed and sitemap. */
const SITE_XML = new Set(PAGES.map((page) => page.url.slice(1)).filter((file) => file.endsWith(".xml")));
const HOST_CONTROL = new Set(["_redirects", "_headers", "cname", ".htaccess", ".nojekyll", "netlify.toml", "vercel.json"]);
const EXTERNAL_STYLE = /url\(\s*(?!['"]?#)|@import/i;
const CSP_META = /<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self'/;

export interface SafetyOptions {
  /** Every text the build was given: an external address is allowed only when its host is written there. */
  readonly input: string;
  /** The site's own address (canonical links, feeds). */
  readonly siteOrigin: string;
}

/**
 * What makes a built site unsafe or broken, in French. Files: an active file (script, page, XML, WebAssembly) that
 * the site did not write itself, a page without the site's Content-Security-Policy, an SVG that could run script or
 * load another file, a file under /assets/ or /pagefind/ that is not the site's or Pagefind's own, a host's control
 * file. Pages: a script other than the site's own, an on…= attribute, a Pagefind attribute the layouts do not write,
 * a URL with another scheme than http(s) or mailto:, an external host the input never named, a local link or image
 * leading to no file of the site, an anchor to no id of its page, a page whose footer some unclosed element
 * swallowed. Pages under /pagefind/ are Pagefind's own.
 */
export async function safetyViolations(site: string, options: SafetyOptions): Promise<string[]> {
  const files = await filesUnder(site);
  const existing = new Set(files.map((f) => f.normalize("NFC")));
  const input = options.input.toLowerCase();
  const siteHost = new URL(options.siteOrigin).hostname;
  const violations: string[] = [];
  for (const file of files) {
    const problem = await fileProblem(site, file);
    if (problem) violations.push(`${file} : ${problem}`);
  }
  for (const page of files.filter((f) => f.endsWith(".html") && !f.startsWith("pagefind/"))) {
    const html = await readFile(path.join(site, page), "utf8");
    const document = parse(html);
    const ids = new Set<string>();
    const elements: Element[] = [];
    walk(document, (element) => {
      elements.push(element);
      const id = element.attrs.find((a) => a.name === "id");
      if (id) ids.add(id.value);
    });
    const pageUrl = urlOfPage(page);
    const report = (what: string) => violations.push(`${page} : ${what}`);
    for (const element of elements) {
      const attributes = element.attrs.map((a) => ({ name: a.prefix ? `${a.prefix}:${a.name}` : a.name, value: a.value }));
      if (element.tagName === "script") {
        const src = attributes.find((a) => a.name === "src")?.value;
        const type = attributes.find((a) => a.name === "type")?.value;
        const inert = type === "application/ld+json" || type === "application/json";
        if (!(src !== undefined && SITE_SCRIPTS.has(src) && element.childNodes.length === 0) && !inert) report(`script non autorisé <script${attributes.map((a) => ` ${a.name}="${a.value}"`).join("")}>`);
      }
      if (element.tagName === "meta" && attributes.some((a) => a.name === "http-equiv" && a.value.toLowerCase() === "refresh")) report("redirection <meta http-equiv=refresh>");
      if (element.tagName === "base") report("élément <base>");
      for (const { name, value } of attributes) {
        if (/^on/i.test(name)) report(`attribut ${name}="${value}" sur <${element.tagName}>`);
        if (/^data-pagefind-/i.test(name) && !isSitePagefindAttribute(name, value)) report(`attribut ${name}="${value}" sur <${element.tagName}>, que le site n'écrit pas`);
        if (!URL_ATTRIBUTES.has(name)) continue;
        const urls = name === "srcset" ? value.split(",").map((part) => part.trim().split(/\s+/)[0] ?? "") : [value];
        for (const url of urls) {
          const problem = urlProblem(url, { pageUrl, ids, existing, input, siteHost, isImageSource: name === "src" && element.tagName === "img" });
          if (problem) report(`${name}="${url}" sur <${element.tagName}> : ${problem}`);
        }
      }
    }
    // An unclosed comment, <textarea> or <title> would make the rest of the page text: its footer with it.
    if (!elements.some((e) => e.tagName === "footer" && e.attrs.some((a) => a.name === "class" && a.value.split(" ").includes("site-footer")))) {
      report("pas de pied de page : la fin de la page a été avalée");
    }
  }
  return violations;
}

/** What is wrong with a file of the site as a file, whatever links to it. */
async function fileProblem(site: string, file: string): Promise<string | undefined> {
  const name = file.slice(file.lastIndexOf("/") + 1);
  if (HOST_CONTROL.has(name.toLowerCase())) return "fichier de réglage de l'hébergeur";
  const top = file.split("/")[0];
  if (PREVIEW_FILE.test(file)) return undefined;
  if (top === "assets") {
    const own = SITE_ASSETS.get(file);
    return own && own.equals(await readFile(path.join(site, file))) ? undefined : "fichier sous /assets/ qui n'est pas celui du site";
  }
  if (top === "pagefind") return PAGEFIND_SCRIPTS.includes(file) || PAGEFIND_DATA.test(file) ? undefined : "fichier sous /pagefind/ que Pagefind n'écrit pas";
  if (/\.svg$/i.test(file)) return svgProblem(await readFile(path.join(site, file), "utf8"));
  if (!ACTIVE_FILE.test(file)) return undefined;
  if (/\.html$/i.test(file)) return CSP_META.test(await readFile(path.join(site, file), "utf8")) ? undefined : "page sans la politique CSP du site";
  return SITE_XML.has(file) ? undefined : "fichier actif (script, page, XML ou WebAssembly) que le site n'écrit pas";
}

/**
 * Why an SVG file served on its own could run script or load another file. Read by parse5 as SVG in HTML, with the
 * prefix of an XML name dropped ("svg:script" is a script to a browser reading the file as XML).
 */
function svgProblem(svg: string): string | undefined {
  const problems: string[] = [];
  walk(parseFragment(svg), (element) => {
    const tag = element.tagName.toLowerCase().replace(/^[^:]*:/, "");
    if (["script", "foreignobject", "iframe", "embed", "object", "handler", "listener"].includes(tag)) problems.push(`élément <${element.tagName}>`);
    if (tag === "style" && element.childNodes.some((child) => "value" in child && EXTERNAL_STYLE.test(child.value))) problems.push("style qui charge un fichier");
    for (const attribute of element.attrs) {
      const name = attribute.name.toLowerCase().replace(/^[^:]*:/, "");
      if (name.startsWith("on")) problems.push(`attribut ${attribute.name}`);
      if ((name === "href" || name === "src") && !/^\s*(?:#|data:image\/(?:png|gif|jpeg|webp);)/i.test(attribute.value)) problems.push(`lien ${attribute.name}="${attribute.value}"`);
      if (name === "attributename" && /href$/i.test(attribute.value)) problems.push(`animation de ${attribute.value}`);
      if (name === "style" && EXTERNAL_STYLE.test(attribute.value)) problems.push("style qui charge un fichier");
    }
  });
  return problems.length > 0 ? `SVG actif : ${problems.join(", ")}` : undefined;
}

/** The search metadata the site's layouts write; a note's own would point search results anywhere. */
const SITE_PAGEFIND_META = /^(?:title\[data-title\]|étiquettes\[data-tags\]|graphies:[^,:]*)$/;

function isSitePagefindAttribute(name: string, value: string): boolean {
  if (name === "data-pagefind-body" || name === "data-pagefind-ignore") return true;
  return name === "data-pagefind-meta" && SITE_PAGEFIND_META.test(value);
}

function walk(node: Node, visit: (element: Element) => void): void {
  if ("tagName" in node) visit(node);
  const children = "childNodes" in node ? node.childNodes : [];
  for (const child of children) walk(child, visit);
  if ("content" in node && node.content) walk(node.content, visit);
}

interface UrlContext {
  readonly pageUrl: string;
  readonly ids: ReadonlySet<string>;
  readonly existing: ReadonlySet<string>;
  readonly input: string;
  readonly siteHost: string;
  readonly isImageSource: boolean;
}

function urlProblem(raw: string, context: UrlContext): string | undefined {
  // Browsers drop ASCII whitespace and control characters from URLs before reading the scheme.
  const url = raw.replace(/[\u0000-\u0020]/g, "");
  if (url === "") return undefined;
  if (url.startsWith("#")) {
    if (url === "#") return undefined;
    let id: string;
    try {
      id = decodeURIComponent(url.slice(1));
    } catch {
      return "ancre illisible";
    }
    return context.ids.has(id) ? undefined : "ancre sans id correspondant dans la page";
  }
  if (/^mailto:/i.test(url)) return undefined;
  if (url === "data:,") return undefined;
  if (context.isImageSource && /^data:image\/(?:png|gif|jpeg|webp);/i.test(url)) return undefined;
  if (/^(?:https?:)?\/\//i.test(url)) {
    const host = new URL(url, "https://site.invalid").hostname;
    if (host === context.siteHost) return undefined;
    return context.input.includes(domainToUnicode(host).toLowerCase()) || context.input.includes(host) ? undefined : `hôte externe « ${host} » absent des notes`;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return "schéma interdit";
  const resolved = new URL(url, `https://site.invalid${context.pageUrl}`);
  if (resolved.hostname !== "site.invalid") return "sort du site";
  const file = fileOfUrl(resolved.pathname);
  if (file === undefined) return "chemin illisible";
  return context.existing.has(file) ? undefined : `mène à « /${file} », absent du site`;
}
