import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { BEGIN, END } from "../../bench/report.js";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const TIMEOUT_MS = 240_000;

/** Only that `npm run bench` runs end to end on a tiny vault and writes its table: no timing is asserted. */
describe("npm run bench", () => {
  let dir = "";

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it(
    "runs at 50 notes with one run and writes its table into the results file, keeping what was written by hand",
    async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), "garden-bench-smoke-"));
      const out = path.join(dir, "RESULTS.md");
      await writeFile(out, `# Benchmark\n\n${BEGIN}\nthe last table\n${END}\n\n## Analysis\n\nWritten by hand.\n`);
      const args = ["bench/run-bench.ts", "--notes", "50", "--runs", "1", "--no-warmup", "--out", out, "--work", path.join(dir, "work"), "--timeout", "120"];
      const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
        const child = spawn(path.join(projectRoot, "node_modules", ".bin", "tsx"), args, { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] });
        let output = "";
        child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
        child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
        const timer = setTimeout(() => child.kill("SIGTERM"), TIMEOUT_MS - 10_000);
        child.on("error", reject);
        child.on("close", (exitCode) => {
          clearTimeout(timer);
          resolve({ code: exitCode, output });
        });
      });
      expect(code, output.slice(-4000)).toBe(0);

      const results = await readFile(out, "utf8");
      expect(results).toContain("| target | notes | limit | measured (median) | result |");
      const ratio = String.raw`\| \d+\.\d\d× \(\d+\.\d\d s vs \d+\.\d\d s\) \| \((met|missed)\) \|`;
      expect(results).toMatch(new RegExp(String.raw`\| Whole build, against bare Eleventy \+ the Pagefind CLI \| 50 \| ≤ 1\.25× ${ratio}`));
      expect(results).toMatch(new RegExp(String.raw`\| Eleventy stage, against bare Eleventy \| 50 \| ≤ 1\.25× ${ratio}`));
      // The stages come from the measured build itself, through the preloaded bench/phase-marks.mjs.
      expect(results).toMatch(new RegExp(String.raw`\| Search stage, against the Pagefind CLI \| 50 \| ≤ 1\.00× ${ratio}`));
      expect(results).toMatch(/\| Search stage peak memory, against the Pagefind CLI \| 50 \| ≤ 1\.00× \| \d+\.\d\d× \(\d+ MB vs \d+ MB\) \| \((met|missed)\) \|/);
      expect(results).toMatch(/\| `npm run check` \| 50 \| < 1\.50 s \| \d+\.\d\d s \| \((met|missed)\) \|/);
      expect(results).toMatch(/\| An edited note rebuilt under `npm start` \| 50 \| < 2\.00 s \| \d+\.\d\d s to the end of the rebuild \(page on disk after \d+\.\d\d s\) \| \((met|missed)\) \|/);
      // Both sides publish the same notes: the drafts are left out of the baseline too.
      expect(results).toMatch(/- 50 notes \(\d+ drafts?\).* Our build published (\d+) notes and indexed \1 pages; bare Eleventy wrote \1 pages and the Pagefind CLI indexed \1\./);
      expect(results).not.toContain("Failures");
      expect(results.startsWith(`# Benchmark\n\n${BEGIN}\n`)).toBe(true);
      expect(results.endsWith(`${END}\n\n## Analysis\n\nWritten by hand.\n`)).toBe(true);
      expect(results).not.toContain("the last table");
    },
    TIMEOUT_MS,
  );
});
