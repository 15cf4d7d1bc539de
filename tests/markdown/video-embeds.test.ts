import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { iframesIn } from "../../src/markdown/video-embeds.js";
import { youTubeVideo } from "../../src/vault-scan/html/youtube-video.js";
import { lines, memoryVault, rendererOf, type GardenRenderer } from "../helpers.js";

let garden: GardenRenderer;
beforeAll(() => {
  garden = rendererOf(memoryVault({ "Forum.md": "# Forum\n", "Intégrée.md": lines("# Intégrée", "", '<iframe src="https://youtu.be/abcdefghijk"></iframe>') }));
});

const render = (markdown: string) => garden.renderAs("Forum.md", markdown);

/** The block placeholder, exactly as the site prints it. */
function figure(id: string, title: string, query = { embed: "", watch: "" }): string {
  return [
    `<figure class="video-embed" data-video-src="https://www.youtube-nocookie.com/embed/${id}${query.embed}">`,
    `<figcaption class="video-embed-title">${title}</figcaption>`,
    `<p class="video-embed-actions"><button type="button" class="video-embed-load" data-pagefind-ignore="">Charger la vidéo (YouTube)</button> <a href="https://www.youtube.com/watch?v=${id}${query.watch}" class="video-embed-link lien-externe" data-pagefind-ignore="">Regarder sur YouTube<span class="lien-externe-icone" aria-hidden="true" data-pagefind-ignore="">↗</span><span class="visually-hidden" data-pagefind-ignore=""> (lien externe)</span></a></p>`,
    "</figure>",
    "",
  ].join("\n");
}

describe("video embeds", () => {
  it("replaces YouTube's embed code with a click-to-load placeholder titled by the iframe", () => {
    const html = render(
      '<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ?si=Xy12" title="Forum 2022 : la médiation" frameborder="0" allow="autoplay; encrypted-media" allowfullscreen></iframe>',
    );
    expect(html).toBe(figure("dQw4w9WgXcQ", "Forum 2022 : la médiation"));
  });

  it("escapes the title as text, after decoding its entities", () => {
    expect(render(`<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="L&#39;atelier &amp; « <b>toi</b> »"></iframe>`)).toBe(
      figure("dQw4w9WgXcQ", "L'atelier &amp; « &lt;b&gt;toi&lt;/b&gt; »"),
    );
  });

  it("titles the placeholder « Vidéo » when the iframe has no title, or YouTube's generic one", () => {
    expect(render('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>')).toBe(figure("dQw4w9WgXcQ", "Vidéo"));
    expect(render('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="YouTube video player"></iframe>')).toBe(figure("dQw4w9WgXcQ", "Vidéo"));
  });

  it("reads youtube-nocookie.com, youtu.be and protocol-relative addresses, keeping the start time", () => {
    expect(render("<iframe src='https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=90' title=Débat></iframe>")).toBe(
      figure("dQw4w9WgXcQ", "Débat", { embed: "?start=90", watch: "&amp;t=90s" }),
    );
    expect(render('<iframe src="https://youtu.be/dQw4w9WgXcQ?t=42"></iframe>')).toBe(figure("dQw4w9WgXcQ", "Vidéo", { embed: "?start=42", watch: "&amp;t=42s" }));
    expect(render('<iframe src="//www.youtube.com/embed/dQw4w9WgXcQ"></iframe>')).toBe(figure("dQw4w9WgXcQ", "Vidéo"));
  });

  it("keeps the HTML around the iframe in its block", () => {
    expect(render('<div class="video">\n<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="A"></iframe>\n</div>')).toBe(
      `<div class="video">\n${figure("dQw4w9WgXcQ", "A")}\n</div>`,
    );
  });

  it("replaces every video of a block, in order", () => {
    const html = render(
      '<iframe src="https://www.youtube.com/embed/aaaaaaaaaaa" title="Un"></iframe>\n<iframe src="https://www.youtube.com/embed/bbbbbbbbbbb" title="Deux"></iframe>',
    );
    expect(html).toBe(`${figure("aaaaaaaaaaa", "Un")}${figure("bbbbbbbbbbb", "Deux")}`);
  });

  it("makes an iframe inside a sentence an inline placeholder, and drops its closing tag", () => {
    expect(render('Voir <iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="La table ronde"></iframe> ici.')).toBe(
      '<p>Voir <span class="video-embed video-embed-inline" data-video-src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ">' +
        '<span class="video-embed-title">La table ronde</span> ' +
        '<button type="button" class="video-embed-load" data-pagefind-ignore="">Charger la vidéo (YouTube)</button> ' +
        '<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" class="video-embed-link lien-externe" data-pagefind-ignore="">Regarder sur YouTube<span class="lien-externe-icone" aria-hidden="true" data-pagefind-ignore="">↗</span><span class="visually-hidden" data-pagefind-ignore=""> (lien externe)</span></a></span> ici.</p>\n',
    );
  });

  it("leaves other iframes to the raw HTML policy, which removes them, and text about iframes alone", () => {
    expect(render('<iframe src="https://player.vimeo.com/video/1" title="Vimeo"></iframe>')).toBe("");
    expect(render('<iframe src="https://www.youtube.com/watch?v=dQw4w9WgXcQ"></iframe>')).toBe("");
    expect(render('Voir <iframe src="/embed/dQw4w9WgXcQ"></iframe> ici.')).toBe("<p>Voir  ici.</p>\n");
    expect(render('`<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>`')).toBe(
      '<p><code>&lt;iframe src=&quot;https://www.youtube.com/embed/dQw4w9WgXcQ&quot;&gt;&lt;/iframe&gt;</code></p>\n',
    );
  });

  it("replaces the videos of an embedded note too, captioned by the heading above them there", () => {
    expect(garden.renderAs("Forum.md", "![[Intégrée]]")).toContain(figure("abcdefghijk", "Intégrée"));
  });

  it("captions an untitled video by the closest heading or paragraph above it, shortened between words", () => {
    const video = '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="YouTube video player"></iframe>';
    expect(render(lines("## Table ronde<br>du 3 mai", "", video))).toBe(['<h2 id="table-ronde-du-3-mai">Table ronde<br>', "du 3 mai</h2>", figure("dQw4w9WgXcQ", "Table ronde du 3 mai")].join("\n"));
    expect(render(lines("# Titre", "", "La **conférence** de clôture :", "", video))).toContain(figure("dQw4w9WgXcQ", "La conférence de clôture"));
    const long = "Une conférence sur la médiation numérique dans les petits musées, donnée à Lausanne par trois intervenantes en 2022.";
    expect(render(lines(long, "", video))).toContain(figure("dQw4w9WgXcQ", "Une conférence sur la médiation numérique dans les petits musées, donnée à …"));
    expect(render(lines("# Titre", "", "Voir la conférence : " + video.replace("YouTube video player", "")))).toContain(
      '<span class="video-embed-title">Voir la conférence</span>',
    );
    expect(render(lines("# Titre", "", '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="Le vrai titre"></iframe>'))).toBe(
      `<h1 id="titre">Titre</h1>\n${figure("dQw4w9WgXcQ", "Le vrai titre")}`,
    );
  });

  it("reads playlists, and refuses addresses that are not a YouTube player", () => {
    expect(youTubeVideo("https://www.youtube.com/embed/videoseries?list=PLabc12345")).toEqual({
      embedUrl: "https://www.youtube-nocookie.com/embed/videoseries?list=PLabc12345",
      watchUrl: "https://www.youtube.com/playlist?list=PLabc12345",
    });
    for (const src of ["", "https://example.com/embed/dQw4w9WgXcQ", "https://www.youtube.com/embed/", "javascript:alert(1)", "https://www.youtube.com/embed/a<b"]) {
      expect(youTubeVideo(src), src).toBeUndefined();
    }
  });
});

describe("iframesIn", () => {
  // The regular expression it replaces, which reads the rest of the HTML again from each iframe never closed.
  const IFRAME = /<iframe\b(?:[^>"']|"[^"]*"|'[^']*')*>(?:[\s\S]*?<\/iframe\s*>)?/gi;

  it("finds what the regular expression finds, iframes never closed included", () => {
    const piece = fc.constantFrom("<iframe", "<IFRAME", "<iframex", " ", ">", '"', "'", "</iframe>", "</iframe  >", "</iframe", "a", "\n", "<", ' src="https://youtu.be/abcdefgh">');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const html = pieces.join("");
        expect([...iframesIn(html)].map((m) => [m.index, m.html])).toEqual([...html.matchAll(IFRAME)].map((m) => [m.index, m[0]]));
      }),
      { numRuns: 5000 },
    );
  });
});
