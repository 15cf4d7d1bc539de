// The thread of file-writer.ts, which gives it the files to write and explains why. JavaScript, so that it starts
// without tsx.
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import pMap from "p-map";

const FILES_AT_ONCE = 64;

/** @type {readonly import("./file-writer.ts").SiteFile[]} */
const files = workerData;
try {
  await pMap(
    files,
    async (file) => {
      await mkdir(path.dirname(file.target), { recursive: true });
      if ("text" in file) await writeFile(file.target, file.text);
      else await copyFile(file.source, file.target);
    },
    { concurrency: FILES_AT_ONCE },
  );
} catch (error) {
  parentPort?.postMessage(error instanceof Error ? error.message : String(error));
}
