import { parseNote, type ParsedNote, type ParseOptions } from "./note.js";
import type { VaultPath } from "./paths.js";

interface Entry {
  readonly source: string;
  readonly options: ParseOptions;
  readonly parsed: ParsedNote;
}

function sameOptions(a: ParseOptions, b: ParseOptions): boolean {
  return a.siteName === b.siteName && a.siteUrl === b.siteUrl && String(a.layoutIds) === String(b.layoutIds) && String(a.templatesFolders) === String(b.templatesFolders);
}

/**
 * The notes of the last scan, parsed. Under `npm start` the vault is scanned again after every edit, and most notes
 * are as they were: parsing is pure, so the same text parses to the same note. Their backlink contexts, worked out
 * on first use, are kept with them.
 */
export class ParseCache {
  private last = new Map<VaultPath, Entry>();
  private next = new Map<VaultPath, Entry>();

  parse(file: VaultPath, source: string, options: ParseOptions): ParsedNote {
    const known = this.last.get(file);
    const entry = known?.source === source && sameOptions(known.options, options) ? known : { source, options, parsed: parseNote(file, source, options) };
    this.next.set(file, entry);
    return entry.parsed;
  }

  /** Ends a scan: notes it did not read (deleted, renamed) are forgotten. */
  endScan(): void {
    this.last = this.next;
    this.next = new Map();
  }
}
