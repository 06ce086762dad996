/**
 * A territory's settings turned into what a routing decision reads fast: opening ranges in minutes
 * per weekday and day sets. Built once per territory object (the config is immutable once loaded).
 */
import { WEEKDAYS, type Territory } from '../territories/schema';
import { parseTimeRanges, type TimeRange } from '../territories/time-range';
import { publicHolidayDates } from '../territories/holiday-calendar';

export interface CompiledTerritory {
  /** Opening ranges by weekday, 0 = Monday … 6 = Sunday. */
  rangesByWeekday: readonly (readonly TimeRange[])[];
  /** Whether the CERCLE is closed all day on a local date ("YYYY-MM-DD"), as a holiday. */
  isClosedDay(date: string, year: number): boolean;
}

const compiled = new WeakMap<Territory, CompiledTerritory>();

function compile(territory: Territory): CompiledTerritory {
  const { country, region, closedOnPublicHolidays, extraClosedDays, extraOpenDays } = territory.holidays;
  const extraClosed = new Set(extraClosedDays);
  const extraOpen = new Set(extraOpenDays);
  return {
    rangesByWeekday: WEEKDAYS.map((day) => parseTimeRanges(territory.hours[day])),
    isClosedDay(date, year) {
      if (extraClosed.has(date)) return true;
      if (!closedOnPublicHolidays || extraOpen.has(date)) return false;
      return publicHolidayDates(country, region, year).has(date);
    },
  };
}

export function compiledTerritory(territory: Territory): CompiledTerritory {
  let result = compiled.get(territory);
  if (result === undefined) {
    result = compile(territory);
    compiled.set(territory, result);
  }
  return result;
}
