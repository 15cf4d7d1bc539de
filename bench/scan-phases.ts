/**
 * Times the vault scan and the link resolution alone, cold, in a process of their own; run-bench.ts runs it as a
 * child and reads the marks it prints. (The phases of the whole build come from bench/phase-marks.mjs.)
 *
 *   node --import tsx bench/scan-phases.ts --notes <vault>
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { reservedUrls } from "../src/eleventy-plugin/reserved-urls.js";
import { readSiteSettings } from "../src/eleventy-plugin/site-settings.js";
import { buildLinkGraph } from "../src/link-graph/link-graph.js";
import { readVault } from "../src/vault-scan/read-vault.js";
import { phasesLine, type PhaseMark } from "./phases-report.js";

const marks: PhaseMark[] = [];
const mark = (name: string) => marks.push({ name, at: performance.timeOrigin + performance.now() });

const { values } = parseArgs({ options: { notes: { type: "string" } } });
if (!values.notes) throw new Error("usage: node --import tsx bench/scan-phases.ts --notes <vault>");
mark("start");
const vault = await readVault(path.resolve(values.notes), { siteName: readSiteSettings().name });
mark("scan.end");
buildLinkGraph(vault, { reservedUrls: reservedUrls(vault.notes) });
mark("graph.end");
process.stdout.write(phasesLine({ marks }));
