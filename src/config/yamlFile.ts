/**
 * Reading a YAML file a coordinator edits into a value checked by a zod schema, with every problem
 * named by file, path and line: territories, flows, prompts, FAQ, directory, safety sentences.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { ConfigError, formatConfigPath, type ConfigProblem } from './configError';

/** What zod expected, in the words of a coordinator. */
const EXPECTED_IN_FRENCH: Readonly<Record<string, string>> = {
  string: 'un texte',
  number: 'un nombre',
  boolean: 'true ou false',
  object: 'des clés (lignes « clé: valeur »)',
  record: 'des clés (lignes « clé: valeur »)',
  array: 'une liste',
};

/** Zod's wording made plainer for a coordinator, in French (zod's own French for the rest). */
export const coordinatorMessages: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && issue.input === undefined) return `manquant : il faut ${EXPECTED_IN_FRENCH[issue.expected] ?? issue.expected}`;
  if (issue.code === 'invalid_type' && issue.expected === 'array') return 'il faut une liste (des lignes qui commencent par « - »)';
  if (issue.code === 'invalid_type' && issue.expected === 'string' && typeof issue.input === 'number') {
    return `il faut un texte : écrivez-le entre guillemets, par exemple "${String(issue.input)}"`;
  }
  if (issue.code === 'invalid_type' && EXPECTED_IN_FRENCH[issue.expected] !== undefined) return `il faut ${EXPECTED_IN_FRENCH[issue.expected]}`;
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => `"${key}"`).join(', ');
    return `${issue.keys.length > 1 ? 'clés inconnues' : 'clé inconnue'} ${keys} : vérifiez l’orthographe`;
  }
  return FRENCH(issue);
};
const FRENCH = z.locales.fr().localeError;

type LineOf = (issuePath: readonly PropertyKey[]) => number | undefined;

/** The line of the deepest YAML node that exists along a path (a missing key points at its parent). */
function lineFinder(document: Document, lineCounter: LineCounter): LineOf {
  return (issuePath) => {
    for (let depth = issuePath.length; depth >= 0; depth--) {
      const node = document.getIn(issuePath.slice(0, depth), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
}

/** The line of a path in a YAML text, for problems found after it was read (the studio's proof); the text must parse. */
export function yamlLineFinder(text: string): LineOf {
  const lineCounter = new LineCounter();
  return lineFinder(parseDocument(text, { lineCounter }), lineCounter);
}

/**
 * A union's issue (« a sentence, or a group of sentences ») names the deepest field a branch reached:
 * the group's bad sentence, not the group. When no branch got past the type, the union's own message.
 */
function flattened(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[] = []): Array<{ path: PropertyKey[]; message: string }> {
  const path = [...prefix, ...issue.path];
  if (issue.code !== 'invalid_union') return [{ path, message: issue.message }];
  const further = issue.errors.find((branch) => branch.some((inner) => inner.path.length > 0 || inner.code !== 'invalid_type'));
  return further ? further.flatMap((inner) => flattened(inner, path)) : [{ path, message: issue.message }];
}

function toProblems(issue: z.core.$ZodIssue, lineOf?: LineOf): ConfigProblem[] {
  return flattened(issue).map(({ path, message }) => {
    const line = lineOf?.(path);
    return { path: formatConfigPath(path), message, ...(line === undefined ? {} : { line }) };
  });
}

/** The YAML reader's mistakes a coordinator makes most, in French; the others with what to look at. */
const YAML_MISTAKES: Readonly<Partial<Record<string, string>>> = {
  DUPLICATE_KEY: 'cette clé est écrite deux fois',
  TAB_AS_INDENT: 'une tabulation sert de retrait : mettez des espaces',
  BAD_INDENT: 'le retrait (les espaces au début de la ligne) n’est pas le bon',
  MISSING_CHAR: 'il manque un caractère qui ferme : un guillemet, un crochet ] ou une accolade }',
  MULTILINE_IMPLICIT_KEY: 'une clé tient sur une ligne : il manque sans doute un deux-points ou un guillemet',
  BLOCK_AS_IMPLICIT_KEY: 'une clé tient sur une ligne : il manque sans doute un deux-points ou un guillemet',
  UNEXPECTED_TOKEN: 'un caractère inattendu : vérifiez les guillemets, les crochets et les deux-points',
};

function yamlSyntaxInFrench(code: string, column: number | undefined): string {
  const what = YAML_MISTAKES[code] ?? 'vérifiez le retrait, les guillemets, les crochets et les deux-points';
  return `pas du YAML valide${column === undefined ? '' : ` (colonne ${column})`} : ${what}`;
}

/** A file's own wording for some problems, tried before the common one. */
export type Wording = z.core.$ZodErrorMap;

function messagesWith(wording: Wording | undefined): z.core.$ZodErrorMap {
  return wording ? (issue) => wording(issue) ?? coordinatorMessages(issue) : coordinatorMessages;
}

/** Validates a plain object (from YAML, JSON or a test); fileName only names the source in errors. */
export function parseWithSchema<S extends z.ZodType>(schema: S, raw: unknown, fileName: string, wording?: Wording): z.output<S> {
  const result = schema.safeParse(raw, { error: messagesWith(wording) });
  if (result.success) return result.data;
  throw new ConfigError(fileName, result.error.issues.flatMap((issue) => toProblems(issue)), { cause: result.error });
}

/** Parses and validates YAML text; errors carry line numbers, in file order. */
export function parseYamlWithSchema<S extends z.ZodType>(schema: S, text: string, fileName: string, wording?: Wording): z.output<S> {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true, lineCounter });
  if (document.errors.length > 0) {
    throw new ConfigError(
      fileName,
      document.errors.map((error) => ({
        path: '(syntaxe YAML)',
        message: yamlSyntaxInFrench(error.code, error.linePos?.[0].col),
        ...(error.linePos ? { line: error.linePos[0].line } : {}),
      })),
    );
  }
  const result = schema.safeParse(document.toJS(), { error: messagesWith(wording) });
  if (result.success) return result.data;
  const lineOf = lineFinder(document, lineCounter);
  const problems = result.error.issues.flatMap((issue) => toProblems(issue, lineOf)).sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  throw new ConfigError(fileName, problems, { cause: result.error });
}

/** The file as errors name it: relative to the working directory when inside it. */
export function displayName(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** Reads and validates one YAML file; an unreadable file is a ConfigError too. */
export function loadYamlWithSchema<S extends z.ZodType>(schema: S, file: string, wording?: Wording): z.output<S> {
  const fileName = displayName(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(fileName, [{ path: '(fichier)', message: `illisible : ${(error as Error).message}` }], { cause: error });
  }
  return parseYamlWithSchema(schema, text, fileName, wording);
}
