import type { StateCore, Token } from "markdown-it";

/** markdown-it tokens for the core rules that splice new markup into a page: tokens only, never HTML strings. */
type Attributes = readonly (readonly [string, string])[];

export function token(state: StateCore, type: string, tag: string, nesting: 1 | 0 | -1, attrs: Attributes = []): Token {
  const t = new state.Token(type, tag, nesting);
  if (attrs.length > 0) t.attrs = attrs.map(([name, value]) => [name, value]);
  return t;
}

/** A token of block level: the renderer puts it on its own line. */
export function blockToken(state: StateCore, type: string, tag: string, nesting: 1 | 0 | -1, attrs: Attributes = []): Token {
  const t = token(state, type, tag, nesting, attrs);
  t.block = true;
  return t;
}

/** The inline content of a block, made of `children`. */
export function inlineToken(state: StateCore, children: Token[]): Token {
  const t = new state.Token("inline", "", 0);
  t.children = children;
  return t;
}

export function text(state: StateCore, content: string): Token {
  const t = new state.Token("text", "", 0);
  t.content = content;
  return t;
}
