import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const read = (file: string) => readFile(path.join(root, file), "utf8");

/** The script's commands, comments and blank lines aside. */
async function commands(file: string): Promise<string[]> {
  return (await read(file))
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
}

describe("the CI script (.ci/run)", () => {
  it("installs from the lockfile, then runs the README's test command with the packaged browser, as any user", async () => {
    expect(await read("README.md")).toMatch(/```sh\nnpm ci && npm run build +# [^\n]*\nnpm test +# /);
    expect(await commands(".ci/run")).toEqual([
      "set -euo pipefail",
      'cd "$(dirname "$0")/.."',
      "npm ci --no-audit --no-fund",
      "unset CHROMIUM_PATH",
      "GARDEN_BROWSER=packaged npm test",
    ]);
  });
});
