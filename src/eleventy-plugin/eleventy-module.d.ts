/** Eleventy's programmatic API, as the build command uses it (Eleventy ships no TypeScript declarations). */
declare module "@11ty/eleventy" {
  export interface EleventyOptions {
    readonly configPath?: string;
    readonly quietMode?: boolean;
    /** Runs before the configuration file, on the same configuration object. */
    readonly config?: (eleventyConfig: import("./eleventy-config.js").EleventyConfig & ConfigurationTimings) => void;
  }

  /** Eleventy's timings of configured filters and shortcodes, which warn on the console when slow. */
  export interface ConfigurationTimings {
    readonly benchmarks: { readonly config: { setIsVerbose(verbose: boolean): void } };
  }

  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    disableLogger(): void;
    write(): Promise<unknown>;
  }
}

/** The feed plugin adds the filters the Atom template uses: absoluteUrl, dateToRfc3339… */
declare module "@11ty/eleventy-plugin-rss" {
  export function rssPlugin(eleventyConfig: never, options?: never): void;
}
