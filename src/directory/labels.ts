/** The French words of the directory's codes: served by GET /api/vocabulary, read by the bot and the partner names. */
import type { AgeBand, DisabilityKind, OfferType } from './schema';
import { AGE_BANDS, AVAILABILITY_STATUSES, DISABILITY_KINDS, OFFER_TYPES, SOURCE_KINDS } from './schema';

export const OFFER_TYPE_LABELS: Readonly<Record<OfferType, string>> = {
  mdph: 'MDPH (maison départementale des personnes handicapées)',
  information: 'Accueil et information',
  hebergement: 'Hébergement (foyer, maison d’accueil)',
  accueil_de_jour: 'Accueil de jour',
  accompagnement_domicile: 'Accompagnement à domicile',
  soins: 'Soins',
  education: 'Éducation et scolarité adaptées',
  travail: 'Travail protégé et insertion',
  repit: 'Répit et accueil temporaire',
  loisirs: 'Loisirs, sport, vacances',
  association: 'Association',
  autre: 'Autre',
};

export const AGE_BAND_LABELS: Readonly<Record<AgeBand, string>> = {
  enfant: 'Enfants (moins de 18 ans)',
  adulte: 'Adultes (18 à 59 ans)',
  senior: 'Personnes de 60 ans et plus',
};

export const DISABILITY_LABELS: Readonly<Record<DisabilityKind, string>> = {
  intellectuel: 'Handicap intellectuel',
  psychique: 'Handicap psychique',
  autisme: 'Autisme',
  moteur: 'Handicap moteur',
  polyhandicap: 'Polyhandicap',
  auditif: 'Handicap auditif',
  visuel: 'Handicap visuel',
  cognitif: 'Troubles cognitifs',
  maladie_invalidante: 'Maladie invalidante',
};

export const AVAILABILITY_LABELS: Readonly<Record<(typeof AVAILABILITY_STATUSES)[number], string>> = {
  places: 'Places disponibles',
  liste_attente: 'Liste d’attente',
  complet: 'Complet',
  inconnu: 'Non renseigné',
};

export const SOURCE_KIND_LABELS: Readonly<Record<(typeof SOURCE_KINDS)[number], string>> = {
  finess: 'Fichier FINESS',
  coordinator: 'Saisi par la coordination',
  import: 'Autre import',
};

/** Who an offer is for: people of its commune (and around), or of the whole département. */
export const ZONE_LABELS: Readonly<Record<'commune' | 'departement', string>> = {
  commune: 'Les habitants de sa commune et des environs',
  departement: 'Tout le département',
};

const entries = <K extends string>(ids: readonly K[], labels: Readonly<Record<K, string>>) => ids.map((id) => ({ id, label: labels[id] }));

/** The directory's part of GET /api/vocabulary. */
export function directoryVocabulary() {
  return {
    offerTypes: entries(OFFER_TYPES, OFFER_TYPE_LABELS),
    ageBands: entries(AGE_BANDS, AGE_BAND_LABELS),
    disabilities: entries(DISABILITY_KINDS, DISABILITY_LABELS),
    availability: entries(AVAILABILITY_STATUSES, AVAILABILITY_LABELS),
    sourceKinds: entries(SOURCE_KINDS, SOURCE_KIND_LABELS),
    zones: entries(['commune', 'departement'] as const, ZONE_LABELS),
  };
}
