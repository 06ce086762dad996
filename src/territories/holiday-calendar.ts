/**
 * Public holidays per country and region, from date-holidays, as sets of local dates ("YYYY-MM-DD").
 * Only type 'public' counts: observances (Fête des Mères) and optional days do not close a CERCLE.
 * Each (country, region, year) is computed once and kept: a routing decision only does a Set look-up.
 */
import Holidays from 'date-holidays';

const calendars = new Map<string, Holidays>();
const datesByCalendarYear = new Map<string, ReadonlySet<string>>();

function calendarKey(country: string, region: string | undefined): string {
  return region === undefined ? country : `${country}-${region}`;
}

function calendarFor(country: string, region: string | undefined): Holidays {
  const key = calendarKey(country, region);
  let calendar = calendars.get(key);
  if (calendar === undefined) {
    calendar = region === undefined ? new Holidays(country) : new Holidays(country, region);
    calendars.set(key, calendar);
  }
  return calendar;
}

let catalogue: Holidays | undefined;

/** Country codes date-holidays knows (e.g. "FR"). */
export function isKnownHolidayCountry(country: string): boolean {
  catalogue ??= new Holidays();
  return Object.hasOwn(catalogue.getCountries(), country);
}

/** Region codes date-holidays knows for a country: for FR "57", "67", "68", "GP", "MQ", "GF", "RE", "YT"… */
export function holidayRegions(country: string): string[] {
  catalogue ??= new Holidays();
  return Object.keys(catalogue.getStates(country) ?? {});
}

/** The local dates ("YYYY-MM-DD") of the public holidays of a country/region in a year. */
export function publicHolidayDates(country: string, region: string | undefined, year: number): ReadonlySet<string> {
  const key = `${calendarKey(country, region)}/${year}`;
  let dates = datesByCalendarYear.get(key);
  if (dates === undefined) {
    dates = new Set(
      calendarFor(country, region)
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    datesByCalendarYear.set(key, dates);
  }
  return dates;
}
