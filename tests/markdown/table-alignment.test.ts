import { describe, expect, it } from "vitest";
import { lines, memoryVault, rendererOf } from "../helpers.js";

describe("table alignment", () => {
  const garden = rendererOf(memoryVault({ "Tableau.md": "# Tableau\n" }));

  it("aligns columns with classes, never a style attribute the CSP would block", () => {
    const html = garden.renderAs("Tableau.md", lines("| Objet | Salle | Prix | Note |", "| :--- | :-: | --: | --- |", "| Vase | 2 | 10 | rare |"));
    expect(html).toBe(
      [
        "<table>",
        "<thead>",
        "<tr>",
        '<th class="aligne-gauche">Objet</th>',
        '<th class="aligne-centre">Salle</th>',
        '<th class="aligne-droite">Prix</th>',
        "<th>Note</th>",
        "</tr>",
        "</thead>",
        "<tbody>",
        "<tr>",
        '<td class="aligne-gauche">Vase</td>',
        '<td class="aligne-centre">2</td>',
        '<td class="aligne-droite">10</td>',
        "<td>rare</td>",
        "</tr>",
        "</tbody>",
        "</table>",
        "",
      ].join("\n"),
    );
  });
});
