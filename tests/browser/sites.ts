/**
 * The sites the browser global setup builds, by folder: the browser fixture vault, the real notes/, and the fixture
 * vault again for an address with a path, served under that path only (PREFIXED_SITE).
 */
export interface BuiltSites {
  readonly fixture: string;
  readonly notes: string;
  readonly prefixed: string;
}

/** The address the prefixed site is built for, as GitHub Pages gives a project site's, and the path it is served under. */
export const PREFIXED_SITE = { url: "https://exemple.org/jardin/", prefix: "/jardin/" } as const;

/** Where the global setup writes "Pagefind alone", the index without French folding, in the fixture site. */
export const RAW_INDEX_FOLDER = "pagefind-brut";
