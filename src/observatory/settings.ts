/**
 * config/observatory.yaml: the French labels of the observatory's tables and the list of N3 reasons
 * (what was missing), which coordinators may extend. Checked by `npm run config:check`.
 */
import * as path from 'node:path';
import { z } from 'zod';
import type { ConfigCheck } from '../config/configCheck';
import { loadYamlWithSchema } from '../config/yamlFile';
import { NEED_IDS, PROFILES } from '../domain/vocabulary';
import { MISSING_KINDS, MissingReasonIdSchema } from '../advisors/caseFile';

export const OBSERVATORY_FILE = path.join('config', 'observatory.yaml');
/** The row of a contact whose need or profile was not said. */
export const NOT_SAID = 'non_precise';
export const CHANNELS = ['voice', 'chat'] as const;

const label = z.string().trim().min(1).max(120);
const labelsFor = (ids: readonly string[]) => z.strictObject(Object.fromEntries(ids.map((id) => [id, label])) as Record<string, typeof label>);


export const ObservatorySettingsSchema = z
  .strictObject({
    missing: z
      .array(z.strictObject({ id: MissingReasonIdSchema, label }))
      .min(1)
      .max(40)
      .superRefine((reasons, ctx) => {
        const ids = reasons.map((r) => r.id);
        ids.forEach((id, index) => {
          if (ids.indexOf(id) !== index) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `"${id}" est deux fois dans la liste : gardez-en un seul` });
        });
        for (const own of MISSING_KINDS) {
          if (!ids.includes(own)) ctx.addIssue({ code: 'custom', path: [], message: `la raison "${own}" doit rester : des besoins non couverts déjà notés l’utilisent` });
        }
      }),
    needs: labelsFor([...NEED_IDS, NOT_SAID]),
    profiles: labelsFor([...PROFILES, NOT_SAID]),
    channels: labelsFor(CHANNELS),
  });
export type ObservatorySettings = z.output<typeof ObservatorySettingsSchema>;

export function loadObservatorySettings(file: string): ObservatorySettings {
  return loadYamlWithSchema(ObservatorySettingsSchema, file);
}

export const observatorySettingsCheck: ConfigCheck = {
  name: 'observatory',
  files: (rootDir) => [path.join(rootDir, OBSERVATORY_FILE)],
  check: (file) => {
    loadObservatorySettings(file);
  },
};
