import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { previewFileOf } from "../../src/site-output/write-previews.js";
import { ROOT } from "../cli/run-command.js";

describe("the site's own file writes", () => {
  let work = "";
  afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it("write the previews of 1,000 notes, in more files than a process allowed 200 open files may hold open", async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "garden-few-files-"));
    // `ulimit -n` lowers the hard limit too: Node cannot raise it again, as it does the soft one.
    const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
    await promisify(execFile)("bash", ["-c", `ulimit -n 200 && exec "$0" "$1" "$2"`, tsx, path.join(ROOT, "tests/site-output/write-many-files.ts"), work], { cwd: ROOT, timeout: 60_000 });

    const folder = path.join(work, "site", "assets", "apercus");
    const expected = new Set(Array.from({ length: 1000 }, (_, i) => previewFileOf(`/note-${i}/`)));
    expect(expected.size).toBeGreaterThan(200);
    expect((await readdir(folder)).sort()).toEqual([...expected].sort());
    const last = JSON.parse(await readFile(path.join(folder, previewFileOf("/note-999/")), "utf8"));
    expect(last["/note-999/"]).toEqual({ titre: "Note 999", resume: "Texte 999." });
  });
});
