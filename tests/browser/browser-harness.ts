import { readdirSync } from "node:fs";
import { readFile, realpath, stat } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, inject, it } from "vitest";
import type { BrowserChoice } from "./find-browser.js";
import { PREFIXED_SITE, type BuiltSites } from "./sites.js";
import { urlOfPage } from "../hostile/site-safety.js";

/**
 * The same arguments for every Chromium. @sparticuz/chromium's own list is made for serverless functions: it turns
 * web security off and runs a single process, which would weaken what the privacy tests check, and its browser
 * starts and passes every test without them.
 */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export { RAW_INDEX_FOLDER } from "./sites.js";

export function builtSites(): BuiltSites {
  return inject("browserSites");
}

const SOURCES: Readonly<Record<BrowserChoice["source"], string>> = {
  CHROMIUM_PATH: "donné par CHROMIUM_PATH",
  system: "Chromium du système",
  packaged: "Chromium du paquet npm @sparticuz/chromium",
};

const LAUNCH_HINTS: Readonly<Record<BrowserChoice["source"], string>> = {
  CHROMIUM_PATH: "Corrigez CHROMIUM_PATH, ou retirez-le pour laisser les tests trouver un Chromium.",
  system: "Relancez avec « GARDEN_BROWSER=packaged npm test » pour utiliser le Chromium du paquet npm, ou donnez un autre chemin avec CHROMIUM_PATH.",
  packaged: "S'il vient d'une décompression interrompue ou d'une autre version, supprimez-le, puis relancez « npm test ».",
};

/** The browser that global-setup.ts found, launched once per test file. Never skipped: without it the suite fails and says what to do. */
async function launchChromium(): Promise<Browser> {
  const choice = inject("browser");
  try {
    return await chromium.launch({ executablePath: choice.executablePath, args: CHROMIUM_ARGS, env: { ...process.env, ...choice.env } });
  } catch (error) {
    throw new Error(
      `Chromium n'a pas démarré (${choice.executablePath}, ${SOURCES[choice.source]}) : ${(error as Error).message.split("\n")[0]} ${LAUNCH_HINTS[choice.source]}`,
      { cause: error },
    );
  }
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".pdf": "application/pdf",
  ".wasm": "application/wasm",
  ".pagefind": "application/octet-stream",
  ".pf_meta": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pf_index": "application/octet-stream",
};

export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * A static server for a built site on 127.0.0.1, as a host would serve it: folders answer with their index.html,
 * unknown paths with 404.html and status 404, and no path may leave the site's folder. Under a path prefix, as
 * GitHub Pages serves a project site, the site is served under it only: any other path is a bare 404.
 */
export async function serveStatic(siteDir: string, prefix = "/"): Promise<StaticServer> {
  const root = await realpath(siteDir);
  const server = http.createServer((request, response) => {
    void answer(root, prefix, request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      response.end("Erreur du serveur de test");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function answer(root: string, prefix: string, request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, { allow: "GET, HEAD" }).end();
    return;
  }
  const url = request.url ?? "/";
  if (!url.startsWith(prefix)) {
    response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end(`Rien ici : le site est servi sous ${prefix}`);
    return;
  }
  const file = await fileFor(root, `/${url.slice(prefix.length)}`);
  if (file === "forbidden") {
    response.writeHead(403, { "content-type": "text/plain; charset=utf-8" }).end("Accès refusé");
    return;
  }
  const found = file ?? path.join(root, "404.html");
  const body = await readFile(found);
  response.writeHead(file ? 200 : 404, {
    "content-type": CONTENT_TYPES[path.extname(found).toLowerCase()] ?? "application/octet-stream",
    "content-length": body.length,
    "cache-control": "no-store",
  });
  response.end(request.method === "HEAD" ? undefined : body);
}

/** The file a URL names under `root`, undefined when there is none, "forbidden" when it would leave `root`. */
export async function fileFor(root: string, url: string): Promise<string | undefined | "forbidden"> {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, "http://127.0.0.1").pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes("\0")) return "forbidden";
  const candidate = path.resolve(root, `.${path.posix.normalize(pathname)}`);
  if (!isInside(root, candidate)) return "forbidden";
  for (const file of [candidate, path.join(candidate, "index.html")]) {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) continue;
    // A symbolic link inside the site could still point outside it.
    const real = await realpath(file);
    return isInside(root, real) ? real : "forbidden";
  }
  return undefined;
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

export interface RecordedRequest {
  readonly url: string;
  /** The context that made it: only the "video" context may reach YouTube, after a click. */
  readonly context: string;
}

export interface PageProblem {
  readonly page: string;
  readonly kind: "console" | "csp";
  readonly text: string;
}

/** A request allowed to leave: only 127.0.0.1, and data: URLs, which never touch the network. */
export function isLocal(url: string): boolean {
  if (url.startsWith("data:")) return true;
  try {
    return new URL(url).hostname === "127.0.0.1";
  } catch {
    return false;
  }
}

/**
 * Reports every CSP violation to Node, page after page. Init scripts and bindings go through the DevTools
 * protocol, so the page's own Content-Security-Policy stays fully in force.
 */
const CSP_LISTENER = `document.addEventListener("securitypolicyviolation", (event) => {
  window.__signalerViolationCsp(event.violatedDirective + " : " + (event.blockedURI || "(en ligne)") + " (" + event.sourceFile + ":" + event.lineNumber + ")");
});`;

/**
 * One browser for a test file, with every request of every page recorded for the whole run, and the console
 * errors and CSP violations of the pages, which each test takes and checks.
 */
class BrowserSession {
  readonly requests: RecordedRequest[] = [];
  private problems: PageProblem[] = [];
  private readonly contexts: BrowserContext[] = [];

  private constructor(readonly browser: Browser) {}

  static async start(): Promise<BrowserSession> {
    return new BrowserSession(await launchChromium());
  }

  async newContext(options: BrowserContextOptions = {}, label = "pages"): Promise<BrowserContext> {
    const context = await this.browser.newContext({ locale: "fr-FR", ...options });
    this.contexts.push(context);
    context.on("request", (request) => {
      this.requests.push({ url: request.url(), context: label });
    });
    // A safety net, not the check: whatever would leave 127.0.0.1 is still recorded above, then stopped here.
    await context.route((url) => !isLocal(url.href), (route) => route.abort("blockedbyclient"));
    await context.exposeBinding("__signalerViolationCsp", ({ page }, text: string) => {
      this.problems.push({ page: page.url(), kind: "csp", text });
    });
    await context.addInitScript({ content: CSP_LISTENER });
    context.on("console", (message) => {
      if (message.type() === "error") this.problems.push({ page: message.page()?.url() ?? "", kind: "console", text: message.text() });
    });
    context.on("weberror", (error) => {
      this.problems.push({ page: error.page()?.url() ?? "", kind: "console", text: String(error.error()) });
    });
    return context;
  }

  async newPage(options: BrowserContextOptions = {}): Promise<Page> {
    return (await this.newContext(options)).newPage();
  }

  /** The console errors and CSP violations since the last call. */
  takeProblems(): PageProblem[] {
    const taken = this.problems;
    this.problems = [];
    return taken;
  }

  /** Takes only the problems a test expects, leaving the others to the check after the test. */
  takeProblemsMatching(expected: (problem: PageProblem) => boolean): PageProblem[] {
    const taken = this.problems.filter(expected);
    this.problems = this.problems.filter((p) => !expected(p));
    return taken;
  }

  outsideRequests(context?: string): string[] {
    return this.requests.filter((r) => !isLocal(r.url) && (context === undefined || r.context === context)).map((r) => r.url);
  }

  async close(): Promise<void> {
    for (const context of this.contexts) await context.close();
    await this.browser.close();
  }
}

/** The sites served, and a browser: what every browser test file starts with. */
export interface Harness {
  readonly session: BrowserSession;
  /** Origin of the fixture vault's site (tests/fixtures/browser-vault). */
  readonly fixture: string;
  /** Origin of the site of notes/. */
  readonly notes: string;
  /** Origin of the fixture vault's site built for PREFIXED_SITE.url, served under PREFIXED_SITE.prefix only. */
  readonly prefixed: string;
  readonly sites: BuiltSites;
  close(): Promise<void>;
}

async function startHarness(): Promise<Harness> {
  const sites = builtSites();
  const servers = [await serveStatic(sites.fixture), await serveStatic(sites.notes), await serveStatic(sites.prefixed, PREFIXED_SITE.prefix)];
  let session: BrowserSession;
  try {
    session = await BrowserSession.start();
  } catch (error) {
    await Promise.all(servers.map((s) => s.close()));
    throw error;
  }
  return {
    session,
    fixture: servers[0]!.origin,
    notes: servers[1]!.origin,
    prefixed: servers[2]!.origin,
    sites,
    close: async () => {
      await session.close();
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}

/**
 * Starts the harness for a test file, and checks after each test that its pages logged no console error and
 * reported no CSP violation. A test that expects some takes them itself with session.takeProblems().
 */
export function useHarness(): () => Harness {
  let harness: Harness | undefined;
  // Kept rather than thrown from beforeAll, where vitest would only mark the tests skipped: when Chromium does not
  // start, every browser test fails, each with the message that says what to do.
  let failure: unknown;
  beforeAll(async () => {
    try {
      harness = await startHarness();
    } catch (error) {
      failure = error;
    }
  });
  afterAll(async () => {
    await harness?.close();
  });
  afterEach(() => {
    if (harness) expect(harness.session.takeProblems(), "erreurs de console ou violations de la CSP").toEqual([]);
  });
  return () => {
    if (failure !== undefined) throw failure;
    if (!harness) throw new Error("le banc d'essai du navigateur n'a pas démarré");
    return harness;
  };
}

/** The last test of a file: over all its pages, every request stayed on 127.0.0.1 (video clicks aside). */
export function itSentNothingOutside(harness: () => Harness): void {
  it("n'envoie aucune requête ailleurs qu'à 127.0.0.1 pendant tout le fichier", () => {
    const { session } = harness();
    expect(session.requests.length).toBeGreaterThan(0);
    expect(session.requests.filter((r) => r.context !== "video" && !isLocal(r.url)).map((r) => r.url)).toEqual([]);
  });
}

const AXE_SOURCE = fileURLToPath(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url));
let axeSource: string | undefined;

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly unknown[]; readonly failureSummary?: string }[];
}

/**
 * Runs axe-core in the page with the WCAG 2.1 A and AA rules, on the whole page or only on the elements `within`
 * selects. axe is defined through page.evaluate, which the page's CSP does not govern, so the CSP stays real: no
 * bypass, no inline script.
 */
export async function runAxe(page: Page, within?: readonly string[]): Promise<AxeViolation[]> {
  axeSource ??= await readFile(AXE_SOURCE, "utf8");
  await page.evaluate(axeSource);
  return page.evaluate(async (selectors) => {
    const axe = (window as unknown as { axe: { run(context: Document | object, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const context = selectors ? { include: selectors.map((s) => [s]) } : document;
    const result = await axe.run(context, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, ...(n.failureSummary ? { failureSummary: n.failureSummary } : {}) })),
    }));
  }, within);
}

/** Every HTML page of a built site, Pagefind's folders aside, as sorted POSIX paths relative to it. */
function htmlPagesOf(siteDir: string): string[] {
  return readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => path.relative(siteDir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .filter((page) => !page.startsWith("pagefind"))
    .sort();
}

/** Every HTML file of a built site, Pagefind's folders aside. */
export function builtHtmlFiles(siteDir: string): string[] {
  return htmlPagesOf(siteDir).map((page) => path.join(siteDir, page));
}

/**
 * Opens a path the site does not have: the server answers 404.html with status 404. Chromium logs that status as
 * a console error; that one message, about this page, is expected, and anything else still fails the test.
 */
export async function openMissingPage(session: BrowserSession, page: Page, url: string): Promise<void> {
  const response = await page.goto(url);
  expect(response?.status()).toBe(404);
  expect(session.takeProblems()).toEqual([
    { page: url, kind: "console", text: "Failed to load resource: the server responded with a status of 404 (Not Found)" },
  ]);
}

/**
 * The URL of every page of a built site, read at collection time so that each page can have its own test: the
 * list grows with the site. 404.html is left out (it is opened at a missing path), and so is the search page
 * (it is opened with a query).
 */
export function sitePagePaths(siteDir: string): string[] {
  return htmlPagesOf(siteDir)
    .filter((page) => page !== "404.html" && page !== "recherche/index.html")
    .map(urlOfPage)
    .sort();
}

/** Opens the search page for `query` and waits for Pagefind's results. */
export async function openSearch(page: Page, origin: string, query: string): Promise<void> {
  await page.goto(`${origin}/recherche/?q=${encodeURIComponent(query)}`);
  await page.locator(".pagefind-ui__result").first().waitFor();
}
