/**
 * config/directory.yaml: the directory as shipped (the MDPH of every département, a few sample
 * offers), read and checked like every file a coordinator edits, and written back (export) from the
 * edited value, so that the directory can be versioned with the rest of the configuration.
 */
import * as path from 'node:path';
import { stringify } from 'yaml';
import type { ConfigCheck } from '../config/configCheck';
import { loadYamlWithSchema, parseYamlWithSchema } from '../config/yamlFile';
import type { LocalResources, MdphContact } from '../knowledge/local-resources';
import { MDPH_DIRECTORY_URL } from '../knowledge/local-resources';
import { DEPARTEMENT_CODES } from '../places/departements';
import { DirectorySchema, type Directory, type Organisation } from './schema';

export const DIRECTORY_FILE = path.join('config', 'directory.yaml');

/** The shipped directory must name the MDPH of every département (the bot cites it). */
const ShippedDirectorySchema = DirectorySchema.superRefine((directory, ctx) => {
  for (const code of DEPARTEMENT_CODES) {
    if (mdphOrganisation(directory, code) === undefined) {
      ctx.addIssue({ code: 'custom', path: ['organisations'], message: `le département "${code}" n’a pas de MDPH (maison départementale des personnes handicapées) : ajoutez une organisation avec une offre de type mdph` });
    }
  }
});

export function parseDirectoryYaml(text: string, fileName: string): Directory {
  return parseYamlWithSchema(ShippedDirectorySchema, text, fileName);
}

export function loadDirectoryFile(file: string): Directory {
  return loadYamlWithSchema(ShippedDirectorySchema, file);
}

/** Reads and validates <rootDir>/config/directory.yaml. */
export function loadDirectory(rootDir: string): Directory {
  return loadDirectoryFile(path.join(rootDir, DIRECTORY_FILE));
}

const EXPORT_HEADER = '# The directory of actors and offers (see README « Directory »). Check with `npm run config:check`.\n';

/** The directory as YAML, in the shipped file's shape (what parseDirectoryYaml reads back). */
export function exportDirectoryYaml(directory: Directory): string {
  return EXPORT_HEADER + stringify(DirectorySchema.parse(directory), { lineWidth: 0 });
}

/** `npm run config:check`: the directory is well formed, ids unique, every département has its MDPH. */
export const directoryCheck: ConfigCheck = {
  name: 'directory',
  files: (rootDir) => [path.join(rootDir, DIRECTORY_FILE)],
  check: (file) => {
    loadDirectoryFile(file);
  },
};

/** Is it a département's MDPH (it has an offer of type mdph)? */
export function isMdph(organisation: Organisation): boolean {
  return organisation.offers.some((offer) => offer.type === 'mdph');
}

function mdphOrganisation(directory: Directory, territory: string) {
  return directory.organisations.find((organisation) => organisation.territory === territory && isMdph(organisation));
}

/** The MDPH of a département as an answer names it; undefined when the directory has none. */
export function mdphOf(directory: Directory, territory: string): MdphContact | undefined {
  const organisation = mdphOrganisation(directory, territory.toUpperCase());
  if (!organisation) return undefined;
  const { phone, email, web } = organisation.contact;
  return { name: organisation.name, url: web ?? MDPH_DIRECTORY_URL, phone, email };
}

/** The local contacts the FAQ's answers add, read from the directory. */
export function localResourcesOf(directory: Directory): LocalResources {
  return { mdph: (code) => mdphOf(directory, code) };
}
