/** Reading config/territories.yaml (or an in-memory object) into a validated TerritoriesConfig. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { ConfigError, formatConfigPath, type ConfigProblem } from '../config/configError';
import { territoriesConfigSchema, type TerritoriesConfig } from './schema';

export const TERRITORIES_FILE_NAME = 'territories.yaml';

/** Zod's default wording, made plainer where a coordinator meets it most. */
const coordinatorMessages: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && issue.input === undefined) return `missing: expected ${issue.expected}`;
  if (issue.code === 'invalid_type' && issue.expected === 'array') return 'expected a list in brackets, e.g. ["09:00-18:00"] or []';
  if (issue.code === 'unrecognized_keys') {
    return `unknown key ${issue.keys.map((key) => `"${key}"`).join(', ')}: check the spelling`;
  }
  return undefined;
};

type Validation = { ok: true; config: TerritoriesConfig } | { ok: false; error: z.ZodError };

function validate(raw: unknown): Validation {
  const result = territoriesConfigSchema.safeParse(raw, { error: coordinatorMessages });
  return result.success ? { ok: true, config: result.data } : { ok: false, error: result.error };
}

function toProblem(issue: z.core.$ZodIssue, lineOf?: (path: readonly PropertyKey[]) => number | undefined): ConfigProblem {
  const line = lineOf?.(issue.path);
  return { path: formatConfigPath(issue.path), message: issue.message, ...(line === undefined ? {} : { line }) };
}

/** Validates a plain object (from YAML, JSON or a test); fileName only names the source in errors. */
export function parseTerritories(raw: unknown, fileName: string): TerritoriesConfig {
  const validation = validate(raw);
  if (validation.ok) return validation.config;
  throw new ConfigError(fileName, validation.error.issues.map((issue) => toProblem(issue)), { cause: validation.error });
}

/** The line of the deepest YAML node that exists along a path (a missing key points at its parent). */
function lineFinder(document: Document, lineCounter: LineCounter) {
  return (issuePath: readonly PropertyKey[]): number | undefined => {
    for (let depth = issuePath.length; depth >= 0; depth--) {
      const node = document.getIn(issuePath.slice(0, depth), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
}

/** Parses and validates the text of a territories YAML file; errors carry line numbers, in file order. */
export function parseTerritoriesYaml(text: string, fileName: string): TerritoriesConfig {
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
  const validation = validate(document.toJS());
  if (validation.ok) return validation.config;
  const lineOf = lineFinder(document, lineCounter);
  const problems = validation.error.issues
    .map((issue) => toProblem(issue, lineOf))
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  throw new ConfigError(fileName, problems, { cause: validation.error });
}

/** The file as errors name it: relative to the working directory when inside it. */
function displayName(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** Reads and validates one territories YAML file. */
export function loadTerritoriesFile(file: string): TerritoriesConfig {
  const fileName = displayName(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(fileName, [{ path: '(file)', message: `cannot be read: ${(error as Error).message}` }], { cause: error });
  }
  return parseTerritoriesYaml(text, fileName);
}

/** Reads and validates <dir>/territories.yaml (dir is usually "config"). */
export function loadTerritories(dir: string): TerritoriesConfig {
  return loadTerritoriesFile(path.join(dir, TERRITORIES_FILE_NAME));
}
