/**
 * Writes config/territories.yaml with one entry per département and the shipped defaults.
 * The file is then data that coordinators edit by hand: this script never overwrites it unless
 * asked (--force). --stdout prints the YAML instead of writing it.
 *
 *   npm run config:territories [-- --force | --stdout]
 */
import * as path from 'node:path';
import { DEPARTEMENT_CODES, DEPARTEMENTS, departementByCode } from '../src/places/departements';
import { defaultTerritoriesConfig } from '../src/territories/defaults';
import { parseTerritoriesYaml, TERRITORIES_FILE_NAME } from '../src/territories/load';
import type { TerritoriesConfigInput } from '../src/territories/schema';
import { writeGenerated } from './writeGenerated';

type TerritoryInput = TerritoriesConfigInput['territories'][string];

const PLAIN_SCALAR = /^[A-Za-z][\w/+-]*$/;
const YAML_WORDS = /^(true|false|yes|no|on|off|y|n|null)$/i;

/** A string as YAML: bare when unambiguous (queue, Europe/Paris, cercle-44), else double-quoted. */
function yamlString(text: string): string {
  return PLAIN_SCALAR.test(text) && !YAML_WORDS.test(text) ? text : JSON.stringify(text);
}

function yamlFlowMap(entries: Record<string, unknown>): string {
  const parts = Object.entries(entries).map(([key, value]) => `${key}: ${yamlValue(value)}`);
  return `{ ${parts.join(', ')} }`;
}

function yamlValue(value: unknown): string {
  if (typeof value === 'string') return yamlString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((item) => JSON.stringify(item)).join(', ')}]`;
  if (value !== null && typeof value === 'object') return yamlFlowMap(value as Record<string, unknown>);
  throw new Error(`Cannot render ${String(value)} as YAML`);
}

const HEADER = `# Territories: where each département's calls go, and when.
# Generated once by \`npm run config:territories\`, then edited by hand. Check with \`npm run config:check\`.
#
# national.fallback          who answers when no territory can (unknown département, whenClosed: fallback)
# national.crisis            enabled: true sends EVERY call to crisis.target after crisis.message
# national.postcodeOverrides postcode -> département, replacing the official data
#
# territories."<code>"       one entry per département; always write the code in quotes ("01", "2A", "971")
#   target      { type: queue, name: cercle-44 }
#               { type: workflow, workflowSid: WW... }    (TaskRouter)
#               { type: dial, number: "+33123456789" }  or  { type: dial, sip: "sip:cercle@example.org" }
#   timeZone    IANA name: Europe/Paris, America/Guadeloupe, America/Martinique, America/Cayenne,
#               Indian/Reunion, Indian/Mayotte
#   hours       local time, "HH:MM-HH:MM", several ranges per day allowed: ["09:00-12:30", "13:30-17:00"];
#               [] = closed all day
#   holidays    country FR; region for its own public holidays: "57", "67", "68" (Alsace-Moselle),
#               GP, MQ, GF, RE, YT (overseas); closedOnPublicHolidays; extraClosedDays / extraOpenDays
#               as "YYYY-MM-DD"
#   whenClosed  callback (offer to be called back) | fallback (national.fallback) | message (closedMessage)
#   closedMessage  optional text said when closed (required with whenClosed: message)
#   callbackOfferAfterSeconds  waiting time in queue before a callback is offered
`;

function renderTerritory(code: string, territory: TerritoryInput): string {
  const lines = [
    `  ${JSON.stringify(code)}:`,
    `    name: ${yamlValue(territory.name)}`,
    `    target: ${yamlValue(territory.target)}`,
    `    timeZone: ${yamlValue(territory.timeZone)}`,
    '    hours:',
    ...Object.entries(territory.hours).map(([day, ranges]) => `      ${day}: ${yamlValue(ranges)}`),
    `    holidays: ${yamlValue(territory.holidays)}`,
    `    whenClosed: ${yamlValue(territory.whenClosed)}`,
  ];
  if (territory.closedMessage !== undefined) lines.push(`    closedMessage: ${yamlValue(territory.closedMessage)}`);
  lines.push(`    callbackOfferAfterSeconds: ${yamlValue(territory.callbackOfferAfterSeconds)}`);
  return lines.join('\n');
}

function renderPostcodeOverrides(overrides: Record<string, string>): string[] {
  return Object.entries(overrides).map(([postcode, code]) => {
    const name = departementByCode(code)?.name ?? code;
    return `    ${JSON.stringify(postcode)}: ${JSON.stringify(code)}   # -> ${name}`;
  });
}

export function renderTerritoriesYaml(config: TerritoriesConfigInput): string {
  const { national } = config;
  return [
    HEADER,
    'national:',
    `  fallback: ${yamlValue(national.fallback)}`,
    `  callbackOfferAfterSeconds: ${yamlValue(national.callbackOfferAfterSeconds)}`,
    '  crisis:',
    `    enabled: ${yamlValue(national.crisis.enabled)}`,
    `    target: ${yamlValue(national.crisis.target)}`,
    `    message: ${yamlValue(national.crisis.message)}`,
    '  postcodeOverrides:',
    ...renderPostcodeOverrides(national.postcodeOverrides ?? {}),
    '',
    'territories:',
    Object.entries(config.territories)
      // Object keys like "44" iterate before "01" and "2A": back to INSEE order.
      .sort(([a], [b]) => DEPARTEMENT_CODES.indexOf(a) - DEPARTEMENT_CODES.indexOf(b))
      .map(([code, territory]) => renderTerritory(code, territory))
      .join('\n\n'),
    '',
  ].join('\n');
}

function main(argv: readonly string[]): number {
  const file = path.join('config', TERRITORIES_FILE_NAME);
  const yamlText = renderTerritoriesYaml(defaultTerritoriesConfig(DEPARTEMENTS));
  parseTerritoriesYaml(yamlText, file); // never write a file the loader would refuse
  return writeGenerated(file, yamlText, argv, `${DEPARTEMENTS.length} territories`);
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
