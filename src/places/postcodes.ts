/**
 * Postcode → département codes, from the communes of the official administrative data.
 * A postcode can span two départements (e.g. 05110: Alpes-de-Haute-Provence and Hautes-Alpes);
 * the index keeps every one of them so that the caller can be asked which.
 */
import type { DepartementCode } from '../domain/vocabulary';

interface RawCommune {
  type: string;
  departement?: string;
  codesPostaux?: string[];
}

/** Communes that own postcodes: current communes, and the arrondissements of Paris, Lyon, Marseille. */
const POSTCODE_OWNER_TYPES = new Set(['commune-actuelle', 'arrondissement-municipal']);

export type PostcodeIndex = ReadonlyMap<string, readonly DepartementCode[]>;

let postcodeIndex: PostcodeIndex | undefined;

function buildPostcodeIndex(): PostcodeIndex {
  const communes = require('@etalab/decoupage-administratif/data/communes.json') as RawCommune[];
  const codesByPostcode = new Map<string, DepartementCode[]>();
  for (const commune of communes) {
    if (!POSTCODE_OWNER_TYPES.has(commune.type) || commune.departement === undefined) continue;
    for (const postcode of commune.codesPostaux ?? []) {
      const codes = codesByPostcode.get(postcode);
      if (codes === undefined) codesByPostcode.set(postcode, [commune.departement]);
      else if (!codes.includes(commune.departement)) codes.push(commune.departement);
    }
  }
  for (const codes of codesByPostcode.values()) codes.sort();
  return codesByPostcode;
}

/** The index, built once on first use (reading the communes takes ~150 ms). */
export function getPostcodeIndex(): PostcodeIndex {
  postcodeIndex ??= buildPostcodeIndex();
  return postcodeIndex;
}

/**
 * A postcode as a caller types or says it: "44 000", "44.000", " 44000 " → "44000".
 * Only five digits make a postcode; anything else is null.
 */
export function normalisePostcode(raw: string): string | null {
  const compact = raw.replace(/[\s.\u00a0\u202f-]/g, '');
  return /^\d{5}$/.test(compact) ? compact : null;
}
