import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { covers, extentOf, labelBox, labelCandidates, labelTexts, placeLabels, textWidth, type Box, type Circle, type PlacedLabel } from "../../src/views/graph-labels.js";

const coversBox = (b: Box, node: Circle) => covers(b.x + 1e-9, b.y + 1e-9, b.x + b.width - 1e-9, b.y + b.height - 1e-9, node);
/** Overlapping by more than the rounding errors of floating point: boxes that touch do not overlap. */
const overlap = (a: Box, b: Box) => Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 1e-9 && Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 1e-9;
const within = (box: Box, bounds: Box) => box.x >= bounds.x - 1e-9 && box.y >= bounds.y - 1e-9 && box.x + box.width <= bounds.x + bounds.width + 1e-9 && box.y + box.height <= bounds.y + bounds.height + 1e-9;

/** Every placed label: inside the bounds, over no other label and no node, its box the one its text and anchor make. */
function expectWellPlaced(nodes: readonly Circle[], labels: readonly (PlacedLabel | undefined)[], bounds: Box, fontSize: number): void {
  const placed = labels.filter((l): l is PlacedLabel => l !== undefined);
  for (const [i, label] of placed.entries()) {
    const box = labelBox(label, fontSize);
    expect(within(box, label.box)).toBe(true);
    expect(within(label.box, bounds)).toBe(true);
    for (const node of nodes) expect(coversBox(label.box, node)).toBe(false);
    for (const other of placed.slice(i + 1)) expect(overlap(label.box, other.box)).toBe(false);
  }
}

describe("labelTexts", () => {
  it("keeps a short title whole, first", () => {
    expect(labelTexts("Open data", 22)).toEqual(["Open data"]);
    expect(labelTexts("La vidéo au quotidien", 22)).toEqual(["La vidéo au quotidien", "La vidéo au…", "La vidéo…", "…au quotidien", "…quotidien"]);
  });

  it("shortens a long title between words, keeping its start, else its end, one piece of it, never past the longest label", () => {
    const title = "Fondation de Lille - La boutique en ligne numérique";
    const texts = labelTexts(title, 22);
    expect(texts).toEqual(["Fondation de Lille…", "Fondation de…", "Fondation…", "…en ligne numérique", "…numérique"]);
    // A piece of a few letters says nothing of the note.
    expect(labelTexts("Pourquoi organiser les scanners 3D ?", 12)).toEqual(["Pourquoi…"]);
    // Near-identical titles keep what tells them apart.
    expect(labelTexts("Musée d’art et d’histoire de Genève, rapport 2019", 22)).toContain("…rapport 2019");
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 80, unit: fc.constantFrom("a", "é", " ", "-", "?", "Œ") }), fc.integer({ min: 8, max: 30 }), (title, maxChars) => {
        for (const text of labelTexts(title, maxChars)) {
          expect(Array.from(text).length).toBeLessThanOrEqual(maxChars);
          expect(title).toContain(text.replace("…", ""));
        }
      }),
    );
  });

  it("does not cut a character made of two UTF-16 units in half", () => {
    for (const text of labelTexts("𝔐𝔲𝔰é𝔢 ".repeat(10), 12)) expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/u);
  });
});

describe("placeLabels", () => {
  const bounds = { x: 0, y: 0, width: 280, height: 300 };
  const options = { fontSize: 12, bounds, maxChars: 22 };
  const textsOf = (titles: readonly string[]) => titles.map((title) => labelCandidates(title, options));

  it("puts each label beside its node, no label over another or over any node, all inside the bounds", () => {
    const circles = fc.record({ x: fc.integer({ min: 0, max: 280 }), y: fc.integer({ min: 0, max: 300 }), r: fc.integer({ min: 3, max: 9 }) });
    const titles = fc.string({ minLength: 1, maxLength: 60, unit: fc.constantFrom("a", "m", "W", "i", " ", "é", "…", "Œ", "-") });
    fc.assert(
      fc.property(fc.array(fc.tuple(circles, titles), { minLength: 1, maxLength: 30 }), (drawn) => {
        const nodes = drawn.map(([c]) => c);
        const labels = placeLabels(nodes, textsOf(drawn.map(([, t]) => t)), nodes.map((_, i) => i), options);
        expectWellPlaced(nodes, labels, bounds, options.fontSize);
      }),
      { numRuns: 500 },
    );
  });

  it("gives three near-identical titles three different labels, side by side rather than stacked", () => {
    const titles = ["Musée d’art et d’histoire de Genève, rapport 2019", "Musée d’art et d’histoire de Genève, rapport 2020", "Musée d’art et d’histoire de Genève, rapport 2021"];
    const nodes = [
      { x: 140, y: 60, r: 5 },
      { x: 140, y: 120, r: 5 },
      { x: 140, y: 180, r: 5 },
    ];
    const labels = placeLabels(nodes, textsOf(titles), [0, 1, 2], options);
    expect(labels.every((l) => l !== undefined)).toBe(true);
    const texts = labels.map((l) => l!.text);
    expect(texts).toEqual(["Musée d’art et…", "…Genève, rapport 2020", "…Genève, rapport 2021"]);
    expectWellPlaced(nodes, labels, bounds, options.fontSize);
  });

  it("leaves a node without a label when no side of it is free", () => {
    const crowd = [{ x: 140, y: 150, r: 5 }, ...[-1, 0, 1].flatMap((dx) => [-1, 0, 1].map((dy) => ({ x: 140 + dx * 12, y: 150 + dy * 12, r: 5 })))].filter(
      (c, i) => i === 0 || c.x !== 140 || c.y !== 150,
    );
    expect(placeLabels(crowd, textsOf(crowd.map(() => "Note")), [0], options)[0]).toBeUndefined();
  });

  it("tries first the side facing away from the given point", () => {
    const nodes = [{ x: 150, y: 150, r: 5 }];
    const [label] = placeLabels(nodes, textsOf(["Vers la droite"]), [0], { ...options, outwardFrom: { x: 50, y: 150 } });
    expect(label).toMatchObject({ anchor: "start", x: 157 });
  });
});

describe("textWidth", () => {
  it("grows with the text and with its wide letters", () => {
    expect(textWidth("Musée", 12)).toBeGreaterThan(textWidth("Muse", 12));
    expect(textWidth("MMMM", 12)).toBeGreaterThan(textWidth("iiii", 12));
    expect(textWidth("abc", 24)).toBeCloseTo(2 * textWidth("abc", 12));
  });
});

describe("extentOf", () => {
  it("holds every node and label, with the padding around", () => {
    const nodes = [{ x: 10, y: 20, r: 5 }, { x: 100, y: 50, r: 3 }];
    const label = { text: "x", x: 0, y: 0, anchor: "start" as const, box: { x: 105, y: 60, width: 40, height: 10 } };
    expect(extentOf(nodes, [undefined, label], 2)).toEqual({ x: 3, y: 13, width: 144, height: 59 });
  });
});
