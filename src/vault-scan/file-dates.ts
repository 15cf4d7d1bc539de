import { execFile } from "node:child_process";
import { statSync } from "node:fs";
import { promisify } from "node:util";
import { toVaultPath, type VaultPath } from "./paths.js";

export interface FileDates {
  /** First commit of the file, when Git knows it. */
  readonly firstCommit?: Date;
  /** Last commit of the file, else its modification time. */
  readonly updated: Date;
}

/**
 * Reads the whole history of the notes folder in one `git log` call: for each file, its first and last commit.
 * Outside a Git repository, or without Git, the map is empty and modification times are used instead.
 * A shallow clone only knows its last commit: CI must clone with the full history (fetch-depth: 0).
 */
export async function gitHistory(notesDir: string): Promise<ReadonlyMap<VaultPath, { first: Date; last: Date }>> {
  let output: string;
  try {
    ({ stdout: output } = await promisify(execFile)(
      "git",
      ["-c", "core.quotepath=off", "log", "--no-renames", "--format=%x1e%aI", "--name-only", "-z", "--relative", "--", "."],
      { cwd: notesDir, maxBuffer: 512 * 1024 * 1024, encoding: "utf8" },
    ));
  } catch {
    return new Map();
  }
  const history = new Map<VaultPath, { first: Date; last: Date }>();
  // Newest commit first: the first date seen for a file is its last commit, the last one seen its first.
  for (const record of output.split("\x1e")) {
    const [dateLine, ...files] = record.split(/\n|\0/).filter(Boolean);
    if (dateLine === undefined) continue;
    const date = new Date(dateLine);
    for (const file of files) {
      const key = toVaultPath(file);
      const known = history.get(key);
      if (known) known.first = date;
      else history.set(key, { first: date, last: date });
    }
  }
  return history;
}

export function fileDates(history: ReadonlyMap<VaultPath, { first: Date; last: Date }>, file: VaultPath, absolute: string): FileDates {
  const known = history.get(file);
  if (known) return { firstCommit: known.first, updated: known.last };
  return { updated: statSync(absolute).mtime };
}
