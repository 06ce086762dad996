/**
 * The settings a territory starts with before its coordinator edits config/territories.yaml:
 * its own Twilio queue, Monday to Friday 09:00–18:00 local time, closed on its public holidays,
 * a callback offered when closed.
 */
import type { Departement } from '../domain/ports';
import type { DepartementCode } from '../domain/vocabulary';
import { DEFAULT_POSTCODE_OVERRIDES } from '../places/places';
import { DEFAULT_CALLBACK_OFFER_AFTER_SECONDS, type TerritoriesConfigInput } from './schema';

type TerritoryInput = TerritoriesConfigInput['territories'][string];
type NationalInput = TerritoriesConfigInput['national'];

/**
 * date-holidays regions whose public holidays differ from metropolitan France:
 * Alsace-Moselle (Good Friday, 26 December) and each overseas département (abolition of slavery…).
 */
export const HOLIDAY_REGION_BY_DEPARTEMENT: Readonly<Record<DepartementCode, string>> = {
  '57': '57',
  '67': '67',
  '68': '68',
  '971': 'GP',
  '972': 'MQ',
  '973': 'GF',
  '974': 'RE',
  '976': 'YT',
};

export function defaultQueueName(code: DepartementCode): string {
  return `cercle-${code}`;
}

export function defaultTerritory(departement: Departement): TerritoryInput {
  const weekday = ['09:00-18:00'];
  const region = HOLIDAY_REGION_BY_DEPARTEMENT[departement.code];
  return {
    name: `Communauté 360 ${departement.name}`,
    target: { type: 'queue', name: defaultQueueName(departement.code) },
    timeZone: departement.timeZone,
    hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [], sun: [] },
    holidays: { country: 'FR', ...(region === undefined ? {} : { region }), closedOnPublicHolidays: true, extraClosedDays: [], extraOpenDays: [] },
    whenClosed: 'callback',
    callbackOfferAfterSeconds: DEFAULT_CALLBACK_OFFER_AFTER_SECONDS,
  };
}

export const DEFAULT_NATIONAL: NationalInput = {
  fallback: { type: 'queue', name: 'cercle-national' },
  callbackOfferAfterSeconds: DEFAULT_CALLBACK_OFFER_AFTER_SECONDS,
  crisis: {
    enabled: false,
    target: { type: 'queue', name: 'cercle-national' },
    message:
      "En ce moment, la situation est exceptionnelle. Nous vous mettons en relation avec l'équipe nationale. Merci de rester en ligne.",
  },
  postcodeOverrides: { ...DEFAULT_POSTCODE_OVERRIDES },
};

export function defaultTerritoriesConfig(departements: readonly Departement[]): TerritoriesConfigInput {
  return {
    national: DEFAULT_NATIONAL,
    territories: Object.fromEntries(departements.map((d) => [d.code, defaultTerritory(d)])),
  };
}
