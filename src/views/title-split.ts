/** A note's rendered body cut after its title heading, so that the layout can put the dates and type under it. */
export interface TitleSplit {
  /** Up to and including the first </h1>; empty when the body has no h1. */
  readonly title: string;
  readonly rest: string;
}

export function splitAfterTitle(html: string): TitleSplit {
  const end = html.indexOf("</h1>");
  if (end < 0) return { title: "", rest: html };
  const cut = end + "</h1>".length;
  return { title: html.slice(0, cut), rest: html.slice(cut) };
}
