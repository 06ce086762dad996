import { addDays, localMoment, localTimeToInstant, weekdayOf } from '../../src/routing/local-time';

describe('local time in a time zone', () => {
  it.each([
    ['2025-03-10T09:00:00Z', 'Europe/Paris', { date: '2025-03-10', year: 2025, weekday: 0, minutes: 10 * 60 }],
    ['2025-07-14T09:00:00Z', 'Europe/Paris', { date: '2025-07-14', year: 2025, weekday: 0, minutes: 11 * 60 }],
    ['2025-03-10T21:30:00Z', 'Indian/Reunion', { date: '2025-03-11', year: 2025, weekday: 1, minutes: 90 }],
    ['2025-01-01T02:00:00Z', 'America/Cayenne', { date: '2024-12-31', year: 2024, weekday: 1, minutes: 23 * 60 }],
    ['2025-03-30T00:59:00Z', 'Europe/Paris', { date: '2025-03-30', year: 2025, weekday: 6, minutes: 1 * 60 + 59 }],
    ['2025-03-30T01:00:00Z', 'Europe/Paris', { date: '2025-03-30', year: 2025, weekday: 6, minutes: 3 * 60 }],
    ['2025-10-26T00:59:00Z', 'Europe/Paris', { date: '2025-10-26', year: 2025, weekday: 6, minutes: 2 * 60 + 59 }],
    ['2025-10-26T01:00:00Z', 'Europe/Paris', { date: '2025-10-26', year: 2025, weekday: 6, minutes: 2 * 60 }],
  ])('%s in %s', (iso, timeZone, expected) => {
    expect(localMoment(new Date(iso), timeZone)).toEqual(expected);
  });

  it.each([
    ['2025-03-10', 9 * 60, 'Europe/Paris', '2025-03-10T08:00:00.000Z'],
    ['2025-03-31', 9 * 60, 'Europe/Paris', '2025-03-31T07:00:00.000Z'],
    ['2025-03-30', 12 * 60, 'Europe/Paris', '2025-03-30T10:00:00.000Z'],
    ['2025-10-26', 12 * 60, 'Europe/Paris', '2025-10-26T11:00:00.000Z'],
    ['2025-03-10', 9 * 60, 'Indian/Reunion', '2025-03-10T05:00:00.000Z'],
    ['2025-03-10', 9 * 60, 'America/Martinique', '2025-03-10T13:00:00.000Z'],
    ['2025-03-10', 24 * 60, 'Europe/Paris', '2025-03-10T23:00:00.000Z'],
  ])('%s at minute %i in %s is %s', (date, minutes, timeZone, expected) => {
    expect(localTimeToInstant(date, minutes, timeZone).toISOString()).toBe(expected);
  });

  it('does calendar arithmetic on dates', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(weekdayOf('2025-03-10')).toBe(0);
    expect(weekdayOf('2025-03-16')).toBe(6);
  });
});
