import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const TIMEOUT_MS = 240_000;

/** Only that `npm run bench` runs end to end on a tiny vault and writes its report: no timing is asserted. */
describe("npm run bench", () => {
  let dir = "";

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it(
    "runs at 50 notes with one run and writes its results file",
    async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), "garden-bench-smoke-"));
      const out = path.join(dir, "RESULTS.md");
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
      for (const header of ["## Machine", "## Targets (issue 8)", "## 50 notes", "### Our phases", "### Dev server", "## Every run", "## CPU profiles", "## Method"]) {
        expect(results).toContain(header);
      }
      expect(results).toMatch(/\| \*\*total\*\* \| \*\*\d+\.\d\d s\*\* \| \d+ MB \|/);
      expect(results).toMatch(/\| Eleventy stage \| \d+\.\d\d s \|/);
      expect(results).toMatch(/\| search stage \| \d+\.\d\d s \|/);
      // The stages come from the measured build itself, through the preloaded bench/phase-marks.mjs.
      expect(results).toMatch(/\| render and write of every page \| \d+\.\d\d s \|/);
      expect(results).toMatch(/Our build published 50 notes and indexed 50 pages/);
      expect(results).toMatch(/in the check: vault scan, `readVault`, cold \| \d+\.\d\d s \|/);
      expect(results).toMatch(/the note's page held the line after \d+\.\d\d s/);
      expect(results).not.toContain("## Failures");
    },
    TIMEOUT_MS,
  );
});
