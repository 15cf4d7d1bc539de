import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

/** The project root: the commands run from here, as `npm run …` runs them. */
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `tsx <args…>` from the project root (or `cwd`, a copy of the project) as a separate process, and gives its
 * exit code and output. Past `timeoutMs` the command is killed, and the test fails on that.
 */
export async function runCommand(args: readonly string[], env: Readonly<Record<string, string>> = {}, timeoutMs = 60_000, cwd = ROOT): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(TSX, [...args], {
      cwd,
      env: { ...process.env, ...env },
      timeout: timeoutMs,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout: string; stderr: string };
    // A spawn failure ("ENOENT") or a kill (code null) is no exit code: let the test fail on it as it is.
    if (typeof failed.code !== "number") throw error;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** `npm run build` on another notes folder and output folder, as the README shows it. */
export function runBuild(notesDir: string, outputDir: string, timeoutMs?: number): Promise<Run> {
  return runCommand(["src/cli/build.ts"], { NOTES_DIR: notesDir, OUTPUT_DIR: outputDir }, timeoutMs);
}
