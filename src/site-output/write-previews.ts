import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { LinkGraph } from "../link-graph/link-graph.js";

/** Next to each note page, its preview: what a hovered or focused link shows, fetched only then. */
const PREVIEW_FILE = "apercu.json";

interface Preview {
  readonly titre: string;
  readonly resume: string;
}

export async function writePreviews(outputDir: string, graph: LinkGraph): Promise<void> {
  await Promise.all(
    graph.published
      .filter((note) => note.url.endsWith("/"))
      .map(async (note) => {
        const dir = path.join(outputDir, ...note.url.split("/").filter(Boolean));
        const preview: Preview = { titre: note.title, resume: note.outline.summary };
        await mkdir(dir, { recursive: true });
        await writeFile(path.join(dir, PREVIEW_FILE), `${JSON.stringify(preview)}\n`);
      }),
  );
}
