import { mkdir, open, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";

/** Another build holds the output folder: refuse rather than interleave two builds' files. */
export class OutputBusyError extends Error {
  constructor(outputDir: string, pid: number) {
    super(`Une autre construction (processus ${pid}) écrit déjà dans « ${outputDir} ». Attendez qu'elle se termine, puis relancez la commande.`);
    this.name = "OutputBusyError";
  }
}

const STAGING = "construction";
const PREVIOUS = "precedent";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
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
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = await lockHolder(lockFile);
      if (holder > 0 && isAlive(holder)) throw new OutputBusyError(outputDir, holder);
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

/** Clears what a killed build left beside the output, restoring the last good site if it was caught mid-swap. */
async function recoverLeftovers(outputDir: string): Promise<void> {
  const parent = path.dirname(outputDir);
  const prefix = `${path.basename(outputDir)}.`;
  const leftovers = (await readdir(parent)).filter((name) => name.startsWith(prefix) && (name.includes(`.${STAGING}-`) || name.includes(`.${PREVIOUS}-`)));
  for (const name of leftovers) {
    const leftover = path.join(parent, name);
    if (name.includes(`.${PREVIOUS}-`) && !(await exists(outputDir))) await rename(leftover, outputDir);
    else await rm(leftover, { recursive: true, force: true });
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
  try {
    await recoverLeftovers(outputDir);
    const result = await build(staging);
    const hadOutput = await exists(outputDir);
    if (hadOutput) await rename(outputDir, previous);
    await rename(staging, outputDir);
    if (hadOutput) await rm(previous, { recursive: true, force: true });
    return result;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  } finally {
    await release();
  }
}
