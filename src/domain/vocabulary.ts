/** The words of the product (PRODUCT.md), as types and lists that every module shares. */

export const PROFILES = ['personne', 'aidant', 'professionnel'] as const;
export type Profile = (typeof PROFILES)[number];

export const NEED_IDS = [
  'vie_quotidienne',
  'deplacements',
  'logement',
  'budget',
  'sante',
  'accompagnement',
  'emploi',
  'scolarite',
  'garde_enfant',
  'demarches',
  'loisirs',
  'vacances',
  'soutien_aidant',
  'sans_solution',
] as const;
export type NeedId = (typeof NEED_IDS)[number];

/** Needs that always make a request a priority. */
export const PRIORITY_NEEDS: readonly NeedId[] = ['sans_solution'];

export type Priority = 'normale' | 'prioritaire';

export type Channel = 'voice' | 'chat';

/** INSEE code of a département: "01".."19", "2A", "2B", "21".."95", "971".."974", "976". */
export type DepartementCode = string;
