import type { IncomingMessage, ServerResponse } from "node:http";
import EleventyDevServer from "@11ty/eleventy-dev-server";

/**
 * The path of a request once decoded, as the dev server decodes it, or undefined when the server must not look it up:
 * a malformed URL or escape, a NUL byte, or a `..` segment, which only an encoded slash can bring past URL parsing.
 */
export function sitePathOf(requestUrl: string): string | undefined {
  try {
    const decoded = decodeURIComponent(new URL(requestUrl, "http://localhost/").pathname);
    return decoded.includes("\0") || decoded.split(/[/\\]/).includes("..") ? undefined : decoded;
  } catch {
    return undefined;
  }
}

/**
 * Eleventy's dev server (2.1.2), listening on `options.host` and guarded. Left alone it listens on every interface;
 * it joins the request path to the output folder before decoding it and then checks the result with a bare prefix
 * test, so `/..%2f_site.precedent-1%2fx` reads beside `_site`; and a malformed escape throws out of its request
 * handler, which ends the process.
 */
export class GuardedDevServer extends EleventyDevServer {
  static getServer(name: string, dir: string, options: Record<string, unknown>): GuardedDevServer {
    return new GuardedDevServer(name, dir, options);
  }

  override _serverListen(port: number): void {
    this.server.listen({ port, host: this.options["host"] as string | undefined });
  }

  override async onRequestHandler(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (sitePathOf(req.url ?? "/") === undefined) return answer(res, 400, "Adresse invalide.");
    try {
      await super.onRequestHandler(req, res);
    } catch {
      if (!res.headersSent) answer(res, 500, "Le serveur n'a pas pu répondre à cette adresse.");
      else res.end();
    }
  }
}

function answer(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.end(`${text}\n`);
}
