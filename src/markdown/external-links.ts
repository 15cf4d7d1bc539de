import type MarkdownIt from "markdown-it";
import type { StateCore, Token } from "markdown-it";
import type { GardenEnv } from "./garden-env.js";
import { text, token } from "./tokens.js";

const TRACKING = /^(?:utm_.*|_ga|_gl|fbclid)$/i;
const EXTERNAL_CLASS = "lien-externe";

/** The same address without its tracking parameters (utm_*, _ga, _gl, fbclid); other parameters stay in order. */
function withoutTracking(href: string): string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return href;
  }
  const kept = [...url.searchParams].filter(([name]) => !TRACKING.test(name));
  if (kept.length === [...url.searchParams].length) return href;
  url.search = new URLSearchParams(kept).toString();
  return url.toString();
}

/** "www.museumxtd.ch" and "museumxtd.ch" are the same site. */
function withoutWww(host: string): string {
  return host.toLowerCase().replace(/^www\./, "");
}

function isExternal(href: string, siteHost: string): boolean {
  if (!/^https?:\/\//i.test(href)) return false;
  try {
    return withoutWww(new URL(href).hostname) !== withoutWww(siteHost);
  } catch {
    return false;
  }
}

/** A hint for the eye or for screen readers: never indexed, so neither found by search nor shown in its excerpts. */
function span(state: StateCore, className: string, content: string, hidden: boolean): Token[] {
  const attrs: [string, string][] = [["class", className], ...(hidden ? ([["aria-hidden", "true"]] as [string, string][]) : []), ["data-pagefind-ignore", ""]];
  return [token(state, "external_link_hint_open", "span", 1, attrs), text(state, content), token(state, "external_link_hint_close", "span", -1)];
}

/**
 * Links leaving the site show an arrow, say "(lien externe)" to screen readers, and lose their tracking
 * parameters, so that visitors are not followed from our pages.
 */
export function externalLinksPlugin(md: MarkdownIt, siteHost: string): void {
  md.core.ruler.push("garden_external_links", (state) => {
    // An embedded note's links are marked once, by the page it is spliced into.
    if ((state.env as GardenEnv).gardenEmbeds?.length) return;
    for (const block of state.tokens) {
      const children = block.children;
      if (block.type !== "inline" || !children) continue;
      for (let i = children.length - 1; i >= 0; i--) {
        const open = children[i]!;
        const href = open.attrGet("href");
        if (open.type !== "link_open" || href === null || !isExternal(href, siteHost)) continue;
        open.attrSet("href", withoutTracking(href));
        open.attrJoin("class", EXTERNAL_CLASS);
        let close = i + 1;
        while (close < children.length && children[close]!.type !== "link_close") close++;
        children.splice(close, 0, ...span(state, "lien-externe-icone", "↗", true), ...span(state, "visually-hidden", " (lien externe)", false));
      }
    }
  });
}
