/** The site's own folders: its stylesheet and scripts, and the search index. */
const SITE_FOLDERS: readonly string[] = ["assets", "pagefind"];

/** "assets" for "assets/logo.png" or "/Assets/x/": the folder of the site's own files a path lies in, if any. */
export function siteFolderOf(sitePath: string): string | undefined {
  const top = sitePath.replace(/^\/+/, "").split("/")[0]!.toLowerCase();
  return SITE_FOLDERS.includes(top) ? top : undefined;
}
