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

/**
 * Kinds of danger, most urgent first, each with its own number (content/fr/safety.yaml): a deaf
 * person in danger (114 by SMS), a medical emergency (15), an immediate danger (112, 17), suicide
 * (3114), a child in danger (119), violence in the couple (3919), abuse of a vulnerable adult (3977).
 */
export const DANGER_KINDS = [
  'sourd',
  'urgence_medicale',
  'danger_immediat',
  'suicide',
  'enfance_en_danger',
  'violence_conjugale',
  'maltraitance',
] as const;
export type DangerKind = (typeof DANGER_KINDS)[number];

export type Channel = 'voice' | 'chat';

/** INSEE code of a département: "01".."19", "2A", "2B", "21".."95", "971".."974", "976". */
export type DepartementCode = string;

/** The French label of each need, as advisors read it (PRODUCT.md). */
export const NEED_LABELS: Readonly<Record<NeedId, string>> = {
  vie_quotidienne: 'Se nourrir, s’habiller, se laver',
  deplacements: 'Se déplacer (chez soi et à l’extérieur)',
  logement: 'Se loger',
  budget: 'Régler les dépenses courantes (loyer, énergie, téléphone…)',
  sante: 'Être en bonne santé, soins médicaux et paramédicaux',
  accompagnement: 'Accompagnement à l’autonomie, accompagnement médico-social',
  emploi: 'Avoir un travail',
  scolarite: 'Aller à l’école',
  garde_enfant: 'Faire garder son enfant',
  demarches: 'Démarches administratives (impôts, CAF, CPAM, MDPH…)',
  loisirs: 'Activité culturelle, sportive',
  vacances: 'Partir en vacances, en week-end',
  soutien_aidant: 'Soutien et répit pour l’aidant',
  sans_solution: '« Je n’ai plus de solution »',
};

export const PROFILE_LABELS: Readonly<Record<Profile, string>> = {
  personne: 'Personne concernée',
  aidant: 'Aidant (proche)',
  professionnel: 'Professionnel',
};

export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = { voice: 'Appel', chat: 'Chat' };

export const PRIORITY_LABELS: Readonly<Record<Priority, string>> = { normale: 'Normale', prioritaire: 'Prioritaire' };
