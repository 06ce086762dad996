/**
 * Reading a YAML file a coordinator edits into a value checked by a zod schema, with every problem
 * named by file, path and line: territories, flows, prompts, FAQ, directory, safety sentences.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { ConfigError, formatConfigPath, type ConfigProblem } from './configError';

/** Zod's default wording, made plainer for a coordinator. */
export const coordinatorMessages: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && issue.input === undefined) return `missing: expected ${issue.expected}`;
  if (issue.code === 'invalid_type' && issue.expected === 'array') return 'expected a list (lines starting with "- ")';
  if (issue.code === 'invalid_type' && issue.expected === 'string' && typeof issue.input === 'number') {
    return `expected a text: write it in quotes, e.g. "${String(issue.input)}"`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `unknown key ${issue.keys.map((key) => `"${key}"`).join(', ')}: check the spelling`;
  }
  return undefined;
};

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

function toProblem(issue: z.core.$ZodIssue, lineOf?: LineOf): ConfigProblem {
  const line = lineOf?.(issue.path);
  return { path: formatConfigPath(issue.path), message: issue.message, ...(line === undefined ? {} : { line }) };
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
  throw new ConfigError(fileName, result.error.issues.map((issue) => toProblem(issue)), { cause: result.error });
}

/** Parses and validates YAML text; errors carry line numbers, in file order. */
export function parseYamlWithSchema<S extends z.ZodType>(schema: S, text: string, fileName: string, wording?: Wording): z.output<S> {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true, lineCounter });
  if (document.errors.length > 0) {
    throw new ConfigError(
      fileName,
      document.errors.map((error) => ({
        path: '(YAML syntax)',
        message: error.message.split('\n')[0] ?? error.code,
        ...(error.linePos ? { line: error.linePos[0].line } : {}),
      })),
    );
  }
  const result = schema.safeParse(document.toJS(), { error: messagesWith(wording) });
  if (result.success) return result.data;
  const lineOf = lineFinder(document, lineCounter);
  const problems = result.error.issues.map((issue) => toProblem(issue, lineOf)).sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
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
    throw new ConfigError(fileName, [{ path: '(file)', message: `cannot be read: ${(error as Error).message}` }], { cause: error });
  }
  return parseYamlWithSchema(schema, text, fileName, wording);
}
