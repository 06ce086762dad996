/* The words of the console, fetched once from the server (GET /api/vocabulary: the one source of truth
   for needs, profiles, statuses, levels, channels…), and dates written the French way. */

const labels = {};
const lists = {};

export async function loadVocabulary() {
  const response = await fetch('/api/vocabulary', { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) throw new Error('vocabulary');
  const document = await response.json();
  Object.entries(document).forEach(([group, entries]) => {
    lists[group] = entries;
    labels[group] = Object.fromEntries(entries.map((entry) => [entry.id, entry.label]));
  });
}

/** The French label of a code (group: needs, profiles, statuses, levels, channels, kinds, roles…). */
export function label(group, id) {
  const known = labels[group] && labels[group][String(id)];
  return known || 'Non précisé';
}

/** « Connecté : Alice Bernard (conseiller, département 44) »: the header line of the console and the studio. */
export function signedInAs(me) {
  const territories = me.territories === 'all' ? 'tous les territoires' : `${me.territories.length > 1 ? 'départements' : 'département'} ${me.territories.join(', ')}`;
  return `Connecté : ${me.name || me.subject} (${label('roles', me.role)}, ${territories})`;
}

/** The label if the code belongs to the group, else null. */
export function labelIfKnown(group, id) {
  return (labels[group] && labels[group][String(id)]) || null;
}

/** [{ id, label }] in the server's order (for selects, checkboxes and filters). */
export function entries(group) {
  return lists[group] || [];
}

const DATE_TIME = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
const DAY = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** « 23 novembre à 10:00 », in Paris time. */
export function when(iso) {
  const date = new Date(iso);
  return isNaN(date.getTime()) ? '' : DATE_TIME.format(date);
}

/** « mardi 1 décembre 2026 » for a YYYY-MM-DD date. */
export function day(isoDate) {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return isNaN(date.getTime()) ? isoDate : DAY.format(date);
}

/** How long someone has waited, in words: « moins d’une minute », « 3 min », « 1 h 05 », « 2 jours ». */
export function waitedSince(iso, now) {
  const minutes = Math.max(0, Math.floor(((now || Date.now()) - Date.parse(iso)) / 60000));
  if (!Number.isFinite(minutes)) return '';
  if (minutes < 1) return 'moins d’une minute';
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;
  const days = Math.floor(minutes / (24 * 60));
  return days === 1 ? '1 jour' : `${days} jours`;
}

const zoneOf = (nextAction) => nextAction.timeZone || 'Europe/Paris';

/** A next action's time as an advisor types it, « 25/11/2026 14:30 », in its territory's time zone. */
export function typedDue(nextAction) {
  if (nextAction.due.length === 10) return `${nextAction.due.split('-').reverse().join('/')} 00:00`;
  const format = new Intl.DateTimeFormat('fr-FR', { timeZone: zoneOf(nextAction), day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  return format.format(new Date(nextAction.due)).replace(',', '');
}

/** « mercredi 25 novembre 2026 à 14:30 », in the territory's time zone. */
export function dueInWords(nextAction) {
  if (nextAction.due.length === 10) return day(nextAction.due);
  return new Intl.DateTimeFormat('fr-FR', { timeZone: zoneOf(nextAction), weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(nextAction.due));
}

/** What an advisor types for a date and time: jj/mm/aaaa hh:mm (or 14h30). */
export const FRENCH_DATE_TIME = /^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}[:h]\d{2}$/;
