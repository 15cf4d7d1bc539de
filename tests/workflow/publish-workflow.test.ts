import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = fileURLToPath(new URL("../..", import.meta.url));
const workflowFile = path.join(root, ".github", "workflows", "publier.yml");

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly shell?: string;
  readonly id?: string;
  readonly with?: Readonly<Record<string, unknown>>;
  readonly env?: Readonly<Record<string, unknown>>;
  readonly if?: string;
  readonly "continue-on-error"?: unknown;
}

interface Job {
  readonly if?: string;
  readonly permissions?: Readonly<Record<string, string>>;
  readonly environment?: string | { readonly name: string };
  readonly concurrency?: { readonly group: string; readonly "cancel-in-progress"?: unknown };
  readonly steps: readonly Step[];
}

interface Workflow {
  readonly on: Readonly<Record<string, { readonly branches?: readonly string[] } | null>>;
  readonly jobs: Readonly<Record<string, Job>>;
}

const workflow = parse(await readFile(workflowFile, "utf8")) as Workflow;

type Event = "push" | "pull_request" | "workflow_dispatch";

/** The jobs a given event starts: a job without `if` runs on every event; an `if` compares github.event_name once. */
function jobsOn(event: Event): Job[] {
  return Object.values(workflow.jobs).filter((job) => {
    if (job.if === undefined) return true;
    const test = /^github\.event_name (==|!=) '(\w+)'$/.exec(job.if.trim().replace(/\s+/g, " "));
    if (!test) throw new Error(`a job's condition this test cannot read: ${job.if}`);
    return (test[2] === event) === (test[1] === "==");
  });
}

/** The one job that deploys to Pages on this event. */
function deployJobOn(event: Event): Job {
  const jobs = jobsOn(event).filter((job) => job.steps.some(isPagesDeploy));
  expect(jobs).toHaveLength(1);
  return jobs[0]!;
}

const isCheckout = (s: Step) => s.uses?.startsWith("actions/checkout@") === true;
const isNpmCi = (s: Step) => /^\s*npm ci\s*$/m.test(s.run ?? "");
const isCheck = (s: Step) => /\bnpm run (--silent )?check\b/.test(s.run ?? "");
const isStrictCheck = (s: Step) => /\bnpm run (--silent )?check -- --strict\b/.test(s.run ?? "");
const isBuild = (s: Step) => /^\s*npm run build\s*$/m.test(s.run ?? "");
const isConfigurePages = (s: Step) => s.uses?.startsWith("actions/configure-pages@") === true;
const isPagesUpload = (s: Step) => s.uses?.startsWith("actions/upload-pages-artifact@") === true;
const isPagesDeploy = (s: Step) => s.uses?.startsWith("actions/deploy-pages@") === true;

/** Index of the first step matching each predicate, in order; -1 for a missing one. */
function stepOrder(job: Job, predicates: readonly ((s: Step) => boolean)[]): number[] {
  return predicates.map((matches) => job.steps.findIndex(matches));
}

function expectInOrder(indexes: readonly number[]): void {
  for (const index of indexes) expect(index).toBeGreaterThanOrEqual(0);
  expect([...indexes].sort((a, b) => a - b)).toEqual(indexes);
  expect(new Set(indexes).size).toBe(indexes.length);
}

describe("publish workflow (.github/workflows/publier.yml)", () => {
  it("runs on pushes to main, on pull requests, and when started by hand from the Actions tab", () => {
    expect(workflow.on.push?.branches).toEqual(["main"]);
    expect(Object.keys(workflow.on).sort()).toEqual(["pull_request", "push", "workflow_dispatch"]);
  });

  it("on a push to main or a run started by hand: full checkout, npm ci, check, Pages settings, build, then upload and deploy to Pages", () => {
    const job = deployJobOn("push");
    expect(deployJobOn("workflow_dispatch")).toBe(job);
    const order = stepOrder(job, [isCheckout, isNpmCi, isCheck, isConfigurePages, isBuild, isPagesUpload, isPagesDeploy]);
    expectInOrder(order);

    const steps = order.map((i) => job.steps[i]!);
    const [checkout, , check, configurePages, build, upload] = steps;
    expect(checkout!.with?.["fetch-depth"]).toBe(0);
    // The address GitHub Pages gives the site, with its /<dépôt>/ path for a project site, is the one the build uses.
    expect(configurePages!.id).toBe("pages");
    // enablement would need a token with more rights than the run's own: the guide gives the two clicks instead.
    expect(configurePages!.with?.["enablement"]).toBeUndefined();
    expect(build!.env).toEqual({ SITE_URL: "${{ steps.pages.outputs.base_url }}" });
    expect(isStrictCheck(check!)).toBe(false);
    expect(upload!.with?.["path"]).toBe("_site");
    // A check error must stop the job before the deployment.
    for (const step of steps) {
      expect(step["continue-on-error"]).toBeUndefined();
      expect(step.if).toBeUndefined();
    }
    expect(job.permissions).toMatchObject({ pages: "write", "id-token": "write" });
    const environment = typeof job.environment === "string" ? job.environment : job.environment?.name;
    expect(environment).toBe("github-pages");
  });

  it("never cancels a deployment, and a new push to a pull request cancels the run of the previous one", () => {
    expect(deployJobOn("push").concurrency).toEqual({ group: "pages", "cancel-in-progress": false });
    for (const job of jobsOn("pull_request")) {
      expect(job.concurrency?.group).toMatch(/\$\{\{ github\.ref \}\}/);
      expect(job.concurrency?.group).not.toBe("pages");
      expect(job.concurrency?.["cancel-in-progress"]).toBe(true);
    }
  });

  it("uses current major versions of the actions, on a Node.js LTS version that is still maintained", () => {
    const currentMajors: Readonly<Record<string, number>> = {
      "actions/checkout": 6,
      "actions/setup-node": 6,
      "actions/configure-pages": 6,
      "actions/upload-pages-artifact": 5,
      "actions/deploy-pages": 5,
    };
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const used = steps.filter((s) => s.uses !== undefined).map((s) => s.uses!.split("@") as [string, string]);
    expect(new Set(used.map(([action]) => action))).toEqual(new Set(Object.keys(currentMajors)));
    for (const [action, version] of used) expect(Number(/^v(\d+)$/.exec(version)?.[1]), action).toBeGreaterThanOrEqual(currentMajors[action]!);
    const nodeVersions = steps.filter((s) => s.uses?.startsWith("actions/setup-node@")).map((s) => s.with?.["node-version"]);
    expect(nodeVersions.length).toBe(Object.keys(workflow.jobs).length);
    for (const version of nodeVersions) {
      // Even major versions become LTS; 20 reached its end of life in April 2026.
      expect(version === "lts/*" || (typeof version === "number" && version >= 22 && version % 2 === 0), String(version)).toBe(true);
    }
  });

  it("on a pull request: strict check written to the job summary, then build, and never a deployment", () => {
    const jobs = jobsOn("pull_request");
    expect(jobs.length).toBeGreaterThan(0);
    for (const job of jobs) {
      expect(job.steps.some((s) => isPagesUpload(s) || isPagesDeploy(s))).toBe(false);
      expect(job.permissions?.["pages"]).toBeUndefined();
    }
    const job = jobs.find((j) => j.steps.some(isStrictCheck));
    expect(job).toBeDefined();
    const order = stepOrder(job!, [isCheckout, isNpmCi, isStrictCheck, isBuild]);
    expectInOrder(order);
    const check = job!.steps[order[2]!]!;
    expect(check.run).toContain("GITHUB_STEP_SUMMARY");
    expect(check.run).toMatch(/set -o pipefail/);
    expect(check["continue-on-error"]).toBeUndefined();
  });

  it.each([
    ["strictly on the notes the pull request changes", ["notes/Qu'est-ce qu'une stratégie numérique pour un musée.md"], ["--strict", "notes/Qu'est-ce qu'une stratégie numérique pour un musée.md"]],
    ["on every note, without --strict, when it changes none", [], []],
  ])("the pull-request check step runs %s, writes the report to the summary and keeps the check's exit code", async (_case, changed, checkArgs) => {
    const job = jobsOn("pull_request").find((j) => j.steps.some(isStrictCheck))!;
    const script = job.steps.find(isStrictCheck)!.run!;
    const dir = await mkdtemp(path.join(os.tmpdir(), "museumxtd-summary-"));
    try {
      const summaryFile = path.join(dir, "summary.md");
      await writeFile(summaryFile, "");
      // A stand-in for `git diff` in the pull request's checkout: it lists the changed notes, NUL-separated.
      await writeFile(path.join(dir, "git"), `#!/bin/sh\nprintf '${changed.map((f) => `${f.replace(/'/g, "'\\''")}\\0`).join("")}'\n`, { mode: 0o755 });
      const env = { ...process.env, GITHUB_STEP_SUMMARY: summaryFile, BASE_REF: "main", PATH: `${dir}:${process.env["PATH"]}` };
      // GitHub runs `shell: bash` steps as `bash --noprofile --norc -eo pipefail {0}`.
      const step = await exitCodeOf("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], env);
      const direct = await exitCodeOf(path.join(root, "node_modules", ".bin", "tsx"), ["src/cli/check.ts", ...checkArgs], env);
      expect(step.code).toBe(direct.code);
      expect(direct.code).toBe(changed.length > 0 ? 1 : 0);
      const summary = await readFile(summaryFile, "utf8");
      expect(summary).toContain(direct.stdout.trim());
      expect(summary.trimEnd().endsWith("```")).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

async function exitCodeOf(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await promisify(execFile)(command, args, { cwd: root, env, timeout: 60_000 });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string };
    if (typeof failed.code !== "number") throw error;
    return { code: failed.code, stdout: failed.stdout ?? "" };
  }
}
