/** What the site says about itself, from _data/site.json. */
export interface SiteSettings {
  readonly name: string;
  readonly description: string;
  readonly contactEmail: string;
  /** The public address of the site, without a trailing slash: canonical URLs, feed, sitemap. */
  readonly url: string;
  /** Where the notes are edited: "Modifier cette note" links to `<url>/edit/<branch>/<notesFolder>/<file>`. */
  readonly repository?: {
    readonly url: string;
    readonly branch: string;
    readonly notesFolder: string;
  };
}
