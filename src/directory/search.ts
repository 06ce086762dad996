/**
 * Searching the directory from a ticket: the offers of one territory that serve a need, near a
 * commune, for some people (an age band, a kind of disability). Pure: a value in, a list out.
 */
import { z } from 'zod';
import { NEED_IDS, type NeedId } from '../domain/vocabulary';
import { AGE_BANDS, CommuneCodeSchema, IdSchema, DISABILITY_KINDS, TerritorySchema, type AgeBand, type DisabilityKind, type Directory, type Offer, type Organisation } from './schema';

const PUBLIC_IDS = [...AGE_BANDS, ...DISABILITY_KINDS] as const;

export const DirectoryQuerySchema = z.strictObject({
  territory: TerritorySchema.describe('A département of yours'),
  need: z.enum(NEED_IDS).optional().describe('One of the 14 needs'),
  commune: CommuneCodeSchema.optional().describe('INSEE code of the person’s commune: its offers, and those serving the whole département'),
  public: z
    .preprocess((value) => (typeof value === 'string' ? value.split(',').filter((s) => s !== '') : value), z.array(z.enum(PUBLIC_IDS)).min(1).max(4))
    .optional()
    .describe(`People served, comma-separated: an age band (${AGE_BANDS.join(', ')}) and/or a kind of disability (${DISABILITY_KINDS.join(', ')})`),
});
export type DirectoryQuery = z.output<typeof DirectoryQuerySchema>;

/** An organisation without its offers, and those of its offers that answer the query. */
export interface SearchResult {
  organisation: Omit<Organisation, 'offers'>;
  offers: Offer[];
}

function servesPublic(offer: Offer, wanted: readonly string[]): boolean {
  const ages = wanted.filter((id): id is AgeBand => (AGE_BANDS as readonly string[]).includes(id));
  const kinds = wanted.filter((id): id is DisabilityKind => (DISABILITY_KINDS as readonly string[]).includes(id));
  const agesServed = ages.every((age) => offer.public.ages.includes(age));
  const kindsServed = offer.public.disabilities.length === 0 || kinds.every((kind) => offer.public.disabilities.includes(kind));
  return agesServed && kindsServed;
}

function communeOf(organisation: Organisation, offer: Offer): string | undefined {
  return (offer.commune ?? organisation.commune)?.code;
}

function matches(organisation: Organisation, offer: Offer, query: DirectoryQuery): boolean {
  if (query.need !== undefined && !offer.needs.includes(query.need as NeedId)) return false;
  if (query.commune !== undefined && offer.zone === 'commune' && communeOf(organisation, offer) !== query.commune) return false;
  return query.public === undefined || servesPublic(offer, query.public);
}

/** Offers in the person's commune first, then those of the whole département; by name within each. */
export function searchDirectory(directory: Directory, query: DirectoryQuery): SearchResult[] {
  const results = directory.organisations
    .filter((organisation) => organisation.territory === query.territory)
    .map(({ offers, ...organisation }) => ({ organisation, offers: offers.filter((offer) => matches({ ...organisation, offers }, offer, query)) }))
    .filter((result) => result.offers.length > 0);
  const local = (result: SearchResult) => (result.offers.some((offer) => offer.zone === 'commune') ? 0 : 1);
  return results.sort((a, b) => local(a) - local(b) || a.organisation.name.localeCompare(b.organisation.name, 'fr'));
}

/** Finds an organisation and, when asked, one of its offers. */
export function findOffer(directory: Directory, organisationId: string, offerId?: string): { organisation: Organisation; offer?: Offer } | undefined {
  const organisation = directory.organisations.find((candidate) => candidate.id === organisationId);
  if (!organisation) return undefined;
  if (offerId === undefined) return { organisation };
  const offer = organisation.offers.find((candidate) => candidate.id === offerId);
  return offer ? { organisation, offer } : undefined;
}

/** How a partner picked from the directory reads on a case file (at most 200 characters). */
export function partnerName(organisation: Organisation, offer?: Offer): string {
  const commune = offer?.commune ?? organisation.commune;
  const name = [organisation.name, offer ? ` — ${offer.label}` : '', commune ? ` (${commune.name})` : ''].join('');
  return name.length <= 200 ? name : `${name.slice(0, 199)}…`;
}

/** A partner added to a case: picked from the directory, or written by hand (free text stays possible). */
export const PartnerBodySchema = z.union([
  z.strictObject({ organisationId: IdSchema, offerId: IdSchema.optional().describe('One of its offers (optional)') }).describe('A partner picked from the directory'),
  z.strictObject({ text: z.string().trim().min(1).max(200).describe('A partner written by hand') }),
]);
