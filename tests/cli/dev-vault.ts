import { cp, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { startDevServer, type DevServer } from "../../bench/dev-server.js";
import { fixtureDir } from "../helpers.js";
import { ROOT } from "./run-command.js";

export interface DevVault {
  /** The folder of this test's notes and sites, inside the project as the watcher needs (see bench/dev-server.ts). */
  readonly work: string;
  readonly notesDir: string;
  /** The note the tests break and fix. */
  readonly note: string;
  /** Starts `npm start` on the notes, into `<work>/site`; it is stopped after the tests. */
  start(): Promise<DevServer>;
}

/** A copy of template-text-vault for the `npm start` tests of one file, removed with its server after them. */
export function useDevVault(name: string): DevVault {
  const work = path.join(ROOT, "tests", `.dev-server-${name}-${process.pid}`);
  const notesDir = path.join(work, "notes");
  let server: DevServer | undefined;
  beforeAll(async () => {
    await rm(work, { recursive: true, force: true });
    await cp(fixtureDir("template-text-vault"), notesDir, { recursive: true });
  });
  afterAll(async () => {
    await server?.stop();
    await rm(work, { recursive: true, force: true });
  });
  return {
    work,
    notesDir,
    note: path.join(notesDir, "Autre.md"),
    start: async () => (server = await startDevServer(ROOT, notesDir, path.join(work, "site"), 120_000)),
  };
}
