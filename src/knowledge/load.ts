/** Reading content/fr/faq.yaml (or an in-memory object) into validated FAQ entries. */
import * as path from 'node:path';
import { faqFileSchema, type FaqEntry } from './schema';
import { FAQ_EXAMPLES_FILE, loadFaqExamples, withExamples } from './examples';
import { loadYamlWithSchema, parseWithSchema, parseYamlWithSchema } from '../config/yamlFile';

/** The knowledge base file, relative to the project root. */
export const FAQ_FILE = path.join('content', 'fr', 'faq.yaml');

/** Validates a plain object { entries: [...] }; fileName only names the source in errors. */
export function parseFaq(raw: unknown, fileName: string): readonly FaqEntry[] {
  return parseWithSchema(faqFileSchema, raw, fileName).entries;
}

/** Parses and validates the text of a FAQ YAML file; a ConfigError names file, path and line. */
export function parseFaqYaml(text: string, fileName: string): readonly FaqEntry[] {
  return parseYamlWithSchema(faqFileSchema, text, fileName).entries;
}

/** Reads and validates one FAQ YAML file. */
export function loadFaqFile(file: string): readonly FaqEntry[] {
  return loadYamlWithSchema(faqFileSchema, file).entries;
}

/** Reads and validates <rootDir>/content/fr/faq.yaml, with the examples of content/fr/faq-examples.yaml. */
export function loadFaq(rootDir: string): readonly FaqEntry[] {
  return withExamples(loadFaqFile(path.join(rootDir, FAQ_FILE)), loadFaqExamples(rootDir), FAQ_EXAMPLES_FILE);
}
