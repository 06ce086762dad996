/**
 * Dates and times typed the French way, « jj/mm/aaaa hh:mm » (25/11/2026 14:30, or 14h30), read in a
 * territory's time zone (Europe/Paris, Indian/Reunion…). Pure.
 */
import { z } from 'zod';
import { localTimeToInstant } from '../routing/local-time';

const FRENCH_DATE_TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2})[:h](\d{2})$/;

export const FrenchDateTimeSchema = z
  .string()
  .trim()
  .regex(FRENCH_DATE_TIME, { error: 'la date et l’heure s’écrivent jj/mm/aaaa hh:mm, par exemple 25/11/2026 14:30' })
  .refine((text) => toLocalParts(text) !== null, { error: 'cette date ou cette heure n’existe pas (jj/mm/aaaa hh:mm)' });

interface LocalParts {
  date: string;
  minutes: number;
}

function toLocalParts(text: string): LocalParts | null {
  const match = FRENCH_DATE_TIME.exec(text.trim());
  if (!match) return null;
  const [day, month, year, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (hour > 23 || minute > 59) return null;
  return { date: date.toISOString().slice(0, 10), minutes: hour * 60 + minute };
}

/** The instant a French date and time means in `timeZone`, or null when it is not one. */
export function parseFrenchDateTime(text: string, timeZone: string): Date | null {
  const parts = toLocalParts(text);
  return parts ? localTimeToInstant(parts.date, parts.minutes, timeZone) : null;
}
