import { lineOfKey } from "./front-matter.js";
import { isInDraftFolder, type VaultPath } from "./paths.js";
import { problemAt, type Problem } from "./problem.js";

/** Why a note stays off the site. */
export type Unpublished = "draft" | "publish-false" | "invalid-publication" | "permalink-false" | "brouillon-folder" | "templates-folder";

/** Obsidian's templates folder when the vault's `.obsidian/templates.json` names none: one of these, at the top. */
export const DEFAULT_TEMPLATES_FOLDERS: readonly string[] = ["Templates", "Template", "Modèles"];

const YES: ReadonlySet<string> = new Set(["true", "yes", "oui", "on", "1"]);
const NO: ReadonlySet<string> = new Set(["false", "no", "non", "off", "0"]);
const ACCEPTED = "true/false, yes/no, oui/non, on/off, 1/0";

/**
 * A yes-or-no field as editors write it: YAML reads `true` as a boolean, `1` as a number, but `yes`, `on` and
 * `"true"` as text. Undefined when the value is none of them.
 */
export function yesOrNo(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value !== "string") return undefined;
  const word = value.trim().toLowerCase();
  return YES.has(word) ? true : NO.has(word) ? false : undefined;
}

/** `draft: true` hides a note, `publish: false` (or `published: false`) too; the keys in any case. */
const FIELDS: Readonly<Record<string, { readonly hiddenWhen: boolean; readonly reason: Unpublished }>> = {
  draft: { hiddenWhen: true, reason: "draft" },
  publish: { hiddenWhen: false, reason: "publish-false" },
  published: { hiddenWhen: false, reason: "publish-false" },
};

export interface Publication {
  readonly unpublished?: Unpublished;
  readonly problems: readonly Problem[];
}

/**
 * Whether a note is published, from its front matter and its folder. A publication field whose value is not
 * understood hides the note and is a blocking error: a note is never published by mistake.
 */
export function publicationOf(file: VaultPath, data: Readonly<Record<string, unknown>>, rawYaml: string, templatesFolders: readonly string[]): Publication {
  const problems: Problem[] = [];
  // The templates folder first: parseNote drops the findings of a note hidden for that reason.
  const reasons: Unpublished[] = isInTemplatesFolder(file, templatesFolders) ? ["templates-folder"] : [];
  for (const key of Object.keys(data)) {
    const field = FIELDS[key.toLowerCase()];
    if (!field) continue;
    const flag = yesOrNo(data[key]);
    if (flag === field.hiddenWhen) reasons.push(field.reason);
    if (flag === undefined) {
      reasons.push("invalid-publication");
      problems.push(invalidPublication(file, key, field.hiddenWhen, rawYaml));
    }
  }
  if (data["permalink"] === false) reasons.push("permalink-false");
  if (isInDraftFolder(file)) reasons.push("brouillon-folder");
  return { ...(reasons[0] ? { unpublished: reasons[0] } : {}), problems };
}

function invalidPublication(file: VaultPath, key: string, hiddenWhen: boolean, rawYaml: string): Problem {
  const at = lineOfKey(rawYaml, key);
  // Quoted from the text, cut short: the value may be a YAML alias to a huge list.
  const written = (at?.text.trim() ?? key).slice(0, 80);
  const [hide, show] = hiddenWhen ? ["true", "false"] : ["false", "true"];
  return problemAt(
    { file, line: at?.line ?? 1, column: 1 },
    "publication-invalide",
    `« ${written} » : la valeur de « ${key} » n'est pas comprise, la note n'est donc pas publiée. Écrivez « ${key}: ${hide} » pour la garder hors du site, ou « ${key}: ${show} » pour la publier (valeurs acceptées, en majuscules ou en minuscules : ${ACCEPTED}).`,
  );
}

/** Files under Obsidian's templates folder, a vault path, in any case. */
export function isInTemplatesFolder(file: VaultPath, templatesFolders: readonly string[]): boolean {
  const lower = file.toLowerCase();
  return templatesFolders.some((folder) => lower.startsWith(`${folder.toLowerCase()}/`));
}
