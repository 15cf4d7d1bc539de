/** A family of Obsidian callouts: its French label, the aliases that name it, and its icon's SVG shapes. */
interface CalloutFamily {
  readonly label: string;
  readonly aliases: readonly string[];
  /** Path data on a 24×24 grid, drawn with strokes. */
  readonly paths: readonly string[];
}

const CIRCLE = "M3 12a9 9 0 1 0 18 0a9 9 0 1 0-18 0";

const FAMILIES: Readonly<Record<string, CalloutFamily>> = {
  note: { label: "Remarque", aliases: [], paths: ["M4 20h4L19 9l-4-4L4 16z", "M13 7l4 4"] },
  abstract: { label: "Résumé", aliases: ["summary", "tldr"], paths: ["M5 6h14", "M5 12h14", "M5 18h9"] },
  info: { label: "Information", aliases: [], paths: [CIRCLE, "M12 11v6", "M12 7.5v.5"] },
  todo: { label: "À faire", aliases: [], paths: [CIRCLE, "M8 12l3 3 5-6"] },
  tip: { label: "Astuce", aliases: ["hint", "important"], paths: ["M9 18h6", "M10 21h4", "M12 3a6 6 0 0 0-4 10.5c.7.7 1 1.5 1 2.5h6c0-1 .3-1.8 1-2.5A6 6 0 0 0 12 3z"] },
  success: { label: "Réussite", aliases: ["check", "done"], paths: ["M5 12l5 5 9-10"] },
  question: { label: "Question", aliases: ["help", "faq"], paths: [CIRCLE, "M9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.7", "M12 17v.5"] },
  warning: { label: "Attention", aliases: ["caution", "attention"], paths: ["M12 3L2 20h20z", "M12 9v5", "M12 17v.5"] },
  failure: { label: "Échec", aliases: ["fail", "missing"], paths: ["M6 6l12 12", "M18 6L6 18"] },
  danger: { label: "Danger", aliases: ["error"], paths: ["M13 2L4 14h7l-1 8 9-12h-7z"] },
  bug: { label: "Bogue", aliases: [], paths: ["M8 11a4 4 0 0 1 8 0v4a4 4 0 0 1-8 0z", "M12 11v8", "M3 13h5", "M16 13h5", "M5 7l3 2", "M19 7l-3 2", "M9 5l1.5 2", "M15 5l-1.5 2"] },
  example: { label: "Exemple", aliases: [], paths: ["M9 6h11", "M9 12h11", "M9 18h11", "M4 6h.01", "M4 12h.01", "M4 18h.01"] },
  quote: { label: "Citation", aliases: ["cite"], paths: ["M4 7h5v6H4z", "M9 13c0 2.5-1.5 4-4 4", "M14 7h5v6h-5z", "M19 13c0 2.5-1.5 4-4 4"] },
};

const FAMILY_OF: ReadonlyMap<string, string> = new Map(
  Object.entries(FAMILIES).flatMap(([family, { aliases }]) => [[family, family] as const, ...aliases.map((alias) => [alias, family] as const)]),
);

export interface CalloutType {
  /** The family's name, as in the class `callout-<family>`. */
  readonly family: string;
  /** What the callout is, in French: its title when it has none of its own. */
  readonly label: string;
  /** Its icon, decorative: hidden from screen readers, drawn without any font. */
  readonly icon: string;
}

/** The callout family a type written in a note names, whatever its case; an unknown type is a note, as in Obsidian. */
export function calloutType(written: string): CalloutType {
  const family = FAMILY_OF.get(written.toLowerCase()) ?? "note";
  const { label, paths } = FAMILIES[family]!;
  return { family, label, icon: iconSvg(paths) };
}

function iconSvg(paths: readonly string[]): string {
  const shapes = paths.map((d) => `<path d="${d}"/>`).join("");
  return `<svg class="callout-icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${shapes}</svg>`;
}
