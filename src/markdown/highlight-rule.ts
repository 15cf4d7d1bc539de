import type MarkdownIt from "markdown-it";
import type { StateInline, Token } from "markdown-it";

const EQUALS = 0x3d;

/**
 * Obsidian's highlight, `==texte==`, as `<mark>texte</mark>`. markdown-it's own strikethrough (`~~`) done with `=`:
 * each `==` is a delimiter that markdown-it's balance_pairs rule pairs, in linear time, as it pairs emphasis.
 */
export function highlightPlugin(md: MarkdownIt): void {
  md.inline.ruler.before("emphasis", "highlight", tokenize);
  md.inline.ruler2.before("emphasis", "highlight", (state) => {
    pairDelimiters(state, state.delimiters);
    for (const meta of state.tokens_meta) if (meta?.delimiters) pairDelimiters(state, meta.delimiters);
    return false;
  });
}

function tokenize(state: StateInline, silent: boolean): boolean {
  if (silent || state.src.charCodeAt(state.pos) !== EQUALS) return false;
  const scanned = state.scanDelims(state.pos, true);
  let length = scanned.length;
  if (length < 2) return false;
  if (length % 2 === 1) {
    state.push("text", "", 0).content = "=";
    length--;
  }
  for (let i = 0; i < length; i += 2) {
    state.push("text", "", 0).content = "==";
    state.delimiters.push({ marker: EQUALS, length: 0, token: state.tokens.length - 1, end: -1, open: scanned.can_open, close: scanned.can_close });
  }
  state.pos += scanned.length;
  return true;
}

function pairDelimiters(state: StateInline, delimiters: StateInline["delimiters"]): void {
  const loneMarkers: number[] = [];
  for (const start of delimiters) {
    if (start.marker !== EQUALS || start.end === -1) continue;
    const end = delimiters[start.end]!;
    becomeMark(state.tokens[start.token]!, "mark_open", 1);
    becomeMark(state.tokens[end.token]!, "mark_close", -1);
    const before = state.tokens[end.token - 1]!;
    if (before.type === "text" && before.content === "=") loneMarkers.push(end.token - 1);
  }
  // "=====" is cut into "=", "==", "==": a lone "=" before a closing mark goes after it, as markdown-it does for "~".
  for (let lone = loneMarkers.pop(); lone !== undefined; lone = loneMarkers.pop()) {
    let last = lone + 1;
    while (last < state.tokens.length && state.tokens[last]!.type === "mark_close") last++;
    last--;
    if (last !== lone) [state.tokens[lone], state.tokens[last]] = [state.tokens[last]!, state.tokens[lone]!];
  }
}

function becomeMark(token: Token, type: string, nesting: 1 | -1): void {
  token.type = type;
  token.tag = "mark";
  token.nesting = nesting;
  token.markup = "==";
  token.content = "";
}
