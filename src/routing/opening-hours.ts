/** Is a territory open at an instant, and when does it next open — in its own time zone. */
import type { Territory } from '../territories/schema';
import { compiledTerritory } from './compiled-territory';
import { addDays, localMoment, localTimeToInstant, weekdayOf } from './local-time';

/** 'open', or why it is closed: a public holiday / closed day, or outside the opening hours. */
export type OpeningStatus = 'open' | 'holiday' | 'hours';

export function openingStatus(territory: Territory, now: Date): OpeningStatus {
  const local = localMoment(now, territory.timeZone);
  const compiled = compiledTerritory(territory);
  if (compiled.isClosedDay(local.date, local.year)) return 'holiday';
  const ranges = compiled.rangesByWeekday[local.weekday] ?? [];
  return ranges.some((range) => range.start <= local.minutes && local.minutes < range.end) ? 'open' : 'hours';
}

/** Open now: not a holiday or closed day, and inside one of today's opening ranges. */
export function isOpenAt(territory: Territory, now: Date): boolean {
  return openingStatus(territory, now) === 'open';
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The next instant at which the territory is open: `now` itself when open, else the start of the
 * next opening range; null when it does not open within `withinDays` days (14 by default).
 */
export function nextOpening(territory: Territory, now: Date, withinDays = 14): Date | null {
  if (isOpenAt(territory, now)) return now;
  const compiled = compiledTerritory(territory);
  const today = localMoment(now, territory.timeZone).date;
  const limit = now.getTime() + withinDays * DAY_MS;
  for (let offset = 0; offset <= withinDays; offset++) {
    const date = addDays(today, offset);
    if (compiled.isClosedDay(date, Number(date.slice(0, 4)))) continue;
    for (const range of compiled.rangesByWeekday[weekdayOf(date)] ?? []) {
      const start = localTimeToInstant(date, range.start, territory.timeZone);
      if (start.getTime() <= now.getTime()) continue;
      return start.getTime() <= limit ? start : null;
    }
  }
  return null;
}
