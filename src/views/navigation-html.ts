import type { NavigationList, NavigationTreeNode, NavigationView } from "./garden-navigation.js";

/**
 * The left column's HTML. It is the same on every page but for the current note's mark, so it is written here once
 * per build rather than by a template on each of thousands of pages; `withCurrentPage` then marks the page's own link.
 * Each <details> has a data-nav name under which navigation.js remembers whether the reader left it open.
 */
export function navigationHtml(view: NavigationView): string {
  const parts = ['<nav class="navigation-jardin" aria-label="Parcourir le jardin">'];
  if (view.themes.length > 0) {
    parts.push(section("themes", "Thèmes", view.themes.map((theme, i) => list(`theme-${i + 1}`, theme, "/")).join("")));
  }
  if (view.tree.length > 0) {
    parts.push(section("plan", "Plan du jardin", `${tree(view.tree)}${view.treeCut ? moreLink("/notes/", "Plan du jardin", "la suite") : ""}`));
  }
  if (view.groups.length > 0) {
    const groups = view.groups.map((group, i) => {
      const folders = group.folders.map((folder, j) => list(`type-${i + 1}-dossier-${j + 1}`, folder, "/notes/")).join("");
      const loose = group.links.length > 0 || group.hidden > 0 ? linkList(group) : "";
      return `<details class="nav-liste" data-nav="type-${i + 1}"><summary>${escapeHtml(group.heading)}</summary>${folders}${loose}</details>`;
    });
    parts.push(section("types", "Par type", groups.join("")));
  }
  parts.push(`<p class="nav-toutes"><a href="/notes/">Toutes les notes</a></p>`, "</nav>");
  return parts.join("\n");
}

/** Marks the links to `url` as the current page; a page Eleventy does not write (its url is false) has none. */
export function withCurrentPage(html: string, url: string | false): string {
  if (url === false) return html;
  const href = `href="${escapeHtml(url)}"`;
  return html.split(href).join(`${href} aria-current="page"`);
}

function section(name: string, heading: string, body: string): string {
  return `<details class="nav-section" data-nav="${name}" open><summary>${escapeHtml(heading)}</summary>${body}</details>`;
}

function list(name: string, links: NavigationList, allUrl: string): string {
  return `<details class="nav-liste" data-nav="${name}"><summary>${escapeHtml(links.heading)}</summary>${linkList(links, allUrl)}</details>`;
}

function linkList(links: NavigationList, allUrl = "/notes/"): string {
  const items = links.links.map((link) => `<li><a href="${escapeHtml(link.url)}">${escapeHtml(link.title)}</a></li>`).join("");
  return `${items ? `<ul>${items}</ul>` : ""}${links.hidden > 0 ? moreLink(allUrl, links.heading, `${links.hidden.toLocaleString("fr-FR")} de plus`) : ""}`;
}

function moreLink(url: string, heading: string, count: string): string {
  return `<p class="nav-plus"><a href="${url}">Voir tout<span class="visually-hidden"> (${escapeHtml(heading)})</span></a> (${count})</p>`;
}

function tree(nodes: readonly NavigationTreeNode[]): string {
  const items = nodes.map((node) => `<li><a href="${escapeHtml(node.url)}">${escapeHtml(node.title)}</a>${node.children.length > 0 ? tree(node.children) : ""}</li>`);
  return `<ul class="nav-arbre">${items.join("")}</ul>`;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}
