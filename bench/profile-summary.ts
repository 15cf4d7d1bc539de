/**
 * Summarises V8 CPU profiles (.cpuprofile, as written by `node --cpu-prof`): self and total time per function,
 * and self time per package. As a command:
 *
 *   tsx bench/profile-summary.ts <file-or-folder.cpuprofile>… [--top 25] [--callees <function name>]
 *
 * Time spent in other processes (Pagefind's binary, esbuild) is not in a Node profile: there it shows as "(idle)".
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
  readonly columnNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface FunctionTime {
  /** Name, file, line and column: one function. */
  readonly key: string;
  readonly name: string;
  /** Shortened location: "src/…/x.ts" (no line: tsx's output is one line), "@11ty/eleventy/…:34", "node:internal/…". */
  readonly location: string;
  /** "src", a package name, "node" or "v8" (GC, program, idle). */
  readonly owner: string;
  readonly selfMs: number;
  /** Time with the function anywhere on the stack, each sample counted once even under recursion. */
  readonly totalMs: number;
}

export interface ProfileSummary {
  readonly files: readonly string[];
  /** Of the longest profile: each thread (main, tsx's module loader) writes its own. */
  readonly durationMs: number;
  /** Sampled time excluding "(idle)", summed over the profiles. */
  readonly busyMs: number;
  readonly functions: readonly FunctionTime[];
  readonly owners: readonly { readonly owner: string; readonly selfMs: number }[];
}

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const USAGE = "usage: tsx bench/profile-summary.ts <file-or-folder>… [--top 25] [--callees <function name>]";

function describe(frame: CallFrame): { location: string; owner: string } {
  const url = frame.url;
  if (url === "") return { location: "", owner: frame.functionName.startsWith("(") ? "v8" : "node" };
  if (url.startsWith("node:")) return { location: `${url}:${frame.lineNumber + 1}`, owner: "node" };
  let file = url.startsWith("file://") ? fileURLToPath(url) : url;
  const modules = file.lastIndexOf("/node_modules/");
  if (modules >= 0) {
    file = file.slice(modules + "/node_modules/".length);
    const parts = file.split("/");
    return { location: `${file}:${frame.lineNumber + 1}`, owner: parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]! };
  }
  const relative = path.relative(projectRoot, file);
  const inProject = !relative.startsWith("..") && !path.isAbsolute(relative);
  const shown = inProject ? relative : file;
  // tsx hands V8 its TypeScript output on one line: the line number says nothing there.
  const line = frame.lineNumber > 0 ? `:${frame.lineNumber + 1}` : "";
  return { location: `${shown}${line}`, owner: inProject ? (relative.split(path.sep)[0] ?? "project") : "other" };
}

export async function profileFiles(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    if ((await stat(input)).isDirectory()) {
      for (const name of (await readdir(input)).sort()) if (name.endsWith(".cpuprofile")) files.push(path.join(input, name));
    } else {
      files.push(input);
    }
  }
  return files;
}

export async function summariseProfiles(files: readonly string[]): Promise<ProfileSummary> {
  const byKey = new Map<string, { name: string; location: string; owner: string; selfUs: number; totalUs: number; labels: Map<string, number> }>();
  let durationUs = 0;
  let idleUs = 0;
  let sampledUs = 0;

  for (const file of files) {
    const profile = JSON.parse(await readFile(file, "utf8")) as CpuProfile;
    durationUs = Math.max(durationUs, profile.endTime - profile.startTime);
    const parent = new Map<number, number>();
    const keyOf = new Map<number, string>();
    const frameOf = new Map<number, CallFrame>();
    const enclosingOf = new Map<number, string | null>();
    for (const node of profile.nodes) {
      for (const child of node.children ?? []) parent.set(child, node.id);
      frameOf.set(node.id, node.callFrame);
      const { location, owner } = describe(node.callFrame);
      const name = node.callFrame.functionName || "(anonymous)";
      const key = `${name} ${location}:${node.callFrame.lineNumber}:${node.callFrame.columnNumber}`;
      keyOf.set(node.id, key);
      if (!byKey.has(key)) byKey.set(key, { name, location, owner, selfUs: 0, totalUs: 0, labels: new Map() });
    }
    // Each sample stands for the time until the next one.
    for (let i = 0; i < profile.samples.length; i++) {
      const us = profile.timeDeltas[i + 1] ?? 0;
      if (us <= 0) continue;
      const id = profile.samples[i]!;
      const leaf = byKey.get(keyOf.get(id)!)!;
      leaf.selfUs += us;
      sampledUs += us;
      if (leaf.name === "(idle)") idleUs += us;
      const stack: number[] = [];
      for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) stack.push(node);
      const named = (node: number) => {
        const name = frameOf.get(node)!.functionName;
        return name && !name.startsWith("(") ? name : undefined;
      };
      const onStack = new Set<string>();
      let callee: string | undefined;
      stack.forEach((node, depth) => {
        const key = keyOf.get(node)!;
        const name = named(node);
        if (!onStack.has(key)) {
          onStack.add(key);
          const entry = byKey.get(key)!;
          entry.totalUs += us;
          if (!name && entry.name === "(anonymous)") {
            let enclosing = enclosingOf.get(node);
            if (enclosing === undefined) {
              const url = frameOf.get(node)!.url;
              const above = stack.slice(depth + 1).find((n) => named(n) && frameOf.get(n)!.url === url);
              enclosing = above === undefined ? null : named(above)!;
              enclosingOf.set(node, enclosing);
            }
            const label = enclosing ? `in ${enclosing}` : callee ? `→ ${callee}` : "";
            if (label) entry.labels.set(label, (entry.labels.get(label) ?? 0) + us);
          }
        }
        if (name) callee = name;
      });
    }
  }

  // An anonymous function is named after its enclosing function when one of the same file calls it, else after the
  // named function it mostly calls: Eleventy calls our filters and globals through wrappers.
  const label = (f: { name: string; labels: Map<string, number> }) =>
    f.name === "(anonymous)" && f.labels.size > 0 ? `(anonymous ${[...f.labels].sort((a, b) => b[1] - a[1])[0]![0]})` : f.name;
  const functions = [...byKey.entries()]
    .map(([key, f]) => ({ key, name: label(f), location: f.location, owner: f.owner, selfMs: f.selfUs / 1000, totalMs: f.totalUs / 1000 }))
    .filter((f) => f.selfMs > 0 || f.totalMs > 0)
    .sort((a, b) => b.selfMs - a.selfMs);
  const owners = new Map<string, number>();
  for (const f of functions) if (f.name !== "(idle)") owners.set(f.owner, (owners.get(f.owner) ?? 0) + f.selfMs);
  return {
    files,
    durationMs: durationUs / 1000,
    busyMs: (sampledUs - idleUs) / 1000,
    functions,
    owners: [...owners].map(([owner, selfMs]) => ({ owner, selfMs })).sort((a, b) => b.selfMs - a.selfMs),
  };
}

const ROOT_FRAMES = new Set(["(root)", "(program)", "(idle)", "(garbage collector)"]);

/** Functions of our own code (src/), by total time: where our features spend, callees included. */
export function ownFunctionsByTotal(summary: ProfileSummary, owner = "src"): FunctionTime[] {
  return summary.functions.filter((f) => f.owner === owner && !ROOT_FRAMES.has(f.name)).sort((a, b) => b.totalMs - a.totalMs);
}

function formatSummary(summary: ProfileSummary, top: number): string {
  const ms = (value: number) => `${Math.round(value).toLocaleString("en-US")} ms`;
  const share = (value: number) => `${((100 * value) / summary.busyMs).toFixed(1)} %`;
  const lines = [
    `Profiles: ${summary.files.join(", ")}`,
    `Duration ${ms(summary.durationMs)}, busy (not idle, all threads) ${ms(summary.busyMs)}; shares are of the busy time`,
    "",
    `Top ${top} functions by self time:`,
    ...summary.functions.filter((f) => f.name !== "(idle)").slice(0, top).map((f) => `  ${ms(f.selfMs).padStart(10)}  ${share(f.selfMs).padStart(7)}  ${f.name}  ${f.location}`),
    "",
    "Self time by owner:",
    ...summary.owners.slice(0, top).map((o) => `  ${ms(o.selfMs).padStart(10)}  ${share(o.selfMs).padStart(7)}  ${o.owner}`),
    "",
    `Top ${top} functions of src/ by total time (callees included):`,
    ...ownFunctionsByTotal(summary)
      .slice(0, top)
      .map((f) => `  ${ms(f.totalMs).padStart(10)}  ${share(f.totalMs).padStart(7)}  self ${ms(f.selfMs).padStart(9)}  ${f.name}  ${f.location}`),
  ];
  return lines.join("\n");
}

/**
 * Where the time of one function goes: for every sample with a function of that name on the stack, the time is
 * given to the function it calls directly (from its outermost call), or to "(self)".
 */
async function calleesOf(files: readonly string[], functionName: string): Promise<{ totalMs: number; callees: { name: string; location: string; ms: number }[] }> {
  const callees = new Map<string, { name: string; location: string; us: number }>();
  let totalUs = 0;
  for (const file of files) {
    const profile = JSON.parse(await readFile(file, "utf8")) as CpuProfile;
    const parent = new Map<number, number>();
    const frameOf = new Map<number, CallFrame>();
    for (const node of profile.nodes) {
      frameOf.set(node.id, node.callFrame);
      for (const child of node.children ?? []) parent.set(child, node.id);
    }
    for (let i = 0; i < profile.samples.length; i++) {
      const us = profile.timeDeltas[i + 1] ?? 0;
      if (us <= 0) continue;
      let below: number | undefined;
      let found: number | undefined;
      let child: number | undefined;
      for (let node: number | undefined = profile.samples[i]!; node !== undefined; child = node, node = parent.get(node)) {
        if (frameOf.get(node)!.functionName === functionName) {
          found = node;
          below = child;
        }
      }
      if (found === undefined) continue;
      totalUs += us;
      const frame = below === undefined ? undefined : frameOf.get(below)!;
      const name = frame ? frame.functionName || "(anonymous)" : "(self)";
      const location = frame ? describe(frame).location : "";
      const key = `${name} ${location}`;
      const entry = callees.get(key) ?? callees.set(key, { name, location, us: 0 }).get(key)!;
      entry.us += us;
    }
  }
  return {
    totalMs: totalUs / 1000,
    callees: [...callees.values()].map((c) => ({ name: c.name, location: c.location, ms: c.us / 1000 })).sort((a, b) => b.ms - a.ms),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let top = 25;
  let callees: string | undefined;
  const inputs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--top") top = Number(args[++i]);
    else if (args[i] === "--callees") callees = args[++i];
    else inputs.push(args[i]!);
  }
  if (inputs.length === 0 || !Number.isInteger(top) || top < 1) throw new Error(USAGE);
  const files = await profileFiles(inputs);
  if (callees === undefined) {
    console.log(formatSummary(await summariseProfiles(files), top));
    return;
  }
  const result = await calleesOf(files, callees);
  console.log(`${callees}: ${Math.round(result.totalMs).toLocaleString("en-US")} ms on the stack, spent in:`);
  for (const c of result.callees.slice(0, top)) console.log(`  ${`${Math.round(c.ms).toLocaleString("en-US")} ms`.padStart(10)}  ${c.name}  ${c.location}`);
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
