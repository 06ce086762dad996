/**
 * Edits by parts of config/territories.yaml, made on the text of the entry changed (comments and layout
 * of the rest kept): one territory's entry, or the national settings. The bodies are checked by zod here; the
 * result is checked again, whole, by the configuration's own checks before it can be published.
 */
import { isMap, isNode, isScalar, parseDocument, stringify, type Document } from 'yaml';
import { z } from 'zod';
import { MAX_CALLBACK_TARGET_HOURS, WEEKDAYS } from '../territories/schema';

const text = z.string().trim().min(1).max(500);
const range = z.string().regex(/^\d\d:\d\d-\d\d:\d\d$/, { error: 'une plage horaire s’écrit "09:00-18:00"' });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'une date s’écrit "2025-12-24"' });
const callbackTargetHours = z
  .number({ error: 'le délai des rappels est un nombre d’heures, par exemple 48' })
  .int({ error: 'le délai des rappels est un nombre entier d’heures, par exemple 48' })
  .min(1, { error: 'le délai des rappels est d’une heure au moins' })
  .max(MAX_CALLBACK_TARGET_HOURS, { error: `le délai des rappels est de ${MAX_CALLBACK_TARGET_HOURS} heures au plus (30 jours)` });
const target = z.union([
  z.strictObject({ type: z.literal('queue'), name: z.string().regex(/^\S{1,64}$/) }),
  z.strictObject({ type: z.literal('workflow'), workflowSid: z.string().regex(/^WW[0-9a-f]{32}$/) }),
  z.strictObject({ type: z.literal('dial'), number: z.string().regex(/^\+[1-9]\d{6,14}$/) }),
  z.strictObject({ type: z.literal('dial'), sip: z.string().regex(/^sips?:[^\s@]+@\S+$/) }),
]);

export const TerritoryEditSchema = z
  .strictObject({
    name: text.optional(),
    target: target.optional(),
    hours: z.partialRecord(z.enum(WEEKDAYS), z.array(range).max(6)).optional(),
    extraClosedDays: z.array(isoDate).max(366).optional(),
    extraOpenDays: z.array(isoDate).max(366).optional(),
    whenClosed: z.enum(['callback', 'fallback', 'message']).optional(),
    /** null removes it. */
    closedMessage: text.nullable().optional(),
    callbackOfferAfterSeconds: z.number().int().min(0).max(3600).optional(),
    /** Callbacks done within this many hours count as done in time on the dashboard. */
    callbackTargetHours: callbackTargetHours.optional(),
    /** An exceptional closure with its message; null lifts it. */
    closure: z.strictObject({ message: text }).nullable().optional(),
  })
  .refine((edit) => Object.keys(edit).length > 0, { error: 'rien à changer' });
export type TerritoryEdit = z.output<typeof TerritoryEditSchema>;

export const NationalEditSchema = z
  .strictObject({
    fallback: target.optional(),
    callbackOfferAfterSeconds: z.number().int().min(0).max(3600).optional(),
    callbackTargetHours: callbackTargetHours.optional(),
    crisis: z.strictObject({ enabled: z.boolean().optional(), target: target.optional(), message: text.optional() }).optional(),
    postcodeOverrides: z.record(z.string().regex(/^\d{5}$/), z.string().regex(/^(\d{2}|2[AB]|97\d)$/)).optional(),
  })
  .refine((edit) => Object.keys(edit).length > 0, { error: 'rien à changer' });
export type NationalEdit = z.output<typeof NationalEditSchema>;

export class EditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EditError';
  }
}

function documentOf(yamlText: string): Document {
  const document = parseDocument(yamlText);
  if (document.errors.length > 0) throw new EditError('Le fichier des territoires n’est pas du YAML valide : corrigez-le d’abord (import).');
  return document;
}

/** A value on one line: lists as JSON (`["08:30-18:00"]`, as the shipped file writes them), maps in flow style. */
function inline(value: unknown): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trim();
  return JSON.stringify(value);
}

/**
 * Sets `value` at `path` (null: removes the key), changing only the text of that entry: the rest of
 * the file (comments, alignment, layout) stays as the coordinator wrote it. An entry whose parent is
 * missing is added through the document (the file is then written again whole).
 */
function put(yamlText: string, path: readonly string[], value: unknown): string {
  const document = documentOf(yamlText);
  const parent = document.getIn(path.slice(0, -1), true);
  const key = path.at(-1);
  const pair = isMap(parent) ? parent.items.find((item) => isScalar(item.key) && String(item.key.value) === key) : undefined;
  const node = pair?.value;
  if (value === null) {
    if (!pair || !isScalar(pair.key) || !pair.key.range || !isNode(node) || !node.range) return yamlText;
    const start = yamlText.lastIndexOf('\n', pair.key.range[0]) + 1;
    const endOfLine = yamlText.indexOf('\n', node.range[1]);
    return yamlText.slice(0, start) + yamlText.slice(endOfLine === -1 ? yamlText.length : endOfLine + 1);
  }
  if (isNode(node) && node.range) return yamlText.slice(0, node.range[0]) + inline(value) + yamlText.slice(node.range[1]);
  const last = isMap(parent) && !parent.flow ? parent.items.at(-1) : undefined;
  if (last && isScalar(last.key) && last.key.range && isNode(last.value) && last.value.range) {
    const indent = last.key.range[0] - (yamlText.lastIndexOf('\n', last.key.range[0]) + 1);
    const at = last.value.range[1];
    return `${yamlText.slice(0, at)}\n${' '.repeat(indent)}${key}: ${inline(value)}${yamlText.slice(at)}`;
  }
  document.setIn(path, document.createNode(value, { flow: true }));
  return document.toString({ lineWidth: 0 });
}

export function editTerritory(yamlText: string, code: string, edit: TerritoryEdit): string {
  if (!isMap(documentOf(yamlText).getIn(['territories', code]))) throw new EditError(`Le territoire ${code} n’existe pas.`);
  const at = (...path: string[]) => ['territories', code, ...path];
  const { hours, extraClosedDays, extraOpenDays, ...rest } = edit;
  let text = yamlText;
  for (const [day, ranges] of Object.entries(hours ?? {})) text = put(text, at('hours', day), ranges);
  if (extraClosedDays !== undefined) text = put(text, at('holidays', 'extraClosedDays'), extraClosedDays);
  if (extraOpenDays !== undefined) text = put(text, at('holidays', 'extraOpenDays'), extraOpenDays);
  for (const [field, value] of Object.entries(rest)) if (value !== undefined) text = put(text, at(field), value);
  return text;
}

export function editNational(yamlText: string, edit: NationalEdit): string {
  const { crisis, ...rest } = edit;
  let text = yamlText;
  for (const [field, value] of Object.entries(crisis ?? {})) if (value !== undefined) text = put(text, ['national', 'crisis', field], value);
  for (const [field, value] of Object.entries(rest)) if (value !== undefined) text = put(text, ['national', field], value);
  return text;
}
