import { describe, expect, it } from "vitest";
import { outlineMarkdown } from "../../src/vault-scan/markdown-outline.js";
import { lines } from "../helpers.js";

/** The references of a note body whose first line is line 1, as "path@line:column". */
function referencesOf(body: string): string[] {
  return outlineMarkdown(body, 1, []).attachmentReferences.map((r) => `${r.path}@${r.line}:${r.column}`);
}

describe("the attachments a note names outside wikilinks", () => {
  it("reads Markdown images and links, root-absolute or relative, decoded, without query nor fragment", () => {
    expect(referencesOf(lines('![Logo](/images/logo%20bleu.png) et le [PDF](docs/x.pdf "Titre")', "[plan](<plans/salle 1.pdf>) [page](a.pdf?v=1#page=2) [p](f(1).pdf)"))).toEqual([
      "/images/logo bleu.png@1:9",
      "docs/x.pdf@1:46",
      "plans/salle 1.pdf@2:8",
      "a.pdf@2:36",
      "f(1).pdf@2:58",
    ]);
  });

  it("reads reference definitions and the src, href, poster and data of HTML tags, a tag spread over lines at its start", () => {
    expect(referencesOf(lines("[ref]: /images/ref.png", "", "<figure><img", '  src="carte.webp" alt="">', "</figure> <A HREF='/docs/annexe.pdf'>annexe</A> <video src=film.mp4></video>", '<video poster="affiche.jpg"></video><object data="plan.svg"></object>'))).toEqual([
      "/images/ref.png@1:8",
      "carte.webp@3:9",
      "/docs/annexe.pdf@5:11",
      "film.mp4@5:49",
      "affiche.jpg@6:1",
      "plan.svg@6:37",
    ]);
  });

  it("skips addresses leaving the page, anchors, code spans and code blocks", () => {
    const body = lines(
      "[a](https://example.org/x.png) [b](mailto:a@b.fr) [c](//cdn.example/x.js) [d](#titre) [e]( ) <a href=\"javascript:alert(1)\">f</a>",
      "`![](code.png)` et ``<img src=\"code2.png\">``",
      "```",
      "![](bloc.png)",
      "```",
      "    ![](indente.png)",
    );
    // An indented code block counts, as its wikilinks do: one reference too many only publishes a file the note names.
    expect(referencesOf(body)).toEqual(["indente.png@6:9"]);
  });

  it("reads a line of a million characters in time linear in its length", () => {
    const piece = "[a](b ](<c> <img src=x.png ";
    /** The best of three runs, so that a pause of the shared machine does not count. */
    const time = (n: number) => {
      const line = `${piece.repeat(n)}\n`;
      let ms = Infinity;
      let found = 0;
      for (let run = 0; run < 3; run++) {
        const start = performance.now();
        found = referencesOf(line).length;
        ms = Math.min(ms, performance.now() - start);
      }
      return { found, ms };
    };
    const small = time(4_000);
    const large = time(40_000);
    expect(large.found).toBeGreaterThan(small.found * 9);
    // Ten times the text: well under a hundred times the time, as a quadratic scan would take.
    expect(large.ms / Math.max(small.ms, 1)).toBeLessThan(40);
  });
});
