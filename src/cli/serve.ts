import { mkdir } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import Eleventy from "@11ty/eleventy";
import { gardenFolders, PROJECT_ROOT, readSiteSettings, SiteSettingError } from "../site/site-settings.js";
import { checkNotesFolder, checkOutputFolder, markAsBuilt, UnsafeFolderError } from "../site-output/safe-folders.js";
import { DevBuildReports, gardenErrorIn } from "./dev-build-status.js";
import { GuardedDevServer } from "./local-dev-server.js";

const USAGE = `Usage : npm start -- [--port <numéro>] [--reseau]
  --port <numéro>  le port du serveur (par défaut : 8080, ou le suivant s'il est pris)
  --reseau         ouvre le serveur aux autres appareils du réseau (par défaut : cet ordinateur seulement)`;

/** Where the server listens unless --reseau: only this computer can reach it. */
const LOCAL_HOST = "127.0.0.1";

function startMessage(network: boolean): (start: { hosts: readonly string[] }) => string {
  return ({ hosts }) =>
    network
      ? `Le jardin est servi sur ${hosts.join(" et ")}, ouvert aux autres appareils du réseau.`
      : `Le jardin est servi sur ${hosts.map((url) => url.replace("//localhost:", `//${LOCAL_HOST}:`)).join(" et ")}, pour cet ordinateur seulement (« npm start -- --reseau » l'ouvre au réseau).`;
}

/**
 * `npm start`: the folders are checked as `npm run build` checks them, then Eleventy builds and serves the site as
 * `eleventy --serve` does, with the guarded dev server of local-dev-server.ts. Exit code 2 when it cannot start.
 */
async function main(): Promise<number> {
  let args;
  try {
    ({ values: args } = parseArgs({ options: { port: { type: "string" }, reseau: { type: "boolean" }, help: { type: "boolean" } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const port = args.port === undefined ? undefined : Number(args.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    console.error(`Le port « ${args.port} » n'est pas un numéro de port (de 1 à 65535).\n${USAGE}`);
    return 2;
  }
  const network = args.reseau === true;
  let notesDir = "";
  let outputDir = "";
  try {
    readSiteSettings();
    ({ notesDir, outputDir } = gardenFolders());
    await checkNotesFolder(notesDir, "NOTES_DIR=<dossier>");
    await checkOutputFolder(notesDir, outputDir, PROJECT_ROOT);
    await mkdir(outputDir, { recursive: true });
    await markAsBuilt(outputDir);
  } catch (error) {
    if (!(error instanceof UnsafeFolderError || error instanceof SiteSettingError)) throw error;
    console.error(error.message);
    return 2;
  }

  const reports = new DevBuildReports(notesDir, outputDir);
  const eleventy = new Eleventy(undefined, undefined, {
    configPath: path.relative(process.cwd(), path.join(PROJECT_ROOT, ".eleventy.ts")),
    source: "cli",
    runMode: "serve",
    config(eleventyConfig) {
      eleventyConfig.setServerOptions({ host: network ? undefined : LOCAL_HOST, showAllHosts: network, messageOnStart: startMessage(network) });
      reports.configure(eleventyConfig);
    },
  });
  // As under `eleventy --serve`: an error outside a build is reported, and the server keeps running.
  process.on("unhandledRejection", (error) => eleventy.errorHandler.fatal(error, "Unhandled rejection in promise"));
  process.on("uncaughtException", (error) => eleventy.errorHandler.fatal(error, "Uncaught exception"));
  await eleventy.init();
  reports.attach(eleventy);
  // Eleventy loads a custom server module only from node_modules: the guarded one is handed over here instead.
  eleventy.eleventyServe.getServerModule = async () => GuardedDevServer;
  try {
    await eleventy.watch();
  } catch (error) {
    // The first build's error stops `npm start`, once reported; a rebuild's leaves the last site served.
    if (!gardenErrorIn(error)) throw error;
    return 1;
  }
  reports.startServing();
  await eleventy.serve(port);
  process.on("SIGINT", async () => {
    await eleventy.stopWatch();
    process.exitCode = 0;
  });
  return 0;
}

// A failed first build has already set the exit code, as under `eleventy --serve`: 0 must not hide it.
const code = await main();
if (code !== 0) process.exitCode = code;
