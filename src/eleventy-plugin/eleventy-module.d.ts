/** Eleventy's programmatic API, as the build command uses it (Eleventy ships no TypeScript declarations). */
declare module "@11ty/eleventy" {
  export interface EleventyOptions {
    readonly configPath?: string;
    readonly quietMode?: boolean;
    /** "cli" as the `eleventy` command: a failed build sets the exit code. */
    readonly source?: "cli" | "script";
    readonly runMode?: "build" | "watch" | "serve";
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
    /** Builds once; under `npm start`, the first build and every rebuild. */
    write(): Promise<unknown>;
    init(): Promise<void>;
    /** Builds, then rebuilds on every change of the watched files. */
    watch(): Promise<void>;
    stopWatch(): Promise<void>;
    serve(port?: number): Promise<void>;
    /** Logs an error as the `eleventy` command does, and sets the exit code to 1. */
    /** `once` logs a failed build's error (its stack included) unless already logged; `fatal` also sets the exit code to 1. */
    readonly errorHandler: { fatal(error: unknown, message: string): void; once(type: string, error: unknown, message: string): void };
    /** Set by init(): it picks and starts the dev server module. */
    readonly eleventyServe: {
      getServerModule(name: string): Promise<{ getServer(name: string, dir: string, options: Record<string, unknown>): unknown }>;
      /** Sends a failed rebuild's error, its stack included, to the open pages, whose reload client logs it in the console. */
      sendError(failure: { error: unknown }): Promise<void>;
    };
  }
}

/** The dev server Eleventy runs under `--serve` (a CommonJS class), as far as `npm start` extends it. */
declare module "@11ty/eleventy-dev-server" {
  import type { IncomingMessage, Server, ServerResponse } from "node:http";

  export default class EleventyDevServer {
    constructor(name: string, dir: string, options: Record<string, unknown>);
    readonly options: Record<string, unknown>;
    readonly server: Server;
    onRequestHandler(req: IncomingMessage, res: ServerResponse): Promise<void>;
    _serverListen(port: number): void;
    serve(port: number): void;
    ready(): Promise<void>;
    close(): Promise<void>;
  }
}
