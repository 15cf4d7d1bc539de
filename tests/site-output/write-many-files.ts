/**
 * Run by file-writer.test.ts in a process allowed few open files: writes the previews of 1,000 notes into the folder
 * given as argument, in more files than the process may hold open. Each file is an open, a write and a close, so all
 * at once they would hold every one open.
 */
import path from "node:path";
import { buildLinkGraph } from "../../src/link-graph/link-graph.js";
import { writePreviews } from "../../src/site-output/write-previews.js";
import { memoryVault } from "../helpers.js";

const notes = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`Note ${i}.md`, `# Note ${i}\n\nTexte ${i}.\n`]));
await writePreviews(path.join(process.argv[2]!, "site"), buildLinkGraph(memoryVault(notes), { reservedUrls: new Map() }));
