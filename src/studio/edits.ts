/**
 * Edits by parts of config/territories.yaml, made on the YAML document itself (comments and layout
 * kept): one territory's entry, or the national settings. The bodies are checked by zod here; the
 * result is checked again, whole, by the configuration's own checks before it can be published.
 */
import { isMap, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { WEEKDAYS } from '../territories/schema';

const text = z.string().trim().min(1).max(500);
const range = z.string().regex(/^\d\d:\d\d-\d\d:\d\d$/, { error: 'une plage horaire s’écrit "09:00-18:00"' });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'une date s’écrit "2025-12-24"' });
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
    /** An exceptional closure with its message; null lifts it. */
    closure: z.strictObject({ message: text }).nullable().optional(),
  })
  .refine((edit) => Object.keys(edit).length > 0, { error: 'rien à changer' });
export type TerritoryEdit = z.output<typeof TerritoryEditSchema>;

export const NationalEditSchema = z
  .strictObject({
    fallback: target.optional(),
    callbackOfferAfterSeconds: z.number().int().min(0).max(3600).optional(),
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

/** Sets `value` at `path`; lists of plain values are written on one line, as in the shipped file. */
function put(document: Document, path: readonly string[], value: unknown): void {
  if (value === null) {
    document.deleteIn(path);
    return;
  }
  const node = document.createNode(value, { flow: Array.isArray(value) || (typeof value === 'object' && path.at(-1) === 'target') });
  document.setIn(path, node);
}

export function editTerritory(yamlText: string, code: string, edit: TerritoryEdit): string {
  const document = documentOf(yamlText);
  if (!isMap(document.getIn(['territories', code]))) throw new EditError(`Le territoire ${code} n’existe pas.`);
  const at = (...path: string[]) => ['territories', code, ...path];
  const { hours, extraClosedDays, extraOpenDays, ...rest } = edit;
  for (const [day, ranges] of Object.entries(hours ?? {})) put(document, at('hours', day), ranges);
  if (extraClosedDays !== undefined) put(document, at('holidays', 'extraClosedDays'), extraClosedDays);
  if (extraOpenDays !== undefined) put(document, at('holidays', 'extraOpenDays'), extraOpenDays);
  for (const [field, value] of Object.entries(rest)) if (value !== undefined) put(document, at(field), value);
  return document.toString();
}

export function editNational(yamlText: string, edit: NationalEdit): string {
  const document = documentOf(yamlText);
  const { crisis, ...rest } = edit;
  for (const [field, value] of Object.entries(crisis ?? {})) if (value !== undefined) put(document, ['national', 'crisis', field], value);
  for (const [field, value] of Object.entries(rest)) if (value !== undefined) put(document, ['national', field], value);
  return document.toString();
}
