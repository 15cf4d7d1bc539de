/**
 * Put between the pieces of a note sanitised together, and after the last one: a character no text uses (a Unicode
 * noncharacter). It comes out of the sanitiser as it went in, unless a piece hid it (see sanitizeNoteHtml).
 */
export const SEPARATOR = "\uFFFF";

/**
 * The sanitiser's parser takes time in the square of the nesting depth. So it reads a note a window at a time, each
 * of about WINDOW characters, the elements left open carried from one to the next: nested 100 deep at most, they keep
 * each window cheap, and a note of any size takes time in proportion to its length.
 */
const WINDOW = 8_192;

/**
 * The pieces cut after the first ">" past each WINDOW characters, so that a window holds whole tags: `owners` gives
 * the piece each part comes from, `starts` where the part starts in it.
 */
export function cutLong(pieces: readonly string[]): { texts: string[]; owners: number[]; starts: number[] } {
  const texts: string[] = [];
  const owners: number[] = [];
  const starts: number[] = [];
  pieces.forEach((written, owner) => {
    const piece = withoutSeparator(written);
    let start = 0;
    for (let cut = piece.indexOf(">", start + WINDOW); cut !== -1; cut = piece.indexOf(">", start + WINDOW)) {
      texts.push(piece.slice(start, cut + 1));
      owners.push(owner);
      starts.push(start);
      start = cut + 1;
    }
    texts.push(piece.slice(start));
    owners.push(owner);
    starts.push(start);
  });
  return { texts, owners, starts };
}

/** Runs of consecutive parts of about WINDOW characters, each part with its separator; at least one part each. */
export function windows(texts: readonly string[]): [number, number][] {
  const runs: [number, number][] = [];
  let from = 0;
  let size = 0;
  texts.forEach((text, i) => {
    if (i > from && size + text.length + 1 > WINDOW) {
      runs.push([from, i]);
      [from, size] = [i, 0];
    }
    size += text.length + 1;
  });
  runs.push([from, texts.length]);
  return runs;
}

/** A note could write the separator itself: it would miscount the pieces. */
function withoutSeparator(piece: string): string {
  return piece.includes(SEPARATOR) ? piece.replaceAll(SEPARATOR, "") : piece;
}
