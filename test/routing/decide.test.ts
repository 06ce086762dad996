import * as path from 'node:path';
import { decideRoute, isOpenAt, nextOpening } from '../../src/routing/decide';
import { loadTerritories, parseTerritories } from '../../src/territories/load';
import type { TerritoriesConfig, Territory } from '../../src/territories/schema';
import { validConfigObject, type Editable } from '../territories/helpers';

const shipped = loadTerritories(path.join(__dirname, '..', '..', 'config'));

function configWith(edit: (config: Editable) => void): TerritoriesConfig {
  const config = validConfigObject();
  edit(config);
  return parseTerritories(config, 'test');
}

function territory(config: TerritoriesConfig, code: string): Territory {
  const found = config.territories[code];
  if (found === undefined) throw new Error(`no territory ${code}`);
  return found;
}

const at = (iso: string) => new Date(iso);

describe('decideRoute', () => {
  it('puts a caller through to the territory when it is open (Monday 10:00 in Paris)', () => {
    expect(decideRoute(shipped, '44', at('2025-03-10T09:00:00Z'))).toEqual({
      kind: 'open',
      departement: '44',
      territoryName: 'Communauté 360 Loire-Atlantique',
      target: { type: 'queue', name: 'cercle-44' },
      callbackOfferAfterSeconds: 120,
    });
  });

  it('is closed at 19:00, with the hours in words, the callback choice and the national fallback', () => {
    expect(decideRoute(shipped, '44', at('2025-03-10T18:00:00Z'))).toEqual({
      kind: 'closed',
      departement: '44',
      territoryName: 'Communauté 360 Loire-Atlantique',
      reason: 'hours',
      hoursInWords: 'du lundi au vendredi, de 9 heures à 18 heures',
      whenClosed: 'callback',
      fallback: { type: 'queue', name: 'cercle-national' },
    });
  });

  it.each([
    ['opening time is open', '2025-03-10T08:00:00Z', 'open'], // 09:00 Paris
    ['the minute before opening is closed', '2025-03-10T07:59:00Z', 'closed'],
    ['the minute before closing is open', '2025-03-10T16:59:00Z', 'open'], // 17:59 Paris
    ['closing time is closed', '2025-03-10T17:00:00Z', 'closed'],
    ['summer time: Monday 09:00 Paris is 07:00 UTC', '2025-03-31T07:00:00Z', 'open'],
    ['summer time: Monday 08:59 Paris', '2025-03-31T06:59:00Z', 'closed'],
    ['Saturday is closed', '2025-03-15T10:00:00Z', 'closed'],
    ['Sunday is closed', '2025-03-16T10:00:00Z', 'closed'],
  ])('%s', (_name, iso, kind) => {
    expect(decideRoute(shipped, '44', at(iso)).kind).toBe(kind);
  });

  it('says a Saturday is closed for its hours, not as a holiday', () => {
    expect(decideRoute(shipped, '44', at('2025-03-15T10:00:00Z'))).toMatchObject({ kind: 'closed', reason: 'hours' });
  });

  it.each([
    ['Christmas', '2025-12-25T10:00:00Z'],
    ['Bastille Day', '2025-07-14T09:00:00Z'],
    ['Easter Monday', '2025-04-21T09:00:00Z'],
  ])('is closed on %s in the territory, as a holiday', (_name, iso) => {
    expect(decideRoute(shipped, '44', at(iso))).toMatchObject({ kind: 'closed', reason: 'holiday', departement: '44' });
  });

  it('reads hours in the territory’s own time zone: Monday 10:00 in La Réunion is 07:00 in Paris', () => {
    const instant = at('2025-03-10T06:00:00Z');
    expect(decideRoute(shipped, '974', instant)).toMatchObject({ kind: 'open', target: { type: 'queue', name: 'cercle-974' } });
    expect(decideRoute(shipped, '44', instant)).toMatchObject({ kind: 'closed', reason: 'hours' });
  });

  it('reads hours in Guadeloupe time: 17:00 in Guadeloupe is 22:00 in Paris', () => {
    const instant = at('2025-03-10T21:00:00Z');
    expect(decideRoute(shipped, '971', instant).kind).toBe('open');
    expect(decideRoute(shipped, '44', instant).kind).toBe('closed');
  });

  it.each([
    ['971', 'Guadeloupe, abolition of slavery, 27 May', '2025-05-27T14:00:00Z', '75'],
    ['972', 'Martinique, 22 May', '2025-05-22T14:00:00Z', '75'],
    ['973', 'Guyane, 10 June', '2025-06-10T14:00:00Z', '75'],
    ['974', 'La Réunion, 20 December', '2024-12-20T06:00:00Z', '976'],
    ['976', 'Mayotte, 27 April', '2026-04-27T07:00:00Z', '974'],
    ['57', 'Moselle, Good Friday', '2025-04-18T09:00:00Z', '75'],
    ['67', 'Bas-Rhin, 26 December', '2025-12-26T09:00:00Z', '75'],
    ['68', 'Haut-Rhin, 26 December', '2025-12-26T09:00:00Z', '75'],
  ])('closes %s on its own holiday (%s) while the other is open', (code, _name, iso, openElsewhere) => {
    expect(decideRoute(shipped, code, at(iso))).toMatchObject({ kind: 'closed', reason: 'holiday' });
    expect(decideRoute(shipped, openElsewhere, at(iso)).kind).toBe('open');
  });

  it('lets the crisis switch win over hours, holidays and unknown départements', () => {
    const crisis = configWith((c) => {
      c.national.crisis.enabled = true;
      c.national.crisis.target = { type: 'dial', number: '+33100000000' };
    });
    const expected = { kind: 'crisis', target: { type: 'dial', number: '+33100000000' }, message: crisis.national.crisis.message };
    expect(decideRoute(crisis, '44', at('2025-03-10T09:00:00Z'))).toEqual(expected); // open
    expect(decideRoute(crisis, '44', at('2025-12-25T09:00:00Z'))).toEqual(expected); // holiday
    expect(decideRoute(crisis, '974', at('2025-03-15T09:00:00Z'))).toEqual(expected); // weekend
    expect(decideRoute(crisis, null, at('2025-03-10T09:00:00Z'))).toEqual(expected);
  });

  it('sends a caller with no département yet to the national fallback', () => {
    expect(decideRoute(shipped, null, at('2025-12-25T03:00:00Z'))).toEqual({
      kind: 'open',
      departement: null,
      territoryName: 'national',
      target: { type: 'queue', name: 'cercle-national' },
      callbackOfferAfterSeconds: 120,
    });
  });

  it.each(['977', '99', '', 'constructor', '__proto__'])('sends an unknown département %j to the national fallback', (code) => {
    expect(decideRoute(shipped, code, at('2025-03-10T09:00:00Z'))).toMatchObject({ kind: 'open', departement: null, territoryName: 'national' });
  });

  it('accepts a lower-case Corsican code', () => {
    expect(decideRoute(shipped, '2a', at('2025-03-10T09:00:00Z'))).toMatchObject({ kind: 'open', departement: '2A' });
  });

  it('carries what the coordinator chose for closed times', () => {
    const config = configWith((c) => {
      c.territories['44'].whenClosed = 'message';
      c.territories['44'].closedMessage = 'Appelez le 15 en cas d’urgence.';
    });
    expect(decideRoute(config, '44', at('2025-03-15T10:00:00Z'))).toMatchObject({
      kind: 'closed',
      whenClosed: 'message',
      message: 'Appelez le 15 en cas d’urgence.',
    });
  });

  it('closes on extra closed days and opens on public holidays the coordinator opened', () => {
    const config = configWith((c) => {
      c.territories['44'].holidays.extraClosedDays = ['2025-03-10'];
      c.territories['44'].holidays.extraOpenDays = ['2025-06-09']; // Whit Monday
    });
    expect(decideRoute(config, '44', at('2025-03-10T09:00:00Z'))).toMatchObject({ kind: 'closed', reason: 'holiday' });
    expect(decideRoute(config, '44', at('2025-06-09T08:00:00Z')).kind).toBe('open');
    expect(decideRoute(shipped, '44', at('2025-06-09T08:00:00Z')).kind).toBe('closed');
  });

  it('stays open on public holidays when the territory does not close on them', () => {
    const config = configWith((c) => {
      c.territories['44'].holidays.closedOnPublicHolidays = false;
    });
    expect(decideRoute(config, '44', at('2025-12-25T10:00:00Z')).kind).toBe('open');
  });
});

describe('isOpenAt and nextOpening', () => {
  const loire = territory(shipped, '44');

  it('tells whether a territory is open', () => {
    expect(isOpenAt(loire, at('2025-03-10T09:00:00Z'))).toBe(true);
    expect(isOpenAt(loire, at('2025-12-25T09:00:00Z'))).toBe(false);
  });

  it('is now when open', () => {
    const now = at('2025-03-10T09:00:00Z');
    expect(nextOpening(loire, now)).toEqual(now);
  });

  it.each([
    ['the same morning', '44', '2025-03-10T06:00:00Z', '2025-03-10T08:00:00.000Z'],
    ['the next morning', '44', '2025-03-10T18:00:00Z', '2025-03-11T08:00:00.000Z'],
    ['Monday after the weekend, across the change to summer time', '44', '2025-03-29T10:00:00Z', '2025-03-31T07:00:00.000Z'],
    ['after Christmas', '44', '2025-12-24T18:00:00Z', '2025-12-26T08:00:00.000Z'],
    ['after Christmas and St Stephen in Alsace', '67', '2025-12-24T18:00:00Z', '2025-12-29T08:00:00.000Z'],
    ['in La Réunion time', '974', '2025-03-08T18:00:00Z', '2025-03-10T05:00:00.000Z'],
    ['in Guadeloupe time', '971', '2025-03-10T23:00:00Z', '2025-03-11T13:00:00.000Z'],
  ])('is the next opening: %s', (_name, code, nowIso, expectedIso) => {
    expect(nextOpening(territory(shipped, code), at(nowIso))?.toISOString()).toBe(expectedIso);
  });

  it('is null when the territory does not open within 14 days', () => {
    const closed = configWith((c) => {
      c.territories['44'].hours = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    });
    expect(nextOpening(territory(closed, '44'), at('2025-03-10T09:00:00Z'))).toBeNull();
    const sundaysOnly = configWith((c) => {
      c.territories['44'].hours = { sun: ['10:00-12:00'] };
      c.territories['44'].holidays.extraClosedDays = ['2025-03-16', '2025-03-23'];
    });
    expect(nextOpening(territory(sundaysOnly, '44'), at('2025-03-10T09:00:00Z'))).toBeNull();
    expect(nextOpening(territory(sundaysOnly, '44'), at('2025-03-10T09:00:00Z'), 21)?.toISOString()).toBe('2025-03-30T08:00:00.000Z');
  });

  it('finds the afternoon range after a lunch break', () => {
    const split = configWith((c) => {
      c.territories['44'].hours.mon = ['09:00-12:30', '13:30-17:00'];
    });
    expect(nextOpening(territory(split, '44'), at('2025-03-10T12:00:00Z'))?.toISOString()).toBe('2025-03-10T12:30:00.000Z');
  });
});
