/**
 * The 101 départements served by the helpline, read from the official administrative data
 * (@etalab/decoupage-administratif), each with its IANA time zone.
 * Overseas collectivities (COM: 975, 977, 978, 984, 986–989) are not départements and are left out.
 */
import type { Departement } from '../domain/ports';
import type { DepartementCode } from '../domain/vocabulary';

interface RawDepartement {
  code: string;
  nom: string;
  zone: string;
}

const METROPOLE_TIME_ZONE = 'Europe/Paris';

/** Time zones of the overseas départements (DROM); every other département is metropolitan. */
const OVERSEAS_TIME_ZONES: Readonly<Record<string, string>> = {
  '971': 'America/Guadeloupe',
  '972': 'America/Martinique',
  '973': 'America/Cayenne',
  '974': 'Indian/Reunion',
  '976': 'Indian/Mayotte',
};

function isServedDepartement(raw: RawDepartement): boolean {
  return raw.zone === 'metro' || raw.code in OVERSEAS_TIME_ZONES;
}

function toDepartement(raw: RawDepartement): Departement {
  return {
    code: raw.code,
    name: raw.nom,
    timeZone: OVERSEAS_TIME_ZONES[raw.code] ?? METROPOLE_TIME_ZONE,
  };
}

function readDepartements(): readonly Departement[] {
  // Required file by file: the package entry point reads its data relative to the cwd.
  const raw = require('@etalab/decoupage-administratif/data/departements.json') as RawDepartement[];
  return Object.freeze(raw.filter(isServedDepartement).map((d) => Object.freeze(toDepartement(d))));
}

/** All 101 départements in INSEE order (01…19, 2A, 2B, 21…95, 971…976). */
export const DEPARTEMENTS: readonly Departement[] = readDepartements();

const BY_CODE: ReadonlyMap<DepartementCode, Departement> = new Map(DEPARTEMENTS.map((d) => [d.code, d]));

export const DEPARTEMENT_CODES: readonly DepartementCode[] = Object.freeze(DEPARTEMENTS.map((d) => d.code));

export function departementByCode(code: string): Departement | undefined {
  return BY_CODE.get(code.toUpperCase());
}

export function isDepartementCode(code: string): boolean {
  return BY_CODE.has(code);
}
