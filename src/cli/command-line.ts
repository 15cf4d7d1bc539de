import { parseArgs, type ParseArgsConfig } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;
type WithHelp<O extends Options> = O & { help: { type: "boolean" } };
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: WithHelp<O>; allowPositionals: true; strict: true }>>;

/**
 * What is wrong with the command line, in French, or undefined when nothing is. It walks the tokens that Node's
 * parser reads, so that each of its strict-mode refusals gets a French sentence instead of its English one.
 */
function mistakeIn(args: readonly string[], options: Options, allowPositionals: boolean): string | undefined {
  const { tokens } = parseArgs({ args: [...args], options, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind === "positional" && !allowPositionals) return `Argument inattendu : « ${token.value} ». Cette commande n'en prend aucun.`;
    if (token.kind !== "option") continue;
    const type = options[token.name]?.type;
    if (type === undefined) return `Option inconnue : « ${token.rawName} ».`;
    if (type === "boolean" && token.value !== undefined) return `L'option ${token.rawName} ne prend pas de valeur (« ${token.rawName}=${token.value} »).`;
    if (type === "string" && (token.value === undefined || (!token.inlineValue && token.value.startsWith("-")))) {
      return `L'option ${token.rawName} attend une valeur juste après elle.`;
    }
  }
  return undefined;
}

/**
 * Reads a command's arguments strictly. On a mistake, says what is wrong in French, then the usage, on stderr, and
 * gives exit code 2; with --help, prints the usage on stdout and gives 0. Otherwise gives the parsed arguments.
 */
export function readCommandLine<O extends Options>(
  usage: string,
  options: O,
  { allowPositionals, args = process.argv.slice(2) }: { allowPositionals: boolean; args?: readonly string[] },
): Parsed<O> | number {
  const all: WithHelp<O> = { ...options, help: { type: "boolean" } };
  const mistake = mistakeIn(args, all, allowPositionals);
  if (mistake !== undefined) {
    console.error(`${mistake}\n${usage}`);
    return 2;
  }
  const parsed = parseArgs({ args: [...args], options: all, allowPositionals: true, strict: true });
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    return 0;
  }
  return parsed;
}
