import { holidayRegions, publicHolidayDates } from '../../src/territories/holiday-calendar';

describe('public holidays from date-holidays', () => {
  it('knows the French regions the shipped territories use', () => {
    expect(holidayRegions('FR')).toEqual(expect.arrayContaining(['57', '67', '68', 'GP', 'MQ', 'GF', 'RE', 'YT']));
  });

  it('keeps only public holidays: no Fête des Mères, no Pentecost Sunday', () => {
    const metropole = publicHolidayDates('FR', undefined, 2025);
    expect(metropole).toEqual(
      new Set(['2025-01-01', '2025-04-21', '2025-05-01', '2025-05-08', '2025-05-29', '2025-06-09', '2025-07-14', '2025-08-15', '2025-11-01', '2025-11-11', '2025-12-25']),
    );
  });

  it.each([
    ['57', ['2025-04-18', '2025-12-26']], // Alsace-Moselle: Good Friday, St Stephen's Day
    ['67', ['2025-04-18', '2025-12-26']],
    ['68', ['2025-04-18', '2025-12-26']],
    ['GP', ['2025-05-27']], // abolition of slavery, Guadeloupe
    ['MQ', ['2025-05-22']],
    ['GF', ['2025-06-10']],
    ['RE', ['2025-12-20']],
    ['YT', ['2025-04-27']],
  ])('adds the days of region %s', (region, extraDays) => {
    const dates = publicHolidayDates('FR', region, 2025);
    for (const day of extraDays) expect(dates.has(day)).toBe(true);
    for (const day of extraDays) expect(publicHolidayDates('FR', undefined, 2025).has(day)).toBe(false);
  });

  it('computes a year once', () => {
    expect(publicHolidayDates('FR', 'RE', 2026)).toBe(publicHolidayDates('FR', 'RE', 2026));
  });
});
