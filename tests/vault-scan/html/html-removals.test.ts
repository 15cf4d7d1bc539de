import { describe, expect, it } from "vitest";
import { htmlRemovals } from "../../../src/vault-scan/html/html-removals.js";

describe("htmlRemovals", () => {
  it("gives each piece its removals, at offsets in the piece", () => {
    expect(htmlRemovals(["<div>\n", '<b onclick="x()">', "</b>", '<p>\n<a href="javascript:x()">']).map((r) => r.map((x) => `${x.kind}@${x.offset}`))).toEqual([
      [],
      ["attribute@0"],
      [],
      ["address@4"],
    ]);
  });

  it("names each removed element, attribute and address, at the offset of its tag", () => {
    const html = '<div onclick="x()">\n<script src="/assets/stats.js"></script>\n<a href="javascript:alert(1)" style="c">a</a><meta http-equiv="refresh">\n</div>';
    const at = (text: string) => html.indexOf(text);
    expect(htmlRemovals([html])).toEqual([[
      { kind: "attribute", tag: "div", attribute: "onclick", offset: 0 },
      { kind: "tag", tag: "script", withContent: true, offset: at("<script") },
      { kind: "address", tag: "a", attribute: "href", value: "javascript:alert(1)", offset: at("<a ") },
      { kind: "attribute", tag: "a", attribute: "style", offset: at("<a ") },
      { kind: "tag", tag: "meta", withContent: false, offset: at("<meta") },
    ]]);
  });

  it("counts nothing inside an element removed with its content, and no YouTube player", () => {
    expect(htmlRemovals(['<svg onload="x()"><circle/><script>y</script></svg>'])).toEqual([[{ kind: "tag", tag: "svg", withContent: true, offset: 0 }]]);
    expect(htmlRemovals(['<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>'])).toEqual([[]]);
    expect(htmlRemovals(['<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ">', "</iframe>"])).toEqual([[], []]);
    expect(htmlRemovals(['<iframe src="https://player.vimeo.com/video/1"></iframe>'])).toEqual([[{ kind: "tag", tag: "iframe", withContent: true, offset: 0 }]]);
  });

  it("names a comment or a tag never closed, and nothing in clean HTML", () => {
    expect(htmlRemovals(["<b>", "<!-- fermé -->", "<!-- pas fermé\n\nsuite", '<i onclick="x()">'])).toEqual([[], [], [{ kind: "unclosed", offset: 0 }], [{ kind: "attribute", tag: "i", attribute: "onclick", offset: 0 }]]);
    expect(htmlRemovals(["<b>a</b> <!-- fermé --> <!-- pas fermé\n\nsuite"])).toEqual([[{ kind: "unclosed", offset: 24 }]]);
    expect(htmlRemovals(['<img src="a.png" alt="'])).toEqual([[{ kind: "unclosed", offset: 0 }]]);
    expect(htmlRemovals(["<b>a</b></p></div><br>", "</b>"])).toEqual([[], []]);
  });

  it("finds tags of a long piece in one pass, however many closing tags the parser turns into elements", () => {
    const removals = htmlRemovals([`${"</p>".repeat(20_000)}<b onclick="x">`]);
    expect(removals).toEqual([[{ kind: "attribute", tag: "b", attribute: "onclick", offset: 80_000 }]]);
  });

  it("takes time in proportion to the length of a note, however deep it nests", () => {
    const time = (count: number) => {
      const pieces = ["<span>".repeat(count), ...Array.from({ length: count }, () => '<b onclick="x()">')];
      const start = performance.now();
      htmlRemovals(pieces);
      return performance.now() - start;
    };
    time(20_000);
    // Four times longer: about four times slower, where the square of the depth would make it sixteen.
    expect(time(200_000) / time(50_000)).toBeLessThan(9);
  });
});
