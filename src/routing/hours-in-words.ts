/**
 * Opening hours as a caller hears them, in plain spoken French:
 * « du lundi au vendredi, de 9 heures à 18 heures, et le samedi, de 9 heures à 12 heures 30 ».
 * Days with the same hours are said together; three or more consecutive days as « du … au … ».
 */
import { WEEKDAYS, type TerritoryHours } from '../territories/schema';
import { parseTimeRanges, type TimeRange } from '../territories/time-range';

const DAY_NAMES = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;

/** 540 → « 9 heures », 750 → « 12 heures 30 », 60 → « 1 heure », 0 or 1440 → « minuit ». */
export function timeInWords(minutesAfterMidnight: number): string {
  const hours = Math.floor(minutesAfterMidnight / 60) % 24;
  const minutes = minutesAfterMidnight % 60;
  const hourWords = hours === 0 ? 'minuit' : `${hours} ${hours === 1 ? 'heure' : 'heures'}`;
  return minutes === 0 ? hourWords : `${hourWords} ${minutes}`;
}

function rangesInWords(ranges: readonly TimeRange[]): string {
  return ranges.map((range) => `de ${timeInWords(range.start)} à ${timeInWords(range.end)}`).join(' et ');
}

/** ["a"] → "a"; ["a", "b", "c"] → "a, b et c". */
function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

/** Weekday indexes (ascending) → « du lundi au vendredi », « le lundi, le mardi et le jeudi ». */
function daysInWords(days: readonly number[]): string {
  const phrases: string[] = [];
  let runStart = 0;
  for (let i = 1; i <= days.length; i++) {
    const runEnded = i === days.length || days[i] !== (days[i - 1] ?? 0) + 1;
    if (!runEnded) continue;
    const run = days.slice(runStart, i);
    const first = run[0] ?? 0;
    const last = run[run.length - 1] ?? 0;
    if (run.length >= 3) phrases.push(`du ${DAY_NAMES[first]} au ${DAY_NAMES[last]}`);
    else phrases.push(...run.map((day) => `le ${DAY_NAMES[day]}`));
    runStart = i;
  }
  return listInWords(phrases);
}

function hoursToWords(hours: TerritoryHours): string {
  // Days grouped by identical hours, groups in the order of the week.
  const groups = new Map<string, { ranges: TimeRange[]; days: number[] }>();
  WEEKDAYS.forEach((day, index) => {
    const ranges = parseTimeRanges(hours[day]);
    if (ranges.length === 0) return;
    const key = ranges.map((range) => `${range.start}-${range.end}`).join(',');
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { ranges, days: [index] });
    else group.days.push(index);
  });
  const phrases = [...groups.values()].map(({ ranges, days }) => `${daysInWords(days)}, ${rangesInWords(ranges)}`);
  if (phrases.length <= 1) return phrases.join('');
  return `${phrases.slice(0, -1).join(', ')}, et ${phrases[phrases.length - 1]}`;
}

const cache = new WeakMap<TerritoryHours, string>();

/**
 * The opening hours in words, computed once per hours object.
 * '' when the territory has no opening hours at all: the caller must then say something else.
 */
export function hoursInWords(hours: TerritoryHours): string {
  let words = cache.get(hours);
  if (words === undefined) {
    words = hoursToWords(hours);
    cache.set(hours, words);
  }
  return words;
}
