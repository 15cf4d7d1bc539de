/** markdown-it's own inline rules for links, images and inline HTML, which src/markdown/markdown-links.ts wraps (it ships no types for them). */
declare module "markdown-it/lib/rules_inline/link.mjs" {
  import type { StateInline } from "markdown-it";
  export default function link(state: StateInline, silent: boolean): boolean;
}

declare module "markdown-it/lib/rules_inline/image.mjs" {
  import type { StateInline } from "markdown-it";
  export default function image(state: StateInline, silent: boolean): boolean;
}

declare module "markdown-it/lib/rules_inline/html_inline.mjs" {
  import type { StateInline } from "markdown-it";
  export default function html_inline(state: StateInline, silent: boolean): boolean;
}
