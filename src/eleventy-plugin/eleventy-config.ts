/**
 * The part of Eleventy's UserConfig this plugin uses. Eleventy ships no type declarations that TypeScript can
 * read without allowJs, so the shape is written here, method by method.
 */
export interface EleventyConfig {
  on(event: "eleventy.before" | "eleventy.after", callback: (args: EleventyEventArgs) => unknown): void;
  /** Eleventy's own list of ignored globs, announced before each build, which it searches the input folder with. */
  on(event: "eleventy.ignores", callback: (ignores: string[]) => unknown): void;
  on(event: string, callback: (...args: never[]) => unknown): void;
  emit(event: string, ...args: unknown[]): unknown;
  addGlobalData(name: string, data: unknown): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  /** Changes each page's content before it is written; `this.page.outputPath` says which page. */
  addTransform(name: string, transform: (this: { page: { outputPath: string | false } }, content: string) => string): void;
  addNunjucksGlobal(name: string, value: unknown): void;
  addTemplate(virtualPath: string, content: string, data: Record<string, unknown>): void;
  addPassthroughCopy(copy: string | Record<string, string>): void;
  addWatchTarget(target: string): void;
  addPlugin<Options>(plugin: (eleventyConfig: EleventyConfig, options: Options) => unknown, options: Options): void;
  addPlugin(plugin: (eleventyConfig: never) => unknown): void;
  /** Globs Eleventy never reads as templates; virtual templates are not matched against them. */
  readonly ignores: Set<string>;
  setDataFileSuffixes(suffixes: string[]): void;
  /** Options of the dev server under `npm start`, passed on to it as they are. */
  setServerOptions(options: Record<string, unknown>): void;
  /** Options of the dev server's file watcher (chokidar). */
  setChokidarConfig(options: { followSymlinks: boolean }): void;
}

export interface EleventyEventArgs {
  readonly directories: { readonly output: string; readonly input: string };
  readonly runMode: "build" | "watch" | "serve";
}
