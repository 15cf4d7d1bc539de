import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT } from "../cli/run-command.js";

describe("the site's own file writes", () => {
  let work = "";
  afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it("write 600 previews in a process allowed 200 open files", async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "garden-few-files-"));
    // `ulimit -n` lowers the hard limit too: Node cannot raise it again, as it does the soft one.
    const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
    await promisify(execFile)("bash", ["-c", `ulimit -n 200 && exec "$0" "$1" "$2"`, tsx, path.join(ROOT, "tests/site-output/write-many-files.ts"), work], { cwd: ROOT, timeout: 60_000 });

    const site = path.join(work, "site");
    const noteDirs = (await readdir(site)).filter((name) => name.startsWith("note-"));
    expect(noteDirs).toHaveLength(600);
    expect(await readFile(path.join(site, "note-599", "apercu.json"), "utf8")).toBe('{"titre":"Note 599","resume":"Texte 599."}\n');
  });
});
