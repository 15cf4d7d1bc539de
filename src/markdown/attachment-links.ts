import type MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import { safeDecode } from "../vault-scan/paths.js";
import type { GardenEnv, GardenLinks } from "./garden-env.js";

/** A path with no scheme, no host and no leading "/", "#" or "?": relative to the note, as Obsidian writes it. */
const RELATIVE = /^(?![a-z][a-z0-9+.-]*:|[/#?])/i;


/**
 * A Markdown link or image that names a file of the vault by a relative path (`[PDF](docs/plan.pdf)`) is relative
 * to the note's file, while a browser reads it from the page's address (`/accueil/`): it is rewritten to the file's
 * own address on the site. A path that names no published file is left as written.
 */
export function attachmentLinksPlugin(md: MarkdownIt, links: GardenLinks): void {
  md.core.ruler.after("inline", "garden_attachment_links", (state) => {
    const env = state.env as GardenEnv;
    for (const block of state.tokens) {
      for (const child of block.children ?? []) {
        if (child.type === "link_open") rewrite(child, "href", links, env);
        else if (child.type === "image") rewrite(child, "src", links, env);
      }
    }
  });
}

function rewrite(token: Token, attribute: string, links: GardenLinks, env: GardenEnv): void {
  const url = attachmentAddress(token.attrGet(attribute) ?? "", links, env);
  if (url !== undefined) token.attrSet(attribute, url);
}

/** The site address of the published attachment a relative address names, with its "?query" or "#fragment". */
export function attachmentAddress(written: string, links: GardenLinks, env: GardenEnv): string | undefined {
  if (written === "" || !RELATIVE.test(written)) return undefined;
  const cut = written.search(/[?#]/);
  const [path, rest] = cut === -1 ? [written, ""] : [written.slice(0, cut), written.slice(cut)];
  const url = links.attachmentUrl(env.gardenNote, safeDecode(path));
  return url === undefined ? undefined : url + rest;
}
