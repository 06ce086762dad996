import { hoursInWords, timeInWords } from '../../src/routing/hours-in-words';
import type { TerritoryHours } from '../../src/territories/schema';

const WEEK: TerritoryHours = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
const weekdays = (ranges: string[]): TerritoryHours => ({ ...WEEK, mon: ranges, tue: ranges, wed: ranges, thu: ranges, fri: ranges });

describe('hoursInWords', () => {
  it.each<[string, TerritoryHours, string]>([
    ['Monday to Friday', weekdays(['09:00-18:00']), 'du lundi au vendredi, de 9 heures à 18 heures'],
    [
      'and Saturday morning',
      { ...weekdays(['09:00-18:00']), sat: ['09:00-12:30'] },
      'du lundi au vendredi, de 9 heures à 18 heures, et le samedi, de 9 heures à 12 heures 30',
    ],
    [
      'with a lunch break',
      weekdays(['09:00-12:30', '13:30-17:00']),
      'du lundi au vendredi, de 9 heures à 12 heures 30 et de 13 heures 30 à 17 heures',
    ],
    [
      'with a short Wednesday',
      { ...weekdays(['09:00-18:00']), wed: ['09:00-12:00'] },
      'le lundi, le mardi, le jeudi et le vendredi, de 9 heures à 18 heures, et le mercredi, de 9 heures à 12 heures',
    ],
    ['two days', { ...WEEK, mon: ['14:00-17:00'], tue: ['14:00-17:00'] }, 'le lundi et le mardi, de 14 heures à 17 heures'],
    ['one day', { ...WEEK, thu: ['10:15-11:45'] }, 'le jeudi, de 10 heures 15 à 11 heures 45'],
    [
      'three groups',
      { ...WEEK, mon: ['09:00-17:00'], tue: ['09:00-17:00'], wed: ['09:00-17:00'], thu: ['13:00-17:00'], sat: ['09:00-12:00'], sun: ['09:00-12:00'] },
      'du lundi au mercredi, de 9 heures à 17 heures, le jeudi, de 13 heures à 17 heures, et le samedi et le dimanche, de 9 heures à 12 heures',
    ],
    ['every day, all day', { mon: ['00:00-24:00'], tue: ['00:00-24:00'], wed: ['00:00-24:00'], thu: ['00:00-24:00'], fri: ['00:00-24:00'], sat: ['00:00-24:00'], sun: ['00:00-24:00'] }, 'du lundi au dimanche, de minuit à minuit'],
    ['never', WEEK, ''],
  ])('%s', (_name, hours, words) => {
    expect(hoursInWords(hours)).toBe(words);
  });

  it('says times as people say them', () => {
    expect(timeInWords(9 * 60)).toBe('9 heures');
    expect(timeInWords(12 * 60 + 30)).toBe('12 heures 30');
    expect(timeInWords(13 * 60 + 5)).toBe('13 heures 5');
    expect(timeInWords(60)).toBe('1 heure');
    expect(timeInWords(0)).toBe('minuit');
    expect(timeInWords(24 * 60)).toBe('minuit');
  });
});
