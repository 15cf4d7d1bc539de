// The entry of the worker thread that renders the site (see build-garden.ts). A worker does not inherit the loader
// hooks of its parent on Node 20, so this one file is JavaScript: it registers tsx, then loads render-site.ts.
//
// Eleventy is imported first, before tsx's hooks exist: through them, each of its few hundred modules would cost a
// round trip to tsx's loader thread, about 0.4 s in all. render-site.ts then finds it already loaded.
import "@11ty/eleventy";
import { register } from "tsx/esm/api";

register();
await import("./render-site.ts");
