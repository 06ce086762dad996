/** Opening time ranges as coordinators write them: "09:00-18:00" (24-hour clock, local time). */

export interface TimeRange {
  /** Minutes after local midnight. */
  start: number;
  /** Minutes after local midnight; up to 1440 ("24:00"). */
  end: number;
}

const RANGE_PATTERN = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/;

function toMinutes(hours: string, minutes: string): number | null {
  const h = Number(hours);
  const m = Number(minutes);
  if (m > 59) return null;
  if (h < 24 || (h === 24 && m === 0)) return h * 60 + m;
  return null;
}

/** "09:00-18:00" → { start: 540, end: 1080 }; null when malformed, out of the day or not start < end. */
export function parseTimeRange(text: string): TimeRange | null {
  const match = RANGE_PATTERN.exec(text.trim());
  if (match === null) return null;
  const [, sh = '', sm = '', eh = '', em = ''] = match;
  const start = toMinutes(sh, sm);
  const end = toMinutes(eh, em);
  if (start === null || end === null || start >= 1440 || start >= end) return null;
  return { start, end };
}

export const TIME_RANGE_EXPECTATION =
  'il faut "HH:MM-HH:MM" sur 24 heures, le début avant la fin, par exemple "09:00-18:00"';

/** The valid ranges of a day, parsed (the schema has already refused invalid ones). */
export function parseTimeRanges(texts: readonly string[]): TimeRange[] {
  return texts.map(parseTimeRange).filter((range): range is TimeRange => range !== null);
}
