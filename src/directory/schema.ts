/**
 * The directory of actors and offers (répertoire): per territory, the organisations and what they
 * offer (type, the needs of the 360° they serve, the people they serve, commune, hours, availability
 * and the date it was last confirmed, source). A plain value checked by zod: the same schema reads
 * config/directory.yaml, the store's edited copy and every edit of the API.
 *
 * Contacts are the organisation's public ones (switchboard, contact address, web site): never a
 * person's, so the directory holds no personal data and its store key needs no TTL.
 */
import { z } from 'zod';
import { NEED_IDS } from '../domain/vocabulary';
import { DEPARTEMENT_CODE_PATTERN } from '../tickets/ref';

export const OFFER_TYPES = [
  'mdph',
  'information',
  'hebergement',
  'accueil_de_jour',
  'accompagnement_domicile',
  'soins',
  'education',
  'travail',
  'repit',
  'loisirs',
  'association',
  'autre',
] as const;
export type OfferType = (typeof OFFER_TYPES)[number];

/** Age bands: children (0–17), adults (18–59), older people (60 and over). */
export const AGE_BANDS = ['enfant', 'adulte', 'senior'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const DISABILITY_KINDS = ['intellectuel', 'psychique', 'autisme', 'moteur', 'polyhandicap', 'auditif', 'visuel', 'cognitif', 'maladie_invalidante'] as const;
export type DisabilityKind = (typeof DISABILITY_KINDS)[number];

export const AVAILABILITY_STATUSES = ['places', 'liste_attente', 'complet', 'inconnu'] as const;
export const SOURCE_KINDS = ['finess', 'coordinator', 'import'] as const;

/** A French number as organisations print it: "02 40 00 00 00", "0240000000", "+33 2 40 00 00 00", "0 800 360 360". */
const PHONE = /^(\+33 ?[1-9]|0[1-9])( ?\d){8}$|^0 ?[89]\d{2}( ?\d{3}){2}$|^\+262 ?\d{3}( ?\d{2}){3}$|^\+(590|594|596) ?\d{3}( ?\d{2}){3}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;

export const IdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,79}$/, { error: 'il faut un identifiant de 2 à 80 caractères : lettres minuscules, chiffres et -' });
const text = (max: number) => z.string().trim().min(1, { error: 'il faut un texte, pas un texte vide' }).max(max, { error: `${max} caractères au plus` });
const isoDate = z.iso.date({ error: 'il faut une date "AAAA-MM-JJ", par exemple "2026-11-23"' });

export const TerritorySchema = z.string().regex(DEPARTEMENT_CODE_PATTERN, { error: 'il faut un code de département entre guillemets : de "01" à "95", "2A", "2B", de "971" à "974", ou "976"' });
/** An INSEE commune code: the département's code, then the commune's number (44109 Nantes, 2A004 Ajaccio, 97411 Saint-Denis). */
export const CommuneCodeSchema = z.string().regex(/^(\d{5}|2[AB]\d{3})$/, { error: 'il faut le code INSEE d’une commune, par exemple "44109"' });
export const CommuneSchema = z.strictObject({ code: CommuneCodeSchema, name: text(100) });

export const ContactSchema = z.strictObject({
  phone: z.string().regex(PHONE, { error: 'il faut un numéro de téléphone français, par exemple "02 40 00 00 00", ou null si vous ne le connaissez pas' }).nullable(),
  email: z.string().regex(EMAIL, { error: 'il faut une adresse e-mail, ou null si vous ne la connaissez pas' }).nullable(),
  web: z.string().regex(/^https:\/\/\S+$/, { error: 'il faut une adresse qui commence par https://, ou null si vous ne la connaissez pas' }).nullable(),
});

export const PeopleServedSchema = z.strictObject({
  ages: z.array(z.enum(AGE_BANDS)).min(1, { error: 'il faut au moins un âge : enfant, adulte ou senior' }),
  /** Empty: not restricted to some kinds of disability (every kind). */
  disabilities: z.array(z.enum(DISABILITY_KINDS)),
});

export const AvailabilitySchema = z.strictObject({
  status: z.enum(AVAILABILITY_STATUSES),
  /** The day someone last confirmed it; null: never confirmed. */
  confirmedAt: isoDate.nullable(),
});

export const OfferSchema = z.strictObject({
  id: IdSchema,
  type: z.enum(OFFER_TYPES),
  label: text(150),
  needs: z.array(z.enum(NEED_IDS)),
  public: PeopleServedSchema,
  /** commune: people of the offer's commune and around it; departement: the whole département. */
  zone: z.enum(['commune', 'departement']),
  /** Where the offer is, when not at the organisation's address. */
  commune: CommuneSchema.optional(),
  hours: text(200).optional(),
  availability: AvailabilitySchema,
});

export const SourceSchema = z.strictObject({
  kind: z.enum(SOURCE_KINDS),
  /** FINESS establishment number (9 characters) when the source is FINESS. */
  finess: z.string().regex(/^\d[0-9AB]\d{7}$/, { error: 'il faut un numéro FINESS de 9 caractères' }).optional(),
  /** The day it was written or imported. */
  at: isoDate,
});

/** The fields of an organisation (OrganisationSchema adds the check of its communes). */
export const OrganisationFieldsSchema = z.strictObject({
  id: IdSchema,
  name: text(150),
  territory: TerritorySchema,
  commune: CommuneSchema.optional(),
  contact: ContactSchema,
  hours: text(200).optional(),
  source: SourceSchema,
  offers: z.array(OfferSchema).min(1, { error: 'il faut au moins une offre' }).max(50),
});

/** A commune's code starts with its département's (97411 is in 974, 2A004 in 2A, 44109 in 44). */
const inTerritory = (commune: string, territory: string) => commune.startsWith(territory.slice(0, commune.startsWith('97') ? 3 : 2));

export const OrganisationSchema = OrganisationFieldsSchema.superRefine((organisation, ctx) => {
  const communes = [organisation.commune, ...organisation.offers.map((offer) => offer.commune)];
  communes.forEach((commune, index) => {
    if (commune && !inTerritory(commune.code, organisation.territory)) {
      ctx.addIssue({ code: 'custom', path: index === 0 ? ['commune', 'code'] : ['offers', index - 1, 'commune', 'code'], message: `la commune ${commune.code} n’est pas dans le département ${organisation.territory}` });
    }
  });
});

export const DirectorySchema = z.strictObject({ organisations: z.array(OrganisationSchema) }).superRefine((directory, ctx) => {
  const seen = new Set<string>();
  directory.organisations.forEach((organisation, index) => {
    for (const [id, path] of [[organisation.id, ['organisations', index, 'id']], ...organisation.offers.map((offer, i) => [offer.id, ['organisations', index, 'offers', i, 'id']] as const)] as const) {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [...path], message: `l’identifiant "${id}" est déjà pris : chaque organisation et chaque offre a le sien` });
      seen.add(id);
    }
  });
});

export type Directory = z.output<typeof DirectorySchema>;
export type Organisation = z.output<typeof OrganisationSchema>;
export type Offer = z.output<typeof OfferSchema>;
export type Commune = z.output<typeof CommuneSchema>;
