/**
 * The part of Eleventy's UserConfig this plugin uses. Eleventy ships no type declarations that TypeScript can
 * read without allowJs, so the shape is written here, method by method.
 */
export interface EleventyConfig {
  on(event: "eleventy.before" | "eleventy.after", callback: (args: EleventyEventArgs) => unknown): void;
  on(event: string, callback: (...args: never[]) => unknown): void;
  emit(event: string, ...args: unknown[]): unknown;
  setLibrary(name: "md", library: unknown): void;
  addPreprocessor(name: string, extensions: string, callback: (data: EleventyData, content: string) => unknown): void;
  addGlobalData(name: string, data: unknown): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  addNunjucksGlobal(name: string, value: unknown): void;
  addTemplate(virtualPath: string, content: string, data: Record<string, unknown>): void;
  addPassthroughCopy(copy: string | Record<string, string>): void;
  addWatchTarget(target: string): void;
  setDynamicPermalinks(enabled: boolean): void;
}

export interface EleventyEventArgs {
  readonly directories: { readonly output: string; readonly input: string };
  readonly runMode: "build" | "watch" | "serve";
}

export interface EleventyData {
  readonly page: { readonly inputPath: string; readonly url?: string | false };
  readonly permalink?: unknown;
}
