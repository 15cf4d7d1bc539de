/** The two sites the browser global setup builds, by folder: the browser fixture vault and the real notes/. */
export interface BuiltSites {
  readonly fixture: string;
  readonly notes: string;
}

/** Where the global setup writes "Pagefind alone", the index without French folding, in the fixture site. */
export const RAW_INDEX_FOLDER = "pagefind-brut";
