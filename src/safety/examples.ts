/**
 * Labelled examples of danger and of ordinary messages, in the format of the phrasing sets
 * (test/understanding/README.md): what the danger model learns from. The shipped examples live in
 * content/fr/safety-examples-danger.yaml and content/fr/safety-examples-benign.yaml.
 */
import * as path from 'node:path';
import { z } from 'zod';
import { findRepoRoot } from '../config/env';
import { loadYamlWithSchema } from '../config/yamlFile';
import { DANGER_KINDS } from '../domain/vocabulary';
import { trainDangerModel, type DangerModel, type LabelledExample } from './model';

export const DangerExample = z.object({
  text: z.string().min(1),
  expect: z.enum(DANGER_KINDS),
  also: z.array(z.enum(DANGER_KINDS)).nullish(),
  channel: z.string().optional(),
  indirect: z.boolean().optional(),
});
export const BenignExample = z.object({ text: z.string().min(1), why: z.string().optional() });

export const dangerExamplesSchema = z.array(DangerExample);
export const benignExamplesSchema = z.array(BenignExample);

export const SAFETY_EXAMPLES_FILES = {
  danger: path.join('content', 'fr', 'safety-examples-danger.yaml'),
  benign: path.join('content', 'fr', 'safety-examples-benign.yaml'),
} as const;

/** The examples of a danger file and a benign file, labelled for training (`none` for benign). */
export function loadLabelledExamples(dangerFile: string, benignFile: string): LabelledExample[] {
  return [
    ...loadYamlWithSchema(dangerExamplesSchema, dangerFile).map((item): LabelledExample => ({ text: item.text, label: item.expect })),
    ...loadYamlWithSchema(benignExamplesSchema, benignFile).map((item): LabelledExample => ({ text: item.text, label: 'none' })),
  ];
}

let shipped: DangerModel | undefined;

/** The model trained on this project's examples, once (from src/ or dist/src/ alike). */
export function shippedDangerModel(): DangerModel {
  const root = findRepoRoot(__dirname);
  shipped ??= trainDangerModel(loadLabelledExamples(path.join(root, SAFETY_EXAMPLES_FILES.danger), path.join(root, SAFETY_EXAMPLES_FILES.benign)));
  return shipped;
}
