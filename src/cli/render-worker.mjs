// The entry of the worker thread that renders the site (see build-garden.ts). A worker does not inherit the loader
// hooks of its parent on Node 20, so this one file is JavaScript: it loads the TypeScript of render-site.ts via tsx.
import { tsImport } from "tsx/esm/api";

await tsImport("./render-site.ts", import.meta.url);
