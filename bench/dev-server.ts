/**
 * Times the dev server (`npm start`): start it on a copy of a vault, append a line to one note, and wait until the
 * note's page on disk holds that line. The browser reloads once Eleventy has finished the whole rebuild, so the
 * time until Eleventy prints its next "Watching…" is recorded as well.
 *
 * The copy must be inside the project folder, as notes/ is: with a notes folder outside the working directory,
 * Eleventy 3.1.7's watcher names the changed file relative to another folder, the changed note is not re-read and
 * the rebuilt page keeps its old text.
 */
import { spawn } from "node:child_process";
import { appendFile, cp, readFile, rm } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { readLayoutIds } from "../src/site/layout-ids.js";
import { readVault } from "../src/vault-scan/read-vault.js";
import { track, untrack } from "./measure.js";

export interface DevServerResult {
  readonly note: string;
  /** Per edit: until the note's HTML holds the new line. */
  readonly pageUpdatedMs: readonly number[];
  /** Per edit: until Eleventy printed "Watching" again, the rebuild finished. */
  readonly rebuildDoneMs: readonly number[];
}

export interface DevServerOptions {
  readonly projectRoot: string;
  readonly vaultDir: string;
  /** A scratch folder inside the project (see above): the vault is copied there, since a note gets edited. Removed at the end. */
  readonly workDir: string;
  readonly edits: number;
  readonly siteName: string;
  /** For the first build. */
  readonly timeoutMs: number;
  /** For each edit to show. */
  readonly editTimeoutMs: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined> | T | undefined, everyMs = 10): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`dev server: gave up waiting for ${what} after ${timeoutMs} ms`);
    await sleep(everyMs);
  }
}

/** A running `npm start` on a notes folder, for the benchmark and the tests. */
export interface DevServer {
  /** The port it listens on. */
  readonly port: number;
  /** What it printed so far (the last 100 000 characters). */
  output(): string;
  /** Waits until it has printed `text`: the line that says where it listens comes after the first build. */
  printed(text: string, timeoutMs: number): Promise<true>;
  /** How many times Eleventy printed "Watching": 1 after the first build, one more after each rebuild. */
  watchCount(): number;
  /** Throws, with the end of the server's output, when it has exited. */
  alive(): void;
  stop(): Promise<void>;
}

/** Starts the dev server as `npm start -- <options…>` runs it, on these folders, and waits for the end of its first build. */
export async function startDevServer(projectRoot: string, notesDir: string, outputDir: string, timeoutMs: number, options: readonly string[] = []): Promise<DevServer> {
  const port = await freePort();
  const server = spawn(
    process.execPath,
    ["--import", "tsx", "src/cli/serve.ts", `--port=${port}`, ...options],
    { cwd: projectRoot, env: { ...process.env, NOTES_DIR: notesDir, OUTPUT_DIR: outputDir }, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  track(server.pid!);
  let output = "";
  let watching = 0;
  let exited = false;
  const read = (chunk: string) => {
    output = (output + chunk).slice(-100_000);
    watching += chunk.split("Watching").length - 1;
  };
  server.stdout.setEncoding("utf8").on("data", read);
  server.stderr.setEncoding("utf8").on("data", read);
  server.on("exit", () => (exited = true));
  const devServer: DevServer = {
    port,
    output: () => output,
    printed: (text, timeoutMs) => until(`"${text}"`, timeoutMs, () => (devServer.alive(), output.includes(text) ? true : undefined), 50),
    watchCount: () => watching,
    alive() {
      if (exited) throw new Error(`the server exited early:\n${output.split("\n").filter((l) => !/^\S*\s+at /.test(l)).slice(-12).join("\n")}`);
    },
    async stop() {
      if (!exited) {
        const gone = new Promise((resolve) => server.once("exit", resolve));
        process.kill(-server.pid!, "SIGTERM");
        const killed = await Promise.race([gone.then(() => true), sleep(5000).then(() => false)]);
        if (!killed) process.kill(-server.pid!, "SIGKILL");
      }
      untrack(server.pid!);
    },
  };
  try {
    await until("the first build", timeoutMs, () => (devServer.alive(), watching > 0 ? true : undefined), 50);
  } catch (error) {
    await devServer.stop();
    throw error;
  }
  return devServer;
}

/** Waits until Eleventy has finished the rebuild that follows `seen` "Watching" lines. */
export function rebuildAfter(server: DevServer, seen: number, timeoutMs: number): Promise<true> {
  return until("the end of the rebuild", timeoutMs, () => (server.alive(), server.watchCount() > seen ? true : undefined));
}

export async function measureDevServer(options: DevServerOptions): Promise<DevServerResult> {
  const notesDir = path.join(options.workDir, "notes");
  const outputDir = path.join(options.workDir, "site");
  await rm(options.workDir, { recursive: true, force: true });
  await cp(options.vaultDir, notesDir, { recursive: true });
  const vault = await readVault(notesDir, { siteName: options.siteName, layoutIds: readLayoutIds() });
  const note = vault.notes.filter((n) => !n.unpublished && n.url.endsWith("/")).sort((a, b) => (a.file < b.file ? -1 : 1))[0];
  if (!note) throw new Error("dev server: the vault has no published note to edit");
  const page = path.join(outputDir, ...decodeURIComponent(note.url).split("/").filter(Boolean), "index.html");

  const server = await startDevServer(options.projectRoot, notesDir, outputDir, options.timeoutMs);
  try {
    const pageUpdatedMs: number[] = [];
    const rebuildDoneMs: number[] = [];
    for (let edit = 1; edit <= options.edits; edit++) {
      await sleep(1000);
      // Plain ASCII: the page must hold it as typed, without HTML escapes or typographic quotes.
      const token = `BenchEdit${edit}x${Date.now()}`;
      const seen = server.watchCount();
      const editedAt = performance.now();
      await appendFile(path.join(notesDir, note.file), `\n\n${token}\n`);
      await until("the edited page", options.editTimeoutMs, async () => {
        server.alive();
        const html = await readFile(page, "utf8").catch(() => "");
        return html.includes(token) ? true : undefined;
      });
      pageUpdatedMs.push(performance.now() - editedAt);
      await rebuildAfter(server, seen, options.editTimeoutMs);
      rebuildDoneMs.push(performance.now() - editedAt);
    }
    return { note: note.file, pageUpdatedMs, rebuildDoneMs };
  } finally {
    await server.stop();
    await rm(options.workDir, { recursive: true, force: true });
  }
}
