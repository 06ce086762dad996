/**
 * config/local-resources.yaml: the local contacts an answer can add for the user's département
 * (the MDPH at least). Generated once with one entry per département; coordinators fill in the
 * phone numbers and e-mail addresses they know. Unknown values stay null: nothing is invented.
 */
import * as path from 'node:path';
import { z } from 'zod';
import { DEPARTEMENT_CODES, isDepartementCode } from '../places/departements';
import type { DepartementCode } from '../domain/vocabulary';
import { loadYamlWithSchema, parseWithSchema, parseYamlWithSchema } from '../config/yamlFile';

export const LOCAL_RESOURCES_FILE = path.join('config', 'local-resources.yaml');

/** The national directory of MDPH addresses: where a user is sent while the local details are unknown. */
export const MDPH_DIRECTORY_URL = 'https://www.monparcourshandicap.gouv.fr/annuaire';

/** A French number as people write it: "02 40 00 00 00", "0240000000", "+33 2 40 00 00 00", "0 800 360 360". */
const PHONE = /^(\+33 ?[1-9]|0[1-9])( ?\d){8}$|^0 ?[89]\d{2}( ?\d{3}){2}$|^\+262 ?\d{3}( ?\d{2}){3}$|^\+(590|594|596) ?\d{3}( ?\d{2}){3}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;

const nonEmptyText = z.string().regex(/\S/, { error: 'expected a non-empty text' });

const mdphSchema = z.strictObject({
  name: nonEmptyText,
  url: z.string().regex(/^https:\/\/\S+$/, { error: 'expected an https address' }),
  phone: z
    .string()
    .regex(PHONE, { error: 'expected a French phone number, e.g. "02 40 00 00 00", or null when unknown' })
    .nullable(),
  email: z.string().regex(EMAIL, { error: 'expected an e-mail address, or null when unknown' }).nullable(),
});

export type MdphContact = z.output<typeof mdphSchema>;

const departementResourcesSchema = z.strictObject({ mdph: mdphSchema });

export const localResourcesFileSchema = z
  .strictObject({
    departements: z.record(z.string(), departementResourcesSchema),
  })
  .superRefine((file, ctx) => {
    for (const code of Object.keys(file.departements)) {
      if (!isDepartementCode(code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['departements', code],
          message: 'unknown département code: expected "01".."19", "2A", "2B", "21".."95", "971".."974" or "976", in quotes',
        });
      }
    }
    for (const code of DEPARTEMENT_CODES) {
      if (!(code in file.departements)) {
        ctx.addIssue({ code: 'custom', path: ['departements'], message: `département "${code}" is missing: every département needs an entry` });
      }
    }
  });

export interface LocalResources {
  /** The MDPH of a département; undefined for an unknown code. */
  mdph(code: DepartementCode): MdphContact | undefined;
}

function toLocalResources(file: z.output<typeof localResourcesFileSchema>): LocalResources {
  const byCode = new Map(Object.entries(file.departements).map(([code, resources]) => [code, resources.mdph]));
  return { mdph: (code) => byCode.get(code.toUpperCase()) };
}

export function parseLocalResources(raw: unknown, fileName: string): LocalResources {
  return toLocalResources(parseWithSchema(localResourcesFileSchema, raw, fileName));
}

export function parseLocalResourcesYaml(text: string, fileName: string): LocalResources {
  return toLocalResources(parseYamlWithSchema(localResourcesFileSchema, text, fileName));
}

export function loadLocalResourcesFile(file: string): LocalResources {
  return toLocalResources(loadYamlWithSchema(localResourcesFileSchema, file));
}

/** Reads and validates <rootDir>/config/local-resources.yaml. */
export function loadLocalResources(rootDir: string): LocalResources {
  return loadLocalResourcesFile(path.join(rootDir, LOCAL_RESOURCES_FILE));
}
