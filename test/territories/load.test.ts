import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ConfigError } from '../../src/config/configError';
import { loadTerritories, loadTerritoriesFile, parseTerritories, parseTerritoriesYaml } from '../../src/territories/load';
import { DEPARTEMENT_CODES } from '../../src/places/departements';
import { callbackTargetHoursOf } from '../../src/territories/schema';
import { validConfigObject, type Editable } from './helpers';

const CONFIG_DIR = path.join(__dirname, '..', '..', 'config');
const SHIPPED_FILE = path.join(CONFIG_DIR, 'territories.yaml');

function problemsOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

function parseEdited(edit: (config: Editable) => void): ConfigError {
  const config = validConfigObject();
  edit(config);
  return problemsOf(() => parseTerritories(config, 'config/territories.yaml'));
}

describe('the shipped config/territories.yaml', () => {
  const config = loadTerritories(CONFIG_DIR);

  it('has exactly one territory per département', () => {
    expect(Object.keys(config.territories).sort()).toEqual([...DEPARTEMENT_CODES].sort());
  });

  it('puts every territory through to its own queue cercle-<code>', () => {
    for (const code of DEPARTEMENT_CODES) {
      expect(config.territories[code]?.target).toEqual({ type: 'queue', name: `cercle-${code}` });
    }
  });

  it('opens Monday to Friday 09:00–18:00, offers a callback when closed after 120 s', () => {
    for (const territory of Object.values(config.territories)) {
      expect(territory.hours).toEqual({
        mon: ['09:00-18:00'],
        tue: ['09:00-18:00'],
        wed: ['09:00-18:00'],
        thu: ['09:00-18:00'],
        fri: ['09:00-18:00'],
        sat: [],
        sun: [],
      });
      expect(territory.whenClosed).toBe('callback');
      expect(territory.callbackOfferAfterSeconds).toBe(120);
      expect(territory.holidays.closedOnPublicHolidays).toBe(true);
    }
  });

  it('gives overseas and Alsace-Moselle territories their own time zone and holidays', () => {
    expect(config.territories['974']).toMatchObject({ timeZone: 'Indian/Reunion', holidays: { region: 'RE' } });
    expect(config.territories['971']).toMatchObject({ timeZone: 'America/Guadeloupe', holidays: { region: 'GP' } });
    expect(config.territories['976']).toMatchObject({ timeZone: 'Indian/Mayotte', holidays: { region: 'YT' } });
    expect(config.territories['57']?.holidays.region).toBe('57');
    expect(config.territories['44']).toMatchObject({ timeZone: 'Europe/Paris' });
    expect(config.territories['44']?.holidays.region).toBeUndefined();
  });

  it('ships the crisis switch off, the national fallback and the Saint-Barthélemy / Saint-Martin overrides', () => {
    expect(config.national.crisis.enabled).toBe(false);
    expect(config.national.fallback).toEqual({ type: 'queue', name: 'cercle-national' });
    expect(config.national.postcodeOverrides).toEqual({ '97133': '971', '97150': '971' });
  });
});

describe('configuration errors name the file, the path and what is expected', () => {
  it('a bad time', () => {
    const error = parseEdited((c) => {
      c.territories['44'].hours.mon = ['9h-18h'];
    });
    expect(error.file).toBe('config/territories.yaml');
    expect(error.message).toBe(
      'config/territories.yaml: territories.44.hours.mon[0]: il faut "HH:MM-HH:MM" sur 24 heures, le début avant la fin, par exemple "09:00-18:00"',
    );
  });

  it.each([['18:00-09:00'], ['09:00-25:00'], ['09:60-10:00'], ['24:00-24:00'], ['09:00-09:00']])('a range that is not a range: %s', (range) => {
    const error = parseEdited((c) => {
      c.territories['2A'].hours.sat = [range];
    });
    expect(error.problems).toEqual([{ path: 'territories.2A.hours.sat[0]', message: expect.stringContaining('HH:MM-HH:MM') }]);
  });

  it('accepts "24:00" as the end of a day and several ranges in order', () => {
    const config = validConfigObject();
    config.territories['44'].hours.sat = ['00:00-12:00', '13:00-24:00'];
    expect(() => parseTerritories(config, 'x.yaml')).not.toThrow();
  });

  it('overlapping ranges', () => {
    const error = parseEdited((c) => {
      c.territories['44'].hours.tue = ['09:00-13:00', '12:00-18:00'];
    });
    expect(error.problems).toEqual([{ path: 'territories.44.hours.tue[1]', message: expect.stringContaining('qui ne se chevauchent pas') }]);
  });

  it('a missing département', () => {
    const error = parseEdited((c) => {
      delete c.territories['44'];
    });
    expect(error.problems).toEqual([{ path: 'territories', message: expect.stringContaining('département "44" manquant (Loire-Atlantique)') }]);
  });

  it('a missing département is reported together with other problems', () => {
    const error = parseEdited((c) => {
      delete c.territories['44'];
      c.territories['13'].timeZone = 'Mars/Olympus';
    });
    expect(error.problems.map((p) => p.path).sort()).toEqual(['territories', 'territories.13.timeZone']);
  });

  it('an unknown département code, e.g. 01 written without quotes', () => {
    const error = parseEdited((c) => {
      c.territories['1'] = c.territories['01'];
      delete c.territories['01'];
    });
    expect(error.lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^config\/territories\.yaml: territories\.1: code de département inconnu "1".*entre guillemets/),
        expect.stringMatching(/^config\/territories\.yaml: territories: département "01" manquant/),
      ]),
    );
  });

  it('an unknown target type', () => {
    const error = parseEdited((c) => {
      c.territories['971'].target = { type: 'phone', number: '+590590000000' };
    });
    expect(error.message).toBe('config/territories.yaml: territories.971.target.type: il faut type: queue, workflow ou dial');
  });

  it.each([
    [{ type: 'queue', name: '' }, 'territories.44.target.name', 'nom de file Twilio'],
    [{ type: 'queue', name: 'cercle 44' }, 'territories.44.target.name', 'sans espace'],
    [{ type: 'workflow', workflowSid: 'WS123' }, 'territories.44.target.workflowSid', 'SID d’un flux TaskRouter'],
    [{ type: 'dial', number: '0240000000' }, 'territories.44.target.number', 'format international'],
    [{ type: 'dial', sip: 'cercle@example.org' }, 'territories.44.target.sip', 'adresse SIP'],
    [{ type: 'dial' }, 'territories.44.target', 'soit "number", soit "sip"'],
    [{ type: 'dial', number: '+33240000000', sip: 'sip:a@b.org' }, 'territories.44.target', 'un seul des deux'],
    [{ type: 'queue', name: 'cercle-44', sid: 'x' }, 'territories.44.target', 'clé inconnue "sid"'],
  ])('a bad target %j', (target, expectedPath, expectedText) => {
    const error = parseEdited((c) => {
      c.territories['44'].target = target;
    });
    expect(error.problems).toEqual([{ path: expectedPath, message: expect.stringContaining(expectedText) }]);
  });

  it.each([
    [{ type: 'workflow', workflowSid: 'WW0123456789abcdef0123456789abcdef' }],
    [{ type: 'dial', number: '+33240000000' }],
    [{ type: 'dial', sip: 'sip:cercle-44@pbx.example.org' }],
  ])('accepts the target %j', (target) => {
    const config = validConfigObject();
    config.territories['44'].target = target;
    expect(parseTerritories(config, 'x.yaml').territories['44']?.target).toEqual(target);
  });

  it('a bad time zone', () => {
    const error = parseEdited((c) => {
      c.territories['974'].timeZone = 'Indian/Reunio';
    });
    expect(error.message).toBe(
      'config/territories.yaml: territories.974.timeZone: il faut un fuseau horaire IANA, par exemple "Europe/Paris" ou "Indian/Reunion"',
    );
  });

  it('an unknown holiday region, a bad date, a misspelt key', () => {
    const error = parseEdited((c) => {
      c.territories['974'].holidays.region = 'REU';
      c.territories['44'].holidays.extraClosedDays = ['2025-02-30'];
      c.territories['44'].whenClosd = 'fallback';
    });
    expect(error.problems).toEqual(
      expect.arrayContaining([
        { path: 'territories.974.holidays.region', message: expect.stringMatching(/région inconnue "REU" : il faut l’une de .*RE/) },
        { path: 'territories.44.holidays.extraClosedDays[0]', message: expect.stringContaining('AAAA-MM-JJ') },
        { path: 'territories.44', message: 'clé inconnue "whenClosd" : vérifiez l’orthographe' },
      ]),
    );
  });

  it('whenClosed: message without a closedMessage', () => {
    const error = parseEdited((c) => {
      c.territories['44'].whenClosed = 'message';
    });
    expect(error.problems).toEqual([{ path: 'territories.44.closedMessage', message: expect.stringContaining('whenClosed vaut "message"') }]);
  });

  it('a missing field and a bad whenClosed', () => {
    const error = parseEdited((c) => {
      delete c.territories['44'].timeZone;
      c.territories['44'].whenClosed = 'voicemail';
    });
    expect(error.problems).toEqual(
      expect.arrayContaining([
        { path: 'territories.44.timeZone', message: 'manquant : il faut un texte' },
        { path: 'territories.44.whenClosed', message: 'il faut callback, fallback ou message' },
      ]),
    );
  });

  it('a bad postcode override', () => {
    const error = parseEdited((c) => {
      c.national.postcodeOverrides = { '97133': '977', '9715': '971' };
    });
    expect(error.problems).toEqual(
      expect.arrayContaining([
        { path: 'national.postcodeOverrides.97133', message: expect.stringContaining('code de département inconnu "977"') },
        { path: 'national.postcodeOverrides.9715', message: expect.stringContaining('il faut 5 chiffres') },
      ]),
    );
  });

  it('applies defaults a coordinator may leave out', () => {
    const config = validConfigObject();
    delete config.territories['44'].holidays;
    delete config.territories['44'].callbackOfferAfterSeconds;
    delete config.territories['44'].hours.sun;
    const territory = parseTerritories(config, 'x.yaml').territories['44'];
    expect(territory?.holidays).toEqual({ country: 'FR', closedOnPublicHolidays: true, extraClosedDays: [], extraOpenDays: [] });
    expect(territory?.callbackOfferAfterSeconds).toBe(120);
    expect(territory?.callbackTargetHours).toBe(48);
    expect(territory?.hours.sun).toEqual([]);
  });

  it('reads a territory’s own callback target, the national one for XX and any code it does not know', () => {
    const config = validConfigObject();
    config.territories['44'].callbackTargetHours = 72;
    config.national.callbackTargetHours = 24;
    const parsed = parseTerritories(config, 'x.yaml');
    expect(['44', '35', 'XX'].map((code) => callbackTargetHoursOf(parsed, code))).toEqual([72, 48, 24]);
  });
});

describe('YAML files', () => {
  const shippedText = readFileSync(SHIPPED_FILE, 'utf8');

  it('name the line of each problem, in file order', () => {
    const edited = shippedText
      .replace('name: cercle-13 }', 'name: "" }')
      .replace(/("44":\n(?:.*\n)*?\s+mon: )\["09:00-18:00"\]/, '$1["9h-18h"]');
    const error = problemsOf(() => parseTerritoriesYaml(edited, 'config/territories.yaml'));
    const lines = shippedText.split('\n');
    const queue13Line = lines.findIndex((line) => line.includes('name: cercle-13 }')) + 1;
    expect(error.lines[0]).toBe(`config/territories.yaml:${queue13Line}: territories.13.target.name: il faut un nom de file Twilio : 1 à 64 caractères, sans espace, par exemple "cercle-44"`);
    expect(error.lines[1]).toMatch(/^config\/territories\.yaml:\d+: territories\.44\.hours\.mon\[0\]: il faut "HH:MM-HH:MM"/);
    expect(error.problems[1]?.line).toBeGreaterThan(queue13Line);
  });

  it('report YAML syntax errors with their line', () => {
    const error = problemsOf(() => parseTerritoriesYaml('national:\n  fallback: { type: queue\nterritories: {}\n', 'config/territories.yaml'));
    expect(error.lines[0]).toMatch(/^config\/territories\.yaml:\d+: \(syntaxe YAML\): pas du YAML valide/);
  });

  it('refuse a département written twice', () => {
    const duplicated = shippedText.replace('territories:\n', 'territories:\n  "44":\n    name: doublon\n');
    const error = problemsOf(() => parseTerritoriesYaml(duplicated, 'config/territories.yaml'));
    expect(error.message).toMatch(/cette clé est écrite deux fois/);
  });

  it('a missing file is a ConfigError naming it', () => {
    const error = problemsOf(() => loadTerritoriesFile('/nonexistent/territories.yaml'));
    expect(error.message).toMatch(/^\/nonexistent\/territories\.yaml: \(fichier\): illisible/);
  });
});
