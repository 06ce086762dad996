/**
 * The regions of the official data (@etalab/decoupage-administratif) and the served départements each
 * holds: « en Bretagne » names four départements, « la Corse » two, « Guadeloupe » one. A region is
 * no answer by itself when it holds many départements (the caller is asked again), but it keeps its
 * words from being read as a town (Bretagne is also a village of the Territoire de Belfort).
 */
import { isDepartementCode } from './departements';
import { normaliseName } from './names';

interface RawRegion {
  code: string;
  nom: string;
}

interface RawDepartement {
  code: string;
  region: string;
}

export interface RegionIndex {
  /** The served départements of the region named by these words (« la corse » → 2A, 2B); null when they name no region. */
  find(text: string): readonly string[] | null;
}

/** The index from the regions and départements given; regions without a served département are left out (Saint-Martin is a town too). */
export function buildRegionIndex(regions: readonly RawRegion[], departements: readonly RawDepartement[], served: (code: string) => boolean): RegionIndex {
  const byName = new Map<string, string[]>();
  for (const region of regions) {
    const codes = departements.filter((departement) => departement.region === region.code && served(departement.code)).map(({ code }) => code);
    if (codes.length > 0) byName.set(normaliseName(region.nom), codes);
  }
  return { find: (text) => byName.get(normaliseName(text)) ?? null };
}

let shared: RegionIndex | undefined;

/** The regions of the official data and their served départements, read once. */
export function regionIndex(): RegionIndex {
  shared ??= buildRegionIndex(
    require('@etalab/decoupage-administratif/data/regions.json') as RawRegion[],
    require('@etalab/decoupage-administratif/data/departements.json') as RawDepartement[],
    isDepartementCode,
  );
  return shared;
}
