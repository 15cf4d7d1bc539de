import { mkdir, open, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { GardenError } from "../errors/garden-error.js";
import { BUILT_SITE_MARKER, checkReplaceable, isBuiltSite, markAsBuilt } from "./safe-folders.js";

/** Another build holds the output folder: refuse rather than interleave two builds' files. */
export class OutputBusyError extends GardenError {
  constructor(outputDir: string, pid: number, options?: { cause?: unknown }) {
    super(`Une autre construction (processus ${pid}) écrit déjà dans « ${outputDir} ». Attendez qu'elle se termine, puis relancez la commande.`, options);
  }
}

const STAGING = "construction";
const PREVIOUS = "precedent";

/** The locks this process holds: a lock with this process's id and not in here was left by an earlier process with the same id. */
const heldLocks = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function isRunningBuild(pid: number, lockFile: string): boolean {
  return pid === process.pid ? heldLocks.has(lockFile) : isAlive(pid);
}

/** Removes a folder a build made, its marker last: a removal cut short leaves a folder the next build knows as its own. */
async function removeBuilt(dir: string): Promise<void> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  await Promise.all(names.filter((name) => name !== BUILT_SITE_MARKER).map((name) => rm(path.join(dir, name), { recursive: true, force: true })));
  await rm(dir, { recursive: true, force: true });
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function acquireLock(lockFile: string, outputDir: string): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockFile, "wx").catch(async (error: NodeJS.ErrnoException) => {
        if (error.code !== "ENOENT") throw error;
        // The lock lives beside the output: a first build into a new folder makes its parent.
        await mkdir(path.dirname(lockFile), { recursive: true });
        return open(lockFile, "wx");
      });
      heldLocks.add(lockFile);
      await handle.writeFile(String(process.pid));
      await handle.close();
      return async () => {
        await rm(lockFile, { force: true });
        heldLocks.delete(lockFile);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = await lockHolder(lockFile);
      if (holder > 0 && isRunningBuild(holder, lockFile)) throw new OutputBusyError(outputDir, holder, { cause: error });
      await rm(lockFile, { force: true });
    }
  }
  throw new OutputBusyError(outputDir, 0);
}

/**
 * The pid written in the lock, or 0 when there is none. A lock is created, then its pid written: a build started at
 * the same moment may find it empty for an instant, and must not take it for one a killed build left.
 */
async function lockHolder(lockFile: string): Promise<number> {
  for (let wait = 0; wait < 20; wait++) {
    const text = await readFile(lockFile, "utf8").catch(() => undefined);
    if (text === undefined) return 0;
    const pid = Number(text.trim());
    if (text.trim() !== "" && Number.isInteger(pid) && pid > 0) return pid;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return 0;
}

/**
 * The pid of a folder named exactly `<output>.<kind>-<pid>` beside the output, as this module names its staging
 * and previous folders; undefined for any other name.
 */
function leftoverPid(outputDir: string, name: string, kind: string): number | undefined {
  const prefix = `${path.basename(outputDir)}.${kind}-`;
  if (!name.startsWith(prefix)) return undefined;
  const digits = name.slice(prefix.length);
  const pid = Number(digits);
  return /^[1-9][0-9]*$/.test(digits) && Number.isSafeInteger(pid) ? pid : undefined;
}

/**
 * Clears what a killed build left beside the output, restoring the last good site if it was caught mid-swap. Only
 * folders of a build no longer running, named as this module names them and holding what a build writes, are touched.
 */
async function recoverLeftovers(outputDir: string): Promise<void> {
  const parent = path.dirname(outputDir);
  for (const name of await readdir(parent)) {
    const previousPid = leftoverPid(outputDir, name, PREVIOUS);
    const pid = previousPid ?? leftoverPid(outputDir, name, STAGING);
    if (pid === undefined || (pid !== process.pid && isAlive(pid))) continue;
    const leftover = path.join(parent, name);
    if (!(await isBuiltSite(leftover))) continue;
    if (previousPid !== undefined && !(await exists(outputDir))) await rename(leftover, outputDir);
    else await removeBuilt(leftover);
  }
}

/**
 * Runs `build` into a staging folder beside the output, then swaps it in. A failed or killed build leaves the
 * previous site as it was, and two builds into the same folder never interleave: the second one is refused.
 */
export async function buildIntoFreshOutput<T>(outputDir: string, build: (stagingDir: string) => Promise<T>): Promise<T> {
  const release = await acquireLock(`${outputDir}.lock`, outputDir);
  const staging = `${outputDir}.${STAGING}-${process.pid}`;
  const previous = `${outputDir}.${PREVIOUS}-${process.pid}`;
  let stagingMade = false;
  try {
    await recoverLeftovers(outputDir);
    await checkReplaceable(outputDir);
    await mkdir(staging);
    stagingMade = true;
    await markAsBuilt(staging);
    const result = await build(staging);
    const hadOutput = await exists(outputDir);
    if (hadOutput) await rename(outputDir, previous);
    await rename(staging, outputDir);
    if (hadOutput) await removeBuilt(previous);
    return result;
  } catch (error) {
    if (stagingMade) await removeBuilt(staging);
    throw error;
  } finally {
    await release();
  }
}
