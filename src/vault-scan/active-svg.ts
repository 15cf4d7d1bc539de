import { Parser } from "htmlparser2";

/** Elements through which an SVG file runs script or shows another document. */
const ACTIVE_ELEMENTS = new Set(["script", "foreignobject", "handler", "listener", "iframe", "embed", "object"]);
const LINK_ATTRIBUTES = new Set(["href", "src"]);
/** Animations that may set a link: `<set attributeName="href" to="javascript:…">`. */
const ANIMATIONS = new Set(["set", "animate", "animatetransform", "animatemotion"]);
/** A reference inside the file, or a picture written in it. */
const INNER_REFERENCE = /^(?:#|data:image\/(?:png|gif|jpeg|webp);)/i;
/** `url(…)` other than `url(#id)`, or an `@import` in a style. */
const EXTERNAL_STYLE = /url\(\s*(?!['"]?#)|@import/i;

/**
 * Why an SVG file could run script or load something once served from the site, in French, or undefined when it
 * cannot: a `script` or `foreignObject` element, an `on…` attribute, a link or style leading out of the file. The
 * site serves attachments from its own origin, where a script in an SVG opened on its own would run.
 */
export function activeSvgReason(svg: string): string | undefined {
  let reason: string | undefined;
  let inStyle = false;
  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        const name = localName(tag);
        if (ACTIVE_ELEMENTS.has(name)) reason ??= `il contient un élément <${tag}>`;
        inStyle = name === "style";
        for (const [attribute, value] of Object.entries(attributes)) {
          const lower = localName(attribute);
          if (lower.startsWith("on")) reason ??= `il contient un attribut ${attribute}`;
          else if (LINK_ATTRIBUTES.has(lower) && !INNER_REFERENCE.test(value.trim())) reason ??= `il fait référence à « ${value.slice(0, 80)} », hors du fichier`;
          else if (lower === "style" && EXTERNAL_STYLE.test(value)) reason ??= "un style y charge un fichier extérieur";
          else if (ANIMATIONS.has(name) && lower === "attributename" && LINK_ATTRIBUTES.has(localName(value.trim()))) reason ??= `une animation <${tag}> y change un lien`;
        }
      },
      ontext(text) {
        if (inStyle && EXTERNAL_STYLE.test(text)) reason ??= "un style y charge un fichier extérieur";
      },
      onclosetag() {
        inStyle = false;
      },
    },
    { xmlMode: true },
  );
  parser.end(svg);
  return reason;
}

/** "svg:script" and "xlink:href" are "script" and "href" to a browser. */
function localName(name: string): string {
  return name.toLowerCase().replace(/^[^:]*:/, "");
}
