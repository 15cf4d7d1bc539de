/**
 * `npm run bench`: builds generated vaults with our full build and with bare Eleventy + the Pagefind CLI, in
 * alternation, and writes medians, ratios, targets and CPU profile summaries to bench/RESULTS.md.
 *
 *   npm run bench -- [--notes 1000,10000] [--runs 3] [--seed 1] [--out bench/RESULTS.md]
 *                    [--work <dir>] [--keep] [--no-profile] [--no-dev-server] [--no-warmup] [--timeout 900]
 *                    [--comment "what this run measures"]
 *
 * Every measured command is a child process (see measure.ts). Per run and size: our build and `npm run check` as
 * the user runs them, with bench/phase-marks.mjs preloaded to time their stages, and the baseline (Eleventy's CLI
 * with an empty configuration, then `pagefind --site`). Output folders are emptied before each command.
 * With --keep, the vaults and the .cpuprofile files stay in the work folder, for `tsx bench/profile-summary.ts`.
 */
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
import { profileFiles, summariseProfiles } from "./profile-summary.js";
import { machineDetails, renderResults, seconds, type BenchResults, type ProfileRun, type RunRecord, type SizeResult } from "./report.js";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/**
 * Our TypeScript commands run as the npm scripts run them (Node itself, with tsx as its loader), with
 * bench/phase-marks.mjs listening to the phases the command announces.
 */
const withPhaseMarks = (script: string, ...args: string[]) => ["--import", "tsx", "--import", pathToFileURL(path.join(projectRoot, "bench", "phase-marks.mjs")).href, script, ...args];
const eleventyCli = path.join(projectRoot, "node_modules", "@11ty", "eleventy", "cmd.cjs");
const pagefindCli = path.join(projectRoot, "node_modules", ".bin", "pagefind");

const USAGE = `usage: npm run bench -- [--notes 1000,10000] [--runs 3] [--seed 1] [--out bench/RESULTS.md]
                        [--work <dir>] [--keep] [--no-profile] [--no-dev-server] [--no-warmup] [--timeout 900]
                        [--comment "what this run measures"]`;

interface Options {
  readonly sizes: readonly number[];
  readonly runs: number;
  readonly seed: number;
  readonly comment: string | undefined;
  readonly out: string;
  readonly work: string | undefined;
  readonly keep: boolean;
  readonly profile: boolean;
  readonly devServer: boolean;
  readonly warmup: boolean;
  readonly timeoutMs: number;
  readonly command: string;
}

function parseOptions(argv: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      notes: { type: "string", default: "1000,10000" },
      runs: { type: "string", default: "3" },
      comment: { type: "string" },
      seed: { type: "string", default: "1" },
      out: { type: "string", default: path.join(projectRoot, "bench", "RESULTS.md") },
      work: { type: "string" },
      keep: { type: "boolean", default: false },
      "no-profile": { type: "boolean", default: false },
      "no-dev-server": { type: "boolean", default: false },
      "no-warmup": { type: "boolean", default: false },
      timeout: { type: "string", default: "900" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const integer = (name: string, text: string, min: number): number => {
    if (!/^\d+$/.test(text.trim()) || Number(text) < min) throw new Error(`--${name} expects an integer ≥ ${min}, got "${text}"\n${USAGE}`);
    return Number(text);
  };
  const sizes = values.notes.split(",").map((n) => integer("notes", n, 1));
  const runs = integer("runs", values.runs, 1);
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    runs,
    comment: values.comment,
    seed: integer("seed", values.seed, 0),
    out: path.resolve(values.out),
    work: values.work === undefined ? undefined : path.resolve(values.work),
    keep: values.keep,
    profile: !values["no-profile"],
    devServer: !values["no-dev-server"],
    warmup: !values["no-warmup"],
    timeoutMs: integer("timeout", values.timeout, 1) * 1000,
    command: ["npm run bench --", ...argv.map((a) => (/[\s"']/.test(a) ? JSON.stringify(a) : a))].join(" ").replace(/ --$/, ""),
  };
}

/** Inside the project, like notes/: see dev-server.ts. */
function devServerDir(): string {
  return path.join(projectRoot, "bench", `.dev-server-${process.pid}`);
}

function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  if (!("NOTES_DIR" in extra)) delete env["NOTES_DIR"];
  if (!("OUTPUT_DIR" in extra)) delete env["OUTPUT_DIR"];
  return env;
}

function log(message: string): void {
  const load = os.loadavg()[0]!.toFixed(2);
  console.log(`[bench ${new Date().toISOString().slice(11, 19)} load ${load}] ${message}`);
}

async function countFiles(dir: string, suffix: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile() && e.name.endsWith(suffix)).length;
}

/** An empty Eleventy configuration, except for the folder of the one layout every generated note names. */
async function prepareBaseline(dir: string, vaultDir: string): Promise<string> {
  const includes = path.join(dir, "includes");
  await mkdir(path.join(includes, "layouts"), { recursive: true });
  await writeFile(
    path.join(includes, "layouts", "post.njk"),
    '<!doctype html>\n<html lang="fr">\n<head><meta charset="utf-8"><title>{{ title }}</title></head>\n<body>\n{{ content | safe }}\n</body>\n</html>\n',
  );
  const config = path.join(dir, "bare.config.mjs");
  await writeFile(config, `export default function () {\n  return { dir: { includes: ${JSON.stringify(path.relative(vaultDir, includes))} } };\n}\n`);
  return config;
}

class Bench {
  readonly errors: string[] = [];

  constructor(readonly options: Options) {}

  private check(m: Measurement, okCodes: readonly number[] = [0]): Measurement {
    if (failed(m, okCodes)) {
      const message = describeFailure(m);
      this.errors.push(message);
      log(`FAILED ${message}`);
    }
    return m;
  }

  private run(label: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv, cwd = projectRoot): Promise<Measurement> {
    return measure(command, args, { label, cwd, env, timeoutMs: this.options.timeoutMs });
  }

  ours(vault: string, out: string): Promise<Measurement> {
    return this.run("our build (npm run build, with phase marks)", process.execPath, withPhaseMarks("src/cli/build.ts"), childEnv({ NOTES_DIR: vault, OUTPUT_DIR: out }));
  }

  bareEleventy(vault: string, out: string, config: string): Promise<Measurement> {
    const args = [eleventyCli, `--config=${path.basename(config)}`, `--input=${vault}`, `--output=${out}`, "--quiet"];
    return this.run("bare Eleventy", process.execPath, args, childEnv(), path.dirname(config));
  }

  barePagefind(out: string, cwd: string): Promise<Measurement> {
    return this.run("Pagefind CLI", pagefindCli, ["--site", out], childEnv(), cwd);
  }

  checkCommand(vault: string): Promise<Measurement> {
    return this.run("npm run check (with phase marks)", process.execPath, withPhaseMarks("src/cli/check.ts", "--notes", vault), childEnv());
  }

  async warmUp(work: string): Promise<void> {
    // Fills tsx's transform cache and the page cache, so the first measured run is not the only cold one.
    const vault = path.join(work, "vault");
    await generateVault({ notes: 20, seed: this.options.seed, outDir: vault });
    const config = await prepareBaseline(path.join(work, "baseline"), vault);
    log("warm-up on 20 notes (not measured)");
    await this.ours(vault, path.join(work, "ours"));
    await this.bareEleventy(vault, path.join(work, "bare"), config);
    await this.checkCommand(vault);
  }

  async size(notes: number, work: string): Promise<SizeResult> {
    const { runs, seed } = this.options;
    const vault = path.join(work, "vault");
    const generateStarted = performance.now();
    const stats = await generateVault({ notes, seed, outDir: vault });
    const generateMs = performance.now() - generateStarted;
    log(`${notes} notes: vault generated in ${(generateMs / 1000).toFixed(1)} s (${stats.wikilinks} wikilinks, ${stats.images} images)`);
    const config = await prepareBaseline(path.join(work, "baseline"), vault);
    const dirs = { ours: path.join(work, "ours"), bare: path.join(work, "bare") };
    const clean = () => Promise.all(Object.values(dirs).map((dir) => rm(dir, { recursive: true, force: true })));

    const records: RunRecord[] = [];
    let oursFailed = false;
    for (let run = 1; run <= runs; run++) {
      const record: RunRecord = { run };
      records.push(record);
      const steps: Record<string, () => Promise<void>> = {
        ours: async () => {
          if (oursFailed) return;
          record.ours = this.check(await this.ours(vault, dirs.ours));
          const phases = phasesReportIn(record.ours.stdout);
          if (phases) record.oursPhases = phases;
          oursFailed ||= failed(record.ours);
        },
        baseline: async () => {
          record.bareEleventy = this.check(await this.bareEleventy(vault, dirs.bare, config));
          record.bareHtml = await countFiles(dirs.bare, ".html");
          if (record.bareHtml !== notes) this.errors.push(`bare Eleventy wrote ${record.bareHtml} HTML files for ${notes} notes (run ${run})`);
          record.barePagefind = this.check(await this.barePagefind(dirs.bare, path.dirname(config)));
          record.barePagefindPages = Number(/Indexed (\d+) pages?/.exec(record.barePagefind.stdout)?.[1] ?? NaN);
        },
        check: async () => {
          // Exit code 1 only says the vault has errors (the generator writes some broken links on purpose).
          record.check = this.check(await this.checkCommand(vault), [0, 1]);
          const phases = phasesReportIn(record.check.stdout);
          if (phases) record.checkPhases = phases;
        },
      };
      // Alternate the order so that a slow patch of the machine does not always hit the same side.
      const order = run % 2 === 1 ? ["ours", "baseline", "check"] : ["baseline", "ours", "check"];
      for (const step of order) {
        await clean();
        await steps[step]!();
      }
      log(`${notes} notes: run ${run} done: ${describeRun(record)}`);
    }

    const result: SizeResult = { notes, stats, generateMs, runs: records };
    if (this.options.profile) {
      const profileDir = path.join(work, "profile");
      // One profile of each command: the build where it is cheap to repeat, the check where its target is set.
      const build = notes === this.options.sizes[0] && !oursFailed ? await this.profileBuild(vault, profileDir) : undefined;
      const check = notes === this.options.sizes.at(-1) ? await this.profileCheck(vault, profileDir) : undefined;
      if (build || check) result.profile = { ...(build ? { build } : {}), ...(check ? { check } : {}) };
    }
    await clean();
    return result;
  }

  async profileBuild(vault: string, dir: string): Promise<ProfileRun | undefined> {
    const profileDir = path.join(dir, "build-cpuprofile");
    log("CPU profile of our build (node --import tsx --cpu-prof src/cli/build.ts)");
    const args = ["--import", "tsx", "--cpu-prof", `--cpu-prof-dir=${profileDir}`, "src/cli/build.ts"];
    const m = this.check(await this.run("our build under --cpu-prof", process.execPath, args, childEnv({ NOTES_DIR: vault, OUTPUT_DIR: path.join(dir, "site") })));
    return failed(m) ? undefined : { wallMs: m.wallMs, summary: await summariseProfiles(await profileFiles([profileDir])), directory: profileDir };
  }

  async profileCheck(vault: string, dir: string): Promise<ProfileRun | undefined> {
    const profileDir = path.join(dir, "check-cpuprofile");
    log("CPU profile of the check (node --import tsx --cpu-prof src/cli/check.ts)");
    const args = ["--import", "tsx", "--cpu-prof", `--cpu-prof-dir=${profileDir}`, "src/cli/check.ts", "--notes", vault];
    const c = this.check(await this.run("check under --cpu-prof", process.execPath, args, childEnv()), [0, 1]);
    return failed(c, [0, 1]) ? undefined : { wallMs: c.wallMs, summary: await summariseProfiles(await profileFiles([profileDir])), directory: profileDir };
  }
}

function describeRun(record: RunRecord): string {
  const s = (m: Measurement | undefined) => seconds(m?.wallMs ?? NaN);
  const parts = [`ours ${s(record.ours)}`, `bare Eleventy ${s(record.bareEleventy)}`, `Pagefind ${s(record.barePagefind)}`];
  parts.push(`check ${s(record.check)}`);
  return parts.join(", ");
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const started = Date.now();
  const work = options.work ?? (await mkdtemp(path.join(os.tmpdir(), "garden-bench-")));
  await mkdir(work, { recursive: true });
  const bench = new Bench(options);
  const machine = await machineDetails(projectRoot);
  log(`work folder ${work}; sizes ${options.sizes.join(", ")}; ${options.runs} runs`);

  const results: BenchResults = { options: { ...options, work }, machine, startedAt: new Date(started), sizes: [], errors: bench.errors, loads: [] };
  const loadSampler = setInterval(() => results.loads.push(os.loadavg()[0]!), 5000);
  try {
    if (options.warmup) {
      await rm(path.join(work, "warmup"), { recursive: true, force: true });
      await bench.warmUp(path.join(work, "warmup"));
    }
    const devNotes = options.sizes.includes(1000) ? 1000 : options.sizes[0]!;
    for (const notes of options.sizes) {
      const sizeWork = path.join(work, String(notes));
      await rm(sizeWork, { recursive: true, force: true });
      const sizeStarted = Date.now();
      const result = await bench.size(notes, sizeWork);
      result.elapsedMs = Date.now() - sizeStarted;
      results.sizes.push(result);
      if (options.devServer && notes === devNotes) {
        log(`dev server on ${notes} notes (npm start, then 3 edits)`);
        const dir = devServerDir();
        try {
          result.devServer = await measureDevServer({
            projectRoot,
            vaultDir: path.join(sizeWork, "vault"),
            workDir: dir,
            edits: 3,
            siteName: SITE_NAME,
            timeoutMs: options.timeoutMs,
            editTimeoutMs: 60_000,
          });
        } catch (error) {
          const message = `dev server: ${error instanceof Error ? error.message : String(error)}`;
          bench.errors.push(message);
          log(`FAILED ${message}`);
        }
      }
      if (!options.keep) await rm(sizeWork, { recursive: true, force: true });
    }
  } finally {
    clearInterval(loadSampler);
    results.elapsedMs = Date.now() - started;
    // An aborted run with nothing measured must not replace the last results.
    if (results.sizes.length > 0) {
      const previous = await readFile(options.out, "utf8").catch(() => "");
      await mkdir(path.dirname(options.out), { recursive: true });
      const markdown = renderResults(results, previous);
      await writeFile(options.out, markdown);
      console.log(`\n${markdown.split("\n## Every run")[0]}`);
      log(`results written to ${options.out}, in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    if (!options.keep && options.work === undefined) await rm(work, { recursive: true, force: true });
    else log(`kept ${work}`);
  }
  return bench.errors.length > 0 ? 1 : 0;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    killRunning();
    rmSync(devServerDir(), { recursive: true, force: true });
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
