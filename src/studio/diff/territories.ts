/**
 * The changes of config/territories.yaml in French, one line each:
 * « 44 : lundi 09:00–18:00 → 08:30–18:00 », « Bascule de crise : désactivée → activée ».
 */
import { DEFAULT_CALLBACK_TARGET_HOURS } from '../../territories/schema';
import { arrow, changedLeaves, leavesOf, parseQuietly, type LeafChange } from './leaves';

const WEEKDAY_NAMES: Record<string, string> = { mon: 'lundi', tue: 'mardi', wed: 'mercredi', thu: 'jeudi', fri: 'vendredi', sat: 'samedi', sun: 'dimanche' };

const FIELD_NAMES: Record<string, string> = {
  name: 'nom de la communauté',
  target: 'destination des appels',
  timeZone: 'fuseau horaire',
  whenClosed: 'quand c’est fermé',
  closedMessage: 'message de fermeture',
  callbackOfferAfterSeconds: 'attente avant l’offre de rappel (secondes)',
  'holidays.extraClosedDays': 'jours de fermeture en plus',
  'holidays.extraOpenDays': 'jours fériés ouverts',
  'holidays.closedOnPublicHolidays': 'fermé les jours fériés',
  'closure.message': 'fermeture exceptionnelle',
  fallback: 'destination nationale de secours',
  'crisis.target': 'destination de crise',
  'crisis.message': 'message de crise',
};

/** "09:00-18:00, 14:00-17:00" → "09:00–18:00, 14:00–17:00"; nothing → « fermé ». */
function hours(text: string | undefined): string {
  return text === undefined || text === '' ? 'fermé' : text.replace(/(\d\d:\d\d)-(\d\d:\d\d)/g, '$1–$2');
}

function fieldLine(prefix: string, field: string, change: LeafChange): string {
  const weekday = /^hours\.(\w+)$/.exec(field)?.[1];
  if (weekday !== undefined) return `${prefix} : ${WEEKDAY_NAMES[weekday] ?? weekday} ${hours(change.before)} → ${hours(change.after)}`;
  if (field === 'callbackTargetHours') {
    const hoursOf = (value: string | undefined) => (value === undefined ? `${DEFAULT_CALLBACK_TARGET_HOURS} h (par défaut)` : `${value} h`);
    return `${prefix} : délai des rappels ${hoursOf(change.before)} → ${hoursOf(change.after)}`;
  }
  if (field === 'crisis.enabled') return `${prefix} : ${change.after === 'true' ? 'désactivée → activée' : 'activée → désactivée'}`;
  if (field === 'closure.message' && change.after === undefined) return `${prefix} : fermeture exceptionnelle levée`;
  if (field === 'closure.message' && change.before === undefined) return `${prefix} : fermeture exceptionnelle : ${change.after ?? ''}`;
  const group = Object.keys(FIELD_NAMES).find((name) => field === name || field.startsWith(`${name}.`));
  const label = group === undefined ? field : `${FIELD_NAMES[group]}${field === group ? '' : ` (${field.slice(group.length + 1)})`}`;
  return `${prefix} : ${label} ${arrow(change, 'aucun')}`;
}

export function territoriesDiff(before: string | undefined, after: string | undefined): string[] {
  const [old, next] = [parseQuietly(before), parseQuietly(after)] as Array<{ national?: unknown; territories?: Record<string, unknown> } | undefined>;
  const lines = changedLeaves(leavesOf(old?.national), leavesOf(next?.national)).map((change) =>
    fieldLine(change.path.startsWith('crisis.enabled') ? 'Bascule de crise' : 'National', change.path, change),
  );
  const codes = [...new Set([...Object.keys(old?.territories ?? {}), ...Object.keys(next?.territories ?? {})])].sort();
  for (const code of codes) {
    const changes = changedLeaves(leavesOf(old?.territories?.[code]), leavesOf(next?.territories?.[code]));
    lines.push(...changes.map((change) => fieldLine(code, change.path, change)));
  }
  return lines;
}

/** The départements whose entry differs (the national settings: 'national'). */
export function territoriesTouched(before: string | undefined, after: string | undefined): string[] {
  const [old, next] = [parseQuietly(before), parseQuietly(after)] as Array<{ national?: unknown; territories?: Record<string, unknown> } | undefined>;
  const touched = changedLeaves(leavesOf(old?.national), leavesOf(next?.national)).length > 0 ? ['national'] : [];
  const codes = [...new Set([...Object.keys(old?.territories ?? {}), ...Object.keys(next?.territories ?? {})])].sort();
  return [...touched, ...codes.filter((code) => changedLeaves(leavesOf(old?.territories?.[code]), leavesOf(next?.territories?.[code])).length > 0)];
}
