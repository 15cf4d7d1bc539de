import { describe, expect, it } from "vitest";
import { sanitizeNoteHtml } from "../../../src/vault-scan/html/html-policy.js";

describe("sanitizeNoteHtml", () => {
  it("keeps formatting and structure as written, void elements self-closed", () => {
    const kept = [
      '<details open><summary>Plus</summary><p><b>a</b> <strong>b</strong> <em>c</em> <i>d</i> <u>e</u> x<sup>2</sup> H<sub>2</sub>O <mark>f</mark> <kbd>Ctrl</kbd> <abbr title="Musée">M.</abbr></p></details>',
      '<div class="encadre" lang="en" dir="ltr"><span title="t">s</span></div>',
      '<ul><li>un</li></ul><ol start="3" reversed><li>trois</li></ol><dl><dt>t</dt><dd>d</dd></dl>',
      '<table><caption>c</caption><colgroup span="2"></colgroup><thead><tr><th scope="col" colspan="2">h</th></tr></thead><tbody><tr><td rowspan="2">d</td></tr></tbody><tfoot></tfoot></table>',
      '<figure><picture><source srcset="a.webp 1x, a2.webp 2x" media="(min-width: 40em)" type="image/webp" /><img src="a.png" alt="Salle" width="10" height="20" /></picture><figcaption>Salle</figcaption></figure>',
      '<a href="https://example.org/" title="t">a</a> <a href="/autre/">b</a> <a href="mailto:a@example.org">c</a> <a href="tel:+33123">d</a> <a href="#x">e</a>',
      "<br />",
    ];
    for (const html of kept) expect(sanitizeNoteHtml([html])).toEqual({ pieces: [html], closing: "" });
  });

  it("removes dangerous elements, attributes and addresses", () => {
    const cases: [string, string][] = [
      ['<meta http-equiv="refresh" content="0;url=https://ailleurs.example/">', ""],
      ['<script src="/assets/stats.js"></script>', ""],
      ["<style>body{display:none}</style><base href=\"https://ailleurs.example/\"><link rel=\"stylesheet\" href=\"x.css\">", ""],
      ['<form action="https://ailleurs.example/"><input name="q"><button>Envoyer</button><textarea>t</textarea></form>', "Envoyer"],
      ['<object data="x.swf">o</object><embed src="x.swf"><frame src="x.html"><iframe src="https://player.vimeo.com/video/1">i</iframe>', ""],
      ['<svg><circle onload="alert(1)"/><text>s</text></svg><math><mi>x</mi></math>', ""],
      ['<span data-pagefind-meta="url:https://ailleurs.example/" data-pagefind-body data-x="1" onclick="alert(1)" style="color:red" id="contenu">t</span>', "<span>t</span>"],
      ['<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>', ""],
      ['<a href="javascript:alert(1)">a</a>', "<a>a</a>"],
      ['<a href="&#106;avascript:alert(1)">a</a>', "<a>a</a>"],
      ['<a href="java&#x09;script:alert(1)">a</a>', "<a>a</a>"],
      ['<a href=" JaVaScRiPt:alert(1)">a</a>', "<a>a</a>"],
      ['<a href="data:text/html,x">a</a><a href="vbscript:x">b</a><a href="file:///etc/passwd">c</a>', "<a>a</a><a>b</a><a>c</a>"],
      ['<img src="javascript:alert(1)" alt="x">', '<img alt="x" />'],
      ['<source srcset="a.webp 1x, javascript:alert(1) 2x">', '<source srcset="a.webp 1x" />'],
    ];
    for (const [dirty, clean] of cases) expect(sanitizeNoteHtml([dirty]).pieces, dirty).toEqual([clean]);
  });

  it("keeps a pair split over two pieces, drops closing tags that close nothing, and closes what stays open", () => {
    expect(sanitizeNoteHtml(["<details>\n<summary>Plus</summary>\n", "</details>\n"])).toEqual({ pieces: ["<details>\n<summary>Plus</summary>\n", "</details>\n"], closing: "" });
    expect(sanitizeNoteHtml(["</div></main>", "<span>"])).toEqual({ pieces: ["", "<span>"], closing: "</span>" });
    expect(sanitizeNoteHtml(['<div class="a">\n', "<b>"])).toEqual({ pieces: ['<div class="a">\n', "<b>"], closing: "</b></div>" });
  });

  it("closes an unclosed comment or <textarea> at the end of its own piece, so that later pieces stay", () => {
    expect(sanitizeNoteHtml(["<div>", "<!-- brouillon", "<b>", "</b>"])).toEqual({ pieces: ["<div>", "", "<b>", "</b>"], closing: "</div>" });
    expect(sanitizeNoteHtml(["<b>", "<textarea>", "</b>"])).toEqual({ pieces: ["<b>", "", "</b>"], closing: "" });
    expect(sanitizeNoteHtml(['<p>a <img src="x.png" alt="', "<b>"])).toEqual({ pieces: ["<p>a </p>", "<b>"], closing: "</b>" });
  });

  it("reads a long note a window at a time, keeping pairs and long pieces whole", () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `<tr><td>${i}</td><td><b>gras</b></td></tr>\n`).join("");
    const table = `<table>\n${rows}</table>\n`;
    expect(table.length).toBeGreaterThan(50_000);
    expect(sanitizeNoteHtml([table])).toEqual({ pieces: [table], closing: "" });
    const filler = Array.from({ length: 5000 }, (_, i) => (i % 2 === 0 ? "<i>" : "</i>"));
    const sanitized = sanitizeNoteHtml(["<details>", "<span>", ...filler, "</span>", '<a href="/x/" onclick="x()">', ...filler]);
    expect(sanitized.pieces.slice(0, 2)).toEqual(["<details>", "<span>"]);
    expect(sanitized.pieces.slice(-filler.length - 2)).toEqual(["</span>", '<a href="/x/">', ...filler]);
    expect(sanitized.closing).toBe("</a></details>");
  });

  it("takes time in proportion to the length of a note, however deep it nests", () => {
    const time = (count: number) => {
      const pieces = ["<span>".repeat(count), ...Array.from({ length: count }, () => "<b>")];
      const start = performance.now();
      sanitizeNoteHtml(pieces);
      return performance.now() - start;
    };
    time(20_000);
    // Four times longer: about four times slower, where the square of the depth would make it sixteen.
    expect(time(200_000) / time(50_000)).toBeLessThan(9);
  });

  it("sanitises each piece alone when a piece's text decodes to the separator between pieces", () => {
    expect(sanitizeNoteHtml(["<span>&#xFFFF;", "</span>"])).toEqual({ pieces: ["<span></span>", ""], closing: "" });
    expect(sanitizeNoteHtml(["<b>\uFFFF</b>"])).toEqual({ pieces: ["<b></b>"], closing: "" });
  });
});
