import { Worker } from "node:worker_threads";

/** A file of the site: its text, or the file it is a copy of. */
export type SiteFile = { readonly target: string; readonly text: string } | { readonly target: string; readonly source: string };

/**
 * Writes files of the site in a thread of their own (file-writer-thread.mjs), creating their folders. The build
 * copies attachments (thousands in a large garden, a second or two of the disk's time) and writes the preview files
 * while Eleventy renders, and the render keeps its own thread busy from start to end, so a write issued there would
 * wait for its next step until the render is over. The thread writes a few files at a time: all at once, thousands
 * of writes would hold more files open than many systems allow (EMFILE).
 */
export function writeSiteFiles(files: readonly SiteFile[]): Promise<void> {
  if (files.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    // Without the command's --import preloads (tsx): the thread is JavaScript, and starts at once.
    const worker = new Worker(new URL("./file-writer-thread.mjs", import.meta.url), { workerData: files, execArgv: [] });
    let failure: Error | undefined;
    worker.on("message", (message: string) => (failure ??= new Error(message)));
    worker.on("error", (error) => (failure ??= error));
    worker.on("exit", (code) => {
      if (failure) reject(failure);
      else if (code === 0) resolve();
      else reject(new Error(`l'écriture des fichiers du site s'est arrêtée (code ${code})`));
    });
  });
}
