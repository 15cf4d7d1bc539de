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

/** Runs `tsx <args…>` from the project root as a separate process, and gives its exit code and output. */
export async function runCommand(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(TSX, [...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout: string; stderr: string };
    // A spawn failure ("ENOENT") or a kill (code null) is no exit code: let the test fail on it as it is.
    if (typeof failed.code !== "number") throw error;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
