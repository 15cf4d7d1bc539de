/**
 * `npm run bench`: builds generated vaults with our build and with the baseline (bare Eleventy, then the Pagefind
 * CLI), one after the other, run after run; times `npm run check` and an edit under `npm start`; prints the table of
 * targets and writes it into bench/RESULTS.md, whose analysis is written by hand.
 *
 *   npm run bench -- [--notes 1000,10000] [--runs 3] [--seed 1] [--out bench/RESULTS.md] [--work <dir>]
 *                    [--no-dev-server] [--no-warmup] [--timeout 900]
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { measureDevServer } from "./dev-server.js";
import { generateVault, SITE_NAME } from "./generate-vault.js";
import { describeFailure, failed, killRunning, measure, type Measurement } from "./measure.js";
import { phasesReportIn } from "./phases-report.js";
import { replaceBlock, resultsBlock, seconds, type RunRecord, type SizeResult } from "./report.js";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Inside the project, as notes/ is: see dev-server.ts. */
const devServerDir = path.join(projectRoot, "bench", `.dev-server-${process.pid}`);
const USAGE = `usage: npm run bench -- [--notes 1000,10000] [--runs 3] [--seed 1] [--out bench/RESULTS.md] [--work <dir>]
                        [--no-dev-server] [--no-warmup] [--timeout 900]`;

const { values: options } = parseArgs({
  options: {
    notes: { type: "string", default: "1000,10000" },
    runs: { type: "string", default: "3" },
    seed: { type: "string", default: "1" },
    out: { type: "string", default: path.join(projectRoot, "bench", "RESULTS.md") },
    work: { type: "string" },
    "no-dev-server": { type: "boolean", default: false },
    "no-warmup": { type: "boolean", default: false },
    timeout: { type: "string", default: "900" },
    help: { type: "boolean", default: false },
  },
});
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
function integer(name: string, text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) throw new Error(`--${name} expects a positive integer, got "${text}"\n${USAGE}`);
  return Number(text);
}
const sizes = [...new Set(options.notes.split(",").map((text) => integer("notes", text)))].sort((a, b) => a - b);
const runs = integer("runs", options.runs);
const seed = Number(options.seed);
const timeoutMs = integer("timeout", options.timeout) * 1000;
const errors: string[] = [];
const loads: number[] = [];

function log(message: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)} load ${os.loadavg()[0]!.toFixed(2)}] ${message}`);
}

/** Measures a command with the environment the user has, minus the folders our build would otherwise take from it. */
async function run(label: string, command: string, args: readonly string[], env: Record<string, string> = {}, cwd = projectRoot, okCodes = [0]): Promise<Measurement> {
  const { NOTES_DIR: _notes, OUTPUT_DIR: _output, ...inherited } = process.env;
  const m = await measure(command, args, { label, cwd, env: { ...inherited, ...env }, timeoutMs });
  if (failed(m, okCodes)) {
    errors.push(describeFailure(m));
    log(`FAILED ${describeFailure(m)}`);
  }
  return m;
}

/** Our commands as the npm scripts run them, with bench/phase-marks.mjs listening to the phases they announce. */
const ours = (vault: string, out: string) =>
  run("our build", process.execPath, ["--import", "tsx", "--import", pathToFileURL(path.join(projectRoot, "bench", "phase-marks.mjs")).href, "src/cli/build.ts"], { NOTES_DIR: vault, OUTPUT_DIR: out });
const check = (vault: string) => run("npm run check", process.execPath, ["--import", "tsx", "src/cli/check.ts", "--notes", vault], {}, projectRoot, [0, 1]);
const bareEleventy = (vault: string, out: string, config: string) =>
  run("bare Eleventy", process.execPath, [path.join(projectRoot, "node_modules", "@11ty", "eleventy", "cmd.cjs"), `--config=${path.basename(config)}`, `--input=${vault}`, `--output=${out}`, "--quiet"], {}, path.dirname(config));
const barePagefind = (site: string, cwd: string) => run("Pagefind CLI", path.join(projectRoot, "node_modules", ".bin", "pagefind"), ["--site", site], {}, cwd);

/**
 * Eleventy's defaults, run from a folder of its own so that .eleventy.ts is never found: the one layout every note
 * names, and drafts left out as our build leaves them out (Eleventy's own recipe), so both publish the same notes.
 */
async function prepareBaseline(dir: string, vault: string): Promise<string> {
  await mkdir(path.join(dir, "includes", "layouts"), { recursive: true });
  await writeFile(path.join(dir, "includes", "layouts", "post.njk"), '<!doctype html>\n<html lang="fr">\n<head><meta charset="utf-8"><title>{{ title }}</title></head>\n<body>\n{{ content | safe }}\n</body>\n</html>\n');
  const config = path.join(dir, "bare.config.mjs");
  await writeFile(
    config,
    `export default function (eleventyConfig) {\n  eleventyConfig.addPreprocessor("drafts", "*", (data) => (data.draft ? false : undefined));\n  return { dir: { includes: ${JSON.stringify(path.relative(vault, path.join(dir, "includes")))} } };\n}\n`,
  );
  return config;
}

async function countFiles(dir: string, suffix: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile() && e.name.endsWith(suffix)).length;
}

async function measureSize(notes: number, work: string): Promise<SizeResult> {
  const vault = path.join(work, "vault");
  const stats = await generateVault({ notes, seed, outDir: vault });
  log(`${notes} notes: vault generated (${stats.wikilinks} wikilinks, ${stats.drafts} drafts)`);
  const config = await prepareBaseline(path.join(work, "baseline"), vault);
  const [oursOut, bareOut] = [path.join(work, "ours"), path.join(work, "bare")];
  const result: SizeResult = { notes, stats, runs: [] };
  for (let i = 1; i <= runs; i++) {
    const record: RunRecord = {};
    result.runs.push(record);
    const steps = {
      ours: async () => {
        record.ours = await ours(vault, oursOut);
        record.phases = phasesReportIn(record.ours.stdout);
      },
      baseline: async () => {
        record.bareEleventy = await bareEleventy(vault, bareOut, config);
        record.barePages = await countFiles(bareOut, ".html");
        record.barePagefind = await barePagefind(bareOut, path.dirname(config));
        record.bareIndexed = Number(/Indexed (\d+) pages?/.exec(record.barePagefind.stdout)?.[1] ?? NaN);
      },
      check: async () => void (record.check = await check(vault)),
    };
    // Alternate the order, so that a slow patch of the machine does not always hit the same side.
    for (const step of i % 2 === 1 ? (["ours", "baseline", "check"] as const) : (["baseline", "ours", "check"] as const)) {
      await Promise.all([oursOut, bareOut].map((dir) => rm(dir, { recursive: true, force: true })));
      await steps[step]();
    }
    if (record.phases && record.barePages !== record.phases.counts["published"]) errors.push(`${notes} notes, run ${i}: bare Eleventy wrote ${record.barePages} pages, our build published ${record.phases.counts["published"]} notes`);
    log(`${notes} notes, run ${i}: ours ${seconds(record.ours?.wallMs ?? NaN)}, bare Eleventy ${seconds(record.bareEleventy?.wallMs ?? NaN)}, Pagefind ${seconds(record.barePagefind?.wallMs ?? NaN)}, check ${seconds(record.check?.wallMs ?? NaN)}`);
  }
  return result;
}

async function version(pkg: string): Promise<string> {
  const json = await readFile(path.join(projectRoot, "node_modules", pkg, "package.json"), "utf8").catch(() => "{}");
  return (JSON.parse(json) as { version?: string }).version ?? "?";
}

async function main(): Promise<number> {
  const started = new Date();
  const work = options.work ? path.resolve(options.work) : await mkdtemp(path.join(os.tmpdir(), "garden-bench-"));
  await mkdir(work, { recursive: true });
  const loadSampler = setInterval(() => loads.push(os.loadavg()[0]!), 5000);
  const results: SizeResult[] = [];
  try {
    if (!options["no-warmup"]) {
      // Fills tsx's transform cache and the page cache, so that the first measured run is not the only cold one.
      log("warm-up on 20 notes (not measured)");
      const dir = path.join(work, "warmup");
      await rm(dir, { recursive: true, force: true });
      await generateVault({ notes: 20, seed, outDir: path.join(dir, "vault") });
      await ours(path.join(dir, "vault"), path.join(dir, "ours"));
      await bareEleventy(path.join(dir, "vault"), path.join(dir, "bare"), await prepareBaseline(path.join(dir, "baseline"), path.join(dir, "vault")));
      await check(path.join(dir, "vault"));
    }
    const devNotes = sizes.includes(1000) ? 1000 : sizes[0]!;
    for (const notes of sizes) {
      const sizeWork = path.join(work, String(notes));
      await rm(sizeWork, { recursive: true, force: true });
      const result = await measureSize(notes, sizeWork);
      results.push(result);
      if (!options["no-dev-server"] && notes === devNotes) {
        log(`dev server on ${notes} notes: npm start, then 3 edits`);
        try {
          result.devServer = await measureDevServer({ projectRoot, vaultDir: path.join(sizeWork, "vault"), workDir: devServerDir, edits: 3, siteName: SITE_NAME, timeoutMs, editTimeoutMs: 60_000 });
        } catch (error) {
          errors.push(`dev server: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      await rm(sizeWork, { recursive: true, force: true });
    }
  } finally {
    clearInterval(loadSampler);
    // An aborted run with nothing measured must not replace the last results.
    if (results.length > 0) {
      const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: projectRoot, encoding: "utf8" }).stdout.trim();
      const load = loads.length ? `, load ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}` : "";
      const machine =
        `${started.toISOString().replace("T", " ").slice(0, 16)} UTC, ${seconds(Date.now() - started.getTime())}; Node ${process.version}, ${os.cpus()[0]?.model.trim() ?? "?"}, ` +
        `${os.availableParallelism()} cores${load}; Eleventy ${await version("@11ty/eleventy")}, Pagefind ${await version("pagefind")}; commit ${commit || "?"}`;
      const command = ["npm run bench --", ...process.argv.slice(2)].join(" ").replace(/ --$/, "");
      const block = resultsBlock(results, { command, machine, errors });
      await writeFile(options.out, replaceBlock(await readFile(options.out, "utf8").catch(() => ""), block));
      console.log(`\n${block}\n`);
      log(`results written to ${options.out}`);
    }
    if (!options.work) await rm(work, { recursive: true, force: true });
  }
  return errors.length > 0 ? 1 : 0;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    killRunning();
    rmSync(devServerDir, { recursive: true, force: true });
    process.exit(130);
  });
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    killRunning();
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 2;
  },
);
