import pMap from "p-map";

/**
 * How many of the site's own file writes run at once. All at once, ten thousand previews would hold ten thousand
 * files open and stop the build on systems with a lower limit (EMFILE); 64 keep Node's thread pool as busy.
 */
const FILES_AT_ONCE = 64;

/** Runs `write` for every item, a few at a time, and fails with the first failure. */
export async function forEachFile<T>(items: Iterable<T>, write: (item: T) => Promise<void>): Promise<void> {
  await pMap(items, write, { concurrency: FILES_AT_ONCE });
}
