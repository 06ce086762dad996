/**
 * The shape of config/territories.yaml: the national settings and one entry per département.
 * Messages are written for the coordinator who edits the file by hand.
 */
import { z } from 'zod';
import type { Target } from '../routing/types';
import { DEPARTEMENT_CODES, departementByCode, isDepartementCode } from '../places/departements';
import { holidayRegions, isKnownHolidayCountry } from './holiday-calendar';
import { parseTimeRange, TIME_RANGE_EXPECTATION } from './time-range';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * Zod skips refinements once a value has other problems; these refinements only read fields they
 * check themselves, so they also run then and a coordinator sees every problem in one pass.
 */
const evenWithOtherProblems = {
  when: (payload: z.core.ParsePayload) => typeof payload.value === 'object' && payload.value !== null,
};

const nonEmptyText = z.string().regex(/\S/, { error: 'il faut un texte, pas un texte vide' });

const E164_NUMBER = /^\+[1-9]\d{6,14}$/;
const SIP_ADDRESS = /^sips?:[^\s@]+@\S+$/;
const WORKFLOW_SID = /^WW[0-9a-f]{32}$/;

const queueTargetSchema = z.strictObject({
  type: z.literal('queue'),
  name: z.string().regex(/^\S{1,64}$/, { error: 'il faut un nom de file Twilio : 1 à 64 caractères, sans espace, par exemple "cercle-44"' }),
});

const workflowTargetSchema = z.strictObject({
  type: z.literal('workflow'),
  workflowSid: z.string().regex(WORKFLOW_SID, { error: 'il faut le SID d’un flux TaskRouter : "WW" puis 32 caractères hexadécimaux' }),
});

const dialTargetSchema = z
  .strictObject({
    type: z.literal('dial'),
    number: z.string().regex(E164_NUMBER, { error: 'il faut un numéro au format international, par exemple "+33123456789"' }).optional(),
    sip: z.string().regex(SIP_ADDRESS, { error: 'il faut une adresse SIP, par exemple "sip:cercle@example.org"' }).optional(),
  })
  .refine((dial) => (dial.number === undefined) !== (dial.sip === undefined), {
    error: 'il faut soit "number", soit "sip" (un seul des deux)',
  })
  .transform((dial): Target => (dial.number !== undefined ? { type: 'dial', number: dial.number } : { type: 'dial', sip: dial.sip ?? '' }));

/** Where calls are put through: a Twilio queue, a TaskRouter workflow, or a number / SIP address to dial. */
export const targetSchema = z.discriminatedUnion('type', [queueTargetSchema, workflowTargetSchema, dialTargetSchema], {
  error: (issue) => (issue.code === 'invalid_union' ? 'il faut type: queue, workflow ou dial' : undefined),
});

const timeRangeSchema = z.string().refine((text) => parseTimeRange(text) !== null, { error: TIME_RANGE_EXPECTATION });

/** The opening ranges of one day, in order and without overlap; [] = closed all day. */
const dayHoursSchema = z
  .array(timeRangeSchema)
  .superRefine((ranges, ctx) => {
    const parsed = ranges.map(parseTimeRange);
    for (let i = 1; i < parsed.length; i++) {
      const previous = parsed[i - 1];
      const current = parsed[i];
      if (previous && current && current.start < previous.end) {
        ctx.addIssue({ code: 'custom', path: [i], message: `il faut des plages dans l’ordre, qui ne se chevauchent pas ("${ranges[i - 1]}" vient avant)` });
      }
    }
  })
  .default([]);

const hoursSchema = z.strictObject(Object.fromEntries(WEEKDAYS.map((day) => [day, dayHoursSchema])) as Record<Weekday, typeof dayHoursSchema>);

/** "2025-12-24" and a real calendar date (no 2025-02-30). */
function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

const isoDateSchema = z.string().refine(isIsoDate, { error: 'il faut une date "AAAA-MM-JJ", par exemple "2025-12-24"' });

const holidaysSchema = z
  .strictObject({
    /** date-holidays country code. */
    country: z.string().default('FR'),
    /** date-holidays region code: "57", "67", "68" (Alsace-Moselle), "GP", "MQ", "GF", "RE", "YT" (overseas). */
    region: z.string().optional(),
    closedOnPublicHolidays: z.boolean().default(true),
    /** Local dates closed on top of public holidays (bridges, team days). */
    extraClosedDays: z.array(isoDateSchema).default([]),
    /** Public holidays on which the CERCLE still opens, at its usual hours. */
    extraOpenDays: z.array(isoDateSchema).default([]),
  })
  .superRefine((holidays, ctx) => {
    if (typeof holidays.country !== 'string' || (holidays.region !== undefined && typeof holidays.region !== 'string')) return;
    if (!isKnownHolidayCountry(holidays.country)) {
      ctx.addIssue({ code: 'custom', path: ['country'], message: `pays inconnu "${holidays.country}" : il faut un code comme "FR"` });
      return;
    }
    if (holidays.region !== undefined) {
      const regions = holidayRegions(holidays.country);
      if (!regions.includes(holidays.region)) {
        ctx.addIssue({ code: 'custom', path: ['region'], message: `région inconnue "${holidays.region}" : il faut l’une de ${regions.join(', ')}, ou aucune région` });
      }
    }
  }, evenWithOtherProblems);

const knownTimeZones = new Set<string>();

function isTimeZone(name: string): boolean {
  if (knownTimeZones.has(name)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
  } catch {
    return false;
  }
  knownTimeZones.add(name);
  return true;
}

const timeZoneSchema = z.string().refine(isTimeZone, { error: 'il faut un fuseau horaire IANA, par exemple "Europe/Paris" ou "Indian/Reunion"' });

export const CLOSED_ACTIONS = ['callback', 'fallback', 'message'] as const;

export const DEFAULT_CALLBACK_OFFER_AFTER_SECONDS = 120;

/** Seconds in queue before a callback is offered. */
const callbackOfferAfterSecondsSchema = z.number().int().min(0).max(3600).default(DEFAULT_CALLBACK_OFFER_AFTER_SECONDS);

/** The target of a callback: done within this many hours of the request (« rappels faits dans les délais »). */
export const DEFAULT_CALLBACK_TARGET_HOURS = 48;
export const MAX_CALLBACK_TARGET_HOURS = 720;

const callbackTargetHoursSchema = z
  .number({ error: 'il faut un nombre d’heures entier, par exemple 48' })
  .int({ error: 'il faut un nombre d’heures entier, par exemple 48' })
  .min(1, { error: 'il faut au moins 1 heure' })
  .max(MAX_CALLBACK_TARGET_HOURS, { error: `il faut ${MAX_CALLBACK_TARGET_HOURS} heures au plus (30 jours)` })
  .default(DEFAULT_CALLBACK_TARGET_HOURS);

export const territorySchema = z
  .strictObject({
    /** The name callers and advisors know, e.g. "Communauté 360 Loire-Atlantique". */
    name: nonEmptyText,
    target: targetSchema,
    timeZone: timeZoneSchema,
    hours: hoursSchema,
    holidays: holidaysSchema.prefault({}),
    /** Out of hours: offer a callback, put through to the national fallback, or only say a message. */
    whenClosed: z.enum(CLOSED_ACTIONS, { error: 'il faut callback, fallback ou message' }),
    closedMessage: nonEmptyText.optional(),
    callbackOfferAfterSeconds: callbackOfferAfterSecondsSchema,
    /** A callback is done in time within this many hours of the request (default 48). */
    callbackTargetHours: callbackTargetHoursSchema,
    /** Exceptional closure (set from the studio in an emergency): closed now, whatever the hours, with this message. */
    closure: z.strictObject({ message: nonEmptyText }).optional(),
  })
  .superRefine((territory, ctx) => {
    if (territory.whenClosed === 'message' && territory.closedMessage === undefined) {
      ctx.addIssue({ code: 'custom', path: ['closedMessage'], message: 'il faut un message : whenClosed vaut "message"' });
    }
  }, evenWithOtherProblems);

const crisisSchema = z.strictObject({
  /** true: every call hears the message and goes to the crisis target, whatever the territory or the hour. */
  enabled: z.boolean(),
  target: targetSchema,
  message: nonEmptyText,
});

const postcodeOverridesSchema = z
  .record(z.string(), z.string())
  .superRefine((overrides, ctx) => {
    for (const [postcode, code] of Object.entries(overrides)) {
      if (!/^\d{5}$/.test(postcode)) {
        ctx.addIssue({ code: 'custom', path: [postcode], message: `"${postcode}" n’est pas un code postal : il faut 5 chiffres, entre guillemets, par exemple "97133"` });
      }
      if (typeof code === 'string' && !isDepartementCode(code)) {
        ctx.addIssue({ code: 'custom', path: [postcode], message: `code de département inconnu "${code}" : il faut par exemple "971"` });
      }
    }
  }, evenWithOtherProblems)
  .default({});

const nationalSchema = z.strictObject({
  /** Who answers when no territory does: unknown département, or territories set to whenClosed: fallback. */
  fallback: targetSchema,
  callbackOfferAfterSeconds: callbackOfferAfterSecondsSchema,
  /** The callback target of the national level (callbacks of no known département), default 48. */
  callbackTargetHours: callbackTargetHoursSchema,
  crisis: crisisSchema,
  /** postcode → département, replacing what the official data says (e.g. Saint-Barthélemy → 971). */
  postcodeOverrides: postcodeOverridesSchema,
});

const territoriesByCodeSchema = z.record(z.string(), territorySchema).superRefine((territories, ctx) => {
  for (const code of Object.keys(territories)) {
    if (!isDepartementCode(code)) {
      ctx.addIssue({ code: 'custom', path: [code], message: `code de département inconnu "${code}" : il faut "01"…"95", "2A", "2B", "971"…"974" ou "976", entre guillemets` });
    }
  }
  for (const code of DEPARTEMENT_CODES) {
    if (!Object.hasOwn(territories, code)) {
      ctx.addIssue({ code: 'custom', path: [], message: `département "${code}" manquant (${departementByCode(code)?.name ?? code}) : chaque département a besoin d’une entrée` });
    }
  }
}, evenWithOtherProblems);

export const territoriesConfigSchema = z.strictObject({
  national: nationalSchema,
  territories: territoriesByCodeSchema,
});

export type TerritoriesConfig = z.output<typeof territoriesConfigSchema>;
export type Territory = z.output<typeof territorySchema>;
export type TerritoryHours = Territory['hours'];
export type TerritoryHolidays = Territory['holidays'];
/** What a coordinator may write (defaults not yet applied). */
export type TerritoriesConfigInput = z.input<typeof territoriesConfigSchema>;

/** The callback target (hours) of a département, or of the national level for XX and any code it does not know. */
export function callbackTargetHoursOf(config: TerritoriesConfig, territory: string): number {
  return config.territories[territory]?.callbackTargetHours ?? config.national.callbackTargetHours;
}
