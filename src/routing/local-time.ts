/**
 * Wall-clock time in a territory's own time zone, with Intl only (no date library).
 * One formatter per time zone, built once: reading the local time of an instant costs microseconds.
 */

export interface LocalMoment {
  /** Local calendar date, "YYYY-MM-DD". */
  date: string;
  year: number;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** Minutes after local midnight. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instant: Date, timeZone: string): WallClock {
  const clock: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type in clock) clock[part.type as keyof WallClock] = Number(part.value);
  }
  return clock;
}

/** "YYYY-MM-DD" → weekday, 0 = Monday … 6 = Sunday (pure calendar arithmetic). */
export function weekdayOf(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** "2025-12-31" + 1 → "2026-01-01". */
export function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

/** How far the time zone's wall clock is ahead of UTC at an instant, in ms (read from Intl). */
function offsetAt(instantMs: number, timeZone: string): number {
  const clock = wallClock(new Date(instantMs), timeZone);
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/** UTC offsets only change on quarter-hour boundaries: one Intl read per time zone per quarter hour. */
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const lastOffsets = new Map<string, { quarter: number; offset: number }>();

function cachedOffsetAt(instantMs: number, timeZone: string): number {
  const quarter = Math.floor(instantMs / QUARTER_HOUR_MS);
  const last = lastOffsets.get(timeZone);
  if (last !== undefined && last.quarter === quarter) return last.offset;
  const offset = offsetAt(instantMs, timeZone);
  lastOffsets.set(timeZone, { quarter, offset });
  return offset;
}

/** The local date, weekday and time of an instant in a time zone. */
export function localMoment(instant: Date, timeZone: string): LocalMoment {
  const wall = new Date(instant.getTime() + cachedOffsetAt(instant.getTime(), timeZone));
  return {
    date: wall.toISOString().slice(0, 10),
    year: wall.getUTCFullYear(),
    weekday: (wall.getUTCDay() + 6) % 7,
    minutes: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
  };
}

/**
 * The instant at which a local wall-clock time occurs ("2025-03-10", 540 → 09:00 that day).
 * Across a daylight-saving change the offset is re-read once at the candidate instant.
 */
export function localTimeToInstant(date: string, minutes: number, timeZone: string): Date {
  const wallAsUtc = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  const firstGuess = wallAsUtc - offsetAt(wallAsUtc, timeZone);
  return new Date(wallAsUtc - offsetAt(firstGuess, timeZone));
}
