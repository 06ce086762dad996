/**
 * Places: the 101 départements and the postcodes that lead to them.
 * The one entry point for "where is this caller?"; pure look-ups, no I/O after the first use.
 */
import type { Departement } from '../domain/ports';
import type { DepartementCode } from '../domain/vocabulary';
import { DEPARTEMENTS, departementByCode, isDepartementCode } from './departements';
import { buildNameIndex, type NameIndex } from './names';
import { getPostcodeIndex, normalisePostcode } from './postcodes';

export { normalisePostcode } from './postcodes';
export { DEPARTEMENTS, DEPARTEMENT_CODES, isDepartementCode } from './departements';

/**
 * Postcodes routed to another département than the one the data gives.
 * Saint-Barthélemy (97133, COM 977) and Saint-Martin (97150, COM 978) have no CERCLE of their own:
 * their callers go to Guadeloupe.
 */
export const DEFAULT_POSTCODE_OVERRIDES: Readonly<Record<string, DepartementCode>> = Object.freeze({
  '97133': '971',
  '97150': '971',
});

export interface PlacesOptions {
  /** postcode → département code; replaces what the data says for that postcode. */
  postcodeOverrides?: Readonly<Record<string, DepartementCode>>;
}

export interface Places {
  /** The 101 départements in INSEE order. */
  all(): readonly Departement[];
  /** A département by its code ("44", "2A", "2a", "971"); undefined when unknown. */
  get(code: string): Departement | undefined;
  /**
   * Département codes for a postcode ("44000" or spoken "44 000"), sorted.
   * Two codes when the postcode spans two départements (ask the caller which); [] when unknown.
   */
  departementsForPostcode(postcode: string): DepartementCode[];
  /** A département from its name ("loire-atlantique", "La Réunion") or its code ("44", "2A"). */
  findByName(text: string): Departement | null;
}

export function createPlaces(options: PlacesOptions = {}): Places {
  const overrides = new Map(Object.entries(options.postcodeOverrides ?? DEFAULT_POSTCODE_OVERRIDES));
  for (const [postcode, code] of overrides) {
    if (normalisePostcode(postcode) !== postcode || !isDepartementCode(code)) {
      throw new Error(`Invalid postcode override ${postcode} → ${code}: expected a 5-digit postcode and a département code`);
    }
  }
  let nameIndex: NameIndex | undefined;

  return {
    all: () => DEPARTEMENTS,
    get: (code) => departementByCode(code),
    departementsForPostcode(raw) {
      const postcode = normalisePostcode(raw);
      if (postcode === null) return [];
      const override = overrides.get(postcode);
      if (override !== undefined) return [override];
      // Postcodes of overseas collectivities (COM) lead to no département we serve.
      return (getPostcodeIndex().get(postcode) ?? []).filter(isDepartementCode);
    },
    findByName(text) {
      nameIndex ??= buildNameIndex(DEPARTEMENTS);
      return nameIndex.find(text);
    },
  };
}

/** Places with the default overrides (97133 and 97150 → 971). */
export const places: Places = createPlaces();

/** Shorthand for places.findByName. */
export function findDepartementByName(text: string): Departement | null {
  return places.findByName(text);
}
