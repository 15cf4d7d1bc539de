import { Tokenizer } from "htmlparser2";
import type { PathPrefix } from "./site-settings.js";

/** The attributes whose value is a URL (`srcset`: a list of them), on any element, SVG's `<a>` included. */
const URL_ATTRIBUTES: ReadonlySet<string> = new Set(["href", "src", "srcset", "action", "formaction", "poster", "data"]);

const SLASH = 0x2f;

/** Whether a URL is root-relative ("/ma-note/"), not protocol-relative ("//cdn…") nor relative ("images/x.png", "#id"). */
function isRootRelative(url: string): boolean {
  return url.charCodeAt(0) === SLASH && url.charCodeAt(1) !== SLASH;
}

function underPrefix(url: string, prefix: PathPrefix): string {
  return isRootRelative(url) ? `${prefix}${url.slice(1)}` : url;
}

/** A `srcset` with each root-relative candidate under the prefix, its descriptor ("2x", "480w") kept. */
function srcsetUnderPrefix(srcset: string, prefix: PathPrefix): string {
  return srcset.replace(/(^|,)(\s*)([^\s,]+)/g, (_, comma: string, space: string, url: string) => `${comma}${space}${underPrefix(url, prefix)}`);
}

/**
 * A page of the site with every root-relative URL of its attributes put under the path prefix: `href="/ma-note/"`
 * becomes `href="/jardin/ma-note/"`. The same work as Eleventy's HTML base plugin (HtmlBasePlugin), which parses each
 * page into a tree and writes it again: that took 2 s of CPU for 1,000 notes, where reading the page with
 * htmlparser2's tokenizer and inserting the prefix in place takes 0.1 s, and leaves the rest of the page byte for
 * byte. Text, comments, scripts and relative, protocol-relative or absolute URLs are left as they are.
 */
export function prefixRootUrls(html: string, prefix: PathPrefix): string {
  if (prefix === "/") return html;
  const values: { start: number; end: number; srcset: boolean }[] = [];
  let attribute = "";
  let start = -1;
  let end = -1;
  const tokenizer = new Tokenizer(
    { decodeEntities: false },
    {
      onattribname(from, to) {
        attribute = html.slice(from, to).toLowerCase();
        start = -1;
      },
      onattribdata(from, to) {
        if (start === -1) start = from;
        end = to;
      },
      onattribend() {
        if (start !== -1 && URL_ATTRIBUTES.has(attribute)) values.push({ start, end, srcset: attribute === "srcset" });
      },
      onattribentity() {},
      oncdata() {},
      onclosetag() {},
      oncomment() {},
      ondeclaration() {},
      onend() {},
      onopentagend() {},
      onopentagname() {},
      onprocessinginstruction() {},
      onselfclosingtag() {},
      ontext() {},
      ontextentity() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  let written = "";
  let from = 0;
  for (const value of values) {
    const url = html.slice(value.start, value.end);
    const prefixed = value.srcset ? srcsetUnderPrefix(url, prefix) : underPrefix(url, prefix);
    if (prefixed === url) continue;
    written += html.slice(from, value.start) + prefixed;
    from = value.end;
  }
  return from === 0 ? html : written + html.slice(from);
}
