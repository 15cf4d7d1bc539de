/**
 * Characters XML 1.0 forbids even escaped: C0 controls other than tab and line breaks, lone surrogates, U+FFFE and
 * U+FFFF. A note may hold any of them; one in the feed or the sitemap makes the whole file unreadable to readers.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A note's text as it may go into an XML file: the forbidden characters dropped, escaping left to the template. */
export function xmlText(value: unknown): string {
  return String(value ?? "").replace(NOT_XML, "");
}
