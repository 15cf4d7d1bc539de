import path from "node:path";
import { memoize } from "./memoize.js";

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** A path inside the notes folder: POSIX separators, NFC, no leading slash ("Dossier/Ma note.md"). */
export type VaultPath = Brand<string, "VaultPath">;
/** A root-relative URL path of the site, always starting with "/" ("/ma-note/"). */
export type SiteUrl = Brand<string, "SiteUrl">;
/** A lowercase ASCII slug usable as a URL segment or an HTML id. */
export type Slug = Brand<string, "Slug">;

export function toVaultPath(relative: string): VaultPath {
  return relative.split(path.sep).join("/").normalize("NFC") as VaultPath;
}

export function vaultPathOf(notesDir: string, absolute: string): VaultPath {
  return toVaultPath(path.relative(notesDir, absolute));
}

/** Whether `file` lies strictly inside `dir` (both absolute). */
export function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== "" && relative.split(path.sep)[0] !== ".." && !path.isAbsolute(relative);
}

/** Vault paths in the order a walk of the notes folder meets them: in each folder its files, then its subfolders, by name. */
export function compareByFolderWalk(a: VaultPath, b: VaultPath): number {
  const [aParts, bParts] = [a.split("/"), b.split("/")];
  for (let depth = 0; ; depth++) {
    const [aIsFile, bIsFile] = [depth === aParts.length - 1, depth === bParts.length - 1];
    if (aIsFile !== bIsFile) return aIsFile ? -1 : 1;
    const [aName, bName] = [aParts[depth]!, bParts[depth]!];
    if (aName !== bName) return aName < bName ? -1 : 1;
    if (aIsFile) return 0;
  }
}

export function asSiteUrl(url: string): SiteUrl {
  return (url.startsWith("/") ? url : `/${url}`) as SiteUrl;
}

/**
 * A site URL as it goes in an href: non-ASCII and spaces percent-encoded, existing escapes kept. Every page links
 * to dozens of notes, so each URL is encoded once.
 */
export const hrefOf: (url: SiteUrl) => string = memoize((url) => {
  let decoded: string = url;
  try {
    decoded = decodeURI(url);
  } catch {
    // A lone "%" in a permalink: encode it as it is.
  }
  return encodeURI(decoded);
});

/** Where a page is written under the site's folder: "/note/" goes to "note/index.html", "/flux.xml" to "flux.xml". */
export function pageFileOf(siteDir: string, url: SiteUrl): string {
  return path.join(siteDir, ...url.split("/").filter(Boolean), ...(url.endsWith("/") ? ["index.html"] : []));
}

/** The URL under which a vault file (an image, a PDF) is served: same relative path, each segment encoded. */
export function fileUrl(file: VaultPath): SiteUrl {
  return asSiteUrl(file.split("/").map(encodeURIComponent).join("/"));
}

export function folderOf(file: VaultPath): string {
  const cut = file.lastIndexOf("/");
  return cut === -1 ? "" : file.slice(0, cut);
}

const DRAFT_FOLDERS: ReadonlySet<string> = new Set(["brouillon", "brouillons", "drafts"]);

/** Files under a "Brouillon", "Brouillons" or "Drafts" folder, at any depth, stay off the site: notes and attachments alike. */
export function isInDraftFolder(file: VaultPath): boolean {
  return folderOf(file).split("/").some((segment) => DRAFT_FOLDERS.has(segment.toLowerCase()));
}

export function baseNameOf(file: VaultPath): string {
  return file.slice(file.lastIndexOf("/") + 1);
}

/** "Dossier/Ma note.md" gives "Ma note". */
export function noteNameOf(file: VaultPath): string {
  return baseNameOf(file).replace(/\.md$/i, "");
}

/** Percent-decoded, or as it is when it holds a lone "%". */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
