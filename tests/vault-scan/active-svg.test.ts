import { describe, expect, it } from "vitest";
import { activeSvgReason } from "../../src/vault-scan/active-svg.js";

const svg = (inner: string, attributes = "") => `<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"${attributes}>${inner}</svg>`;

describe("activeSvgReason", () => {
  it("lets a drawing through: shapes, styles, gradients and uses inside the file, a picture written in it", () => {
    const drawing = svg(
      '<defs><linearGradient id="g"><stop offset="0"/></linearGradient><circle id="c" r="4"/></defs><style>.a { fill: url(#g) }</style>' +
        '<use xlink:href="#c"/><rect style="fill: url(\'#g\')"/><image href="data:image/png;base64,AAAA"/><title>Plan</title>',
    );
    expect(activeSvgReason(drawing)).toBeUndefined();
  });

  it.each([
    ["a script", svg("<script>alert(1)</script>"), "il contient un élément <script>"],
    ["a prefixed script", svg('<svg:script xmlns:svg="http://www.w3.org/2000/svg">alert(1)</svg:script>'), "il contient un élément <svg:script>"],
    ["a foreignObject", svg("<foreignObject><div>x</div></foreignObject>"), "il contient un élément <foreignObject>"],
    ["an event handler", svg("", ' onload="alert(1)"'), "il contient un attribut onload"],
    ["a javascript: link", svg('<a xlink:href="javascript:alert(1)"><text>x</text></a>'), "il fait référence à « javascript:alert(1) », hors du fichier"],
    ["an entity-encoded link", svg('<a href="&#x6A;avascript:alert(1)"><text>x</text></a>'), "il fait référence à « javascript:alert(1) », hors du fichier"],
    ["an external image", svg('<image href="https://pirate.example/pixel.png"/>'), "il fait référence à « https://pirate.example/pixel.png », hors du fichier"],
    ["an external style", svg("<style>@import url(https://pirate.example/x.css);</style>"), "un style y charge un fichier extérieur"],
    ["a style attribute loading a file", svg('<rect style="fill: url(https://pirate.example/x)"/>'), "un style y charge un fichier extérieur"],
    ["an animation setting a link", svg('<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>'), "une animation <set> y change un lien"],
  ])("refuses %s", (_what, text, reason) => {
    expect(activeSvgReason(text)).toBe(reason);
  });
});
