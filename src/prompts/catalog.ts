/**
 * The French sentences of prompts/fr/*.yaml, flattened to dotted keys ("closed.hours") and checked:
 * every value is a non-empty string, placeholders are {simpleNames}.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../config/configError';
import { displayName, loadYamlWithSchema, parseWithSchema } from '../config/yamlFile';

type PromptTree = { [key: string]: string | PromptTree };
const PromptTreeSchema: z.ZodType<PromptTree> = z.lazy(() =>
  z.record(z.string(), z.union([z.string().trim().min(1, 'il faut une phrase, pas un texte vide'), PromptTreeSchema])),
);

/** A value that is neither a sentence nor a group of sentences. */
const promptWording = (issue: z.core.$ZodRawIssue): string | undefined =>
  issue.code === 'invalid_union' ? 'il faut une phrase entre guillemets, ou un groupe de phrases' : undefined;

const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;

export class PromptCatalog {
  private constructor(private readonly sentences: ReadonlyMap<string, string>) {}

  static fromTree(tree: unknown, file: string): PromptCatalog {
    return PromptCatalog.checked(parseWithSchema(PromptTreeSchema, tree, file, promptWording), file);
  }

  private static checked(tree: PromptTree, file: string): PromptCatalog {
    const sentences = new Map<string, string>();
    flatten(tree, '', sentences);
    const problems = [...sentences].flatMap(([key, text]) =>
      /[{}]/.test(text.replace(PLACEHOLDER, '')) ? [{ path: key, message: 'une valeur à remplir s’écrit {nom}, avec des lettres seulement' }] : [],
    );
    if (problems.length > 0) throw new ConfigError(file, problems);
    return new PromptCatalog(sentences);
  }

  /** Reads a prompt file: its problems name their line, as every file a coordinator edits. */
  static load(directory: string, fileName: string): PromptCatalog {
    const file = join(directory, fileName);
    return PromptCatalog.checked(loadYamlWithSchema(PromptTreeSchema, file, promptWording), displayName(file));
  }

  /** This catalog with the sentences of `top` replacing or adding to its own (chat wording over voice). */
  overlaidWith(top: PromptCatalog): PromptCatalog {
    return new PromptCatalog(new Map([...this.sentences, ...top.sentences]));
  }

  /** This catalog without some sentences (what a draft that lost them holds). */
  without(...keys: string[]): PromptCatalog {
    const removed = new Set(keys);
    return new PromptCatalog(new Map([...this.sentences].filter(([key]) => !removed.has(key))));
  }

  has(key: string): boolean {
    return this.sentences.has(key);
  }

  /** The sentence for a key with its placeholders filled; throws on a missing key or value. */
  text(key: string, values: Readonly<Record<string, string | number>> = {}): string {
    const sentence = this.sentences.get(key);
    if (sentence === undefined) throw new Error(`Missing prompt "${key}"`);
    return sentence.replace(PLACEHOLDER, (_, name: string) => {
      const value = values[name];
      if (value === undefined) throw new Error(`Prompt "${key}" needs a value for {${name}}`);
      return String(value);
    });
  }

  /** Placeholders a sentence expects, e.g. ["hours"]. */
  placeholders(key: string): string[] {
    return [...(this.sentences.get(key) ?? '').matchAll(PLACEHOLDER)].map((match) => match[1] as string);
  }

  keys(): string[] {
    return [...this.sentences.keys()];
  }
}

function flatten(tree: PromptTree, prefix: string, into: Map<string, string>): void {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') into.set(path, value);
    else flatten(value, path, into);
  }
}
