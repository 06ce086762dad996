/* My presence (available, paused, offline) and how many chats I take at once, kept by the server with a
   TTL: the console repeats it every 30 seconds (a heartbeat). Only an available advisor is alerted of
   new contacts (notify.js). Coordinators see who is available in their territories (a DSFR table). */
import { api, signedIn } from './api.js';
import { $, clear, el, errorIn } from './dom.js';
import { fillTerritorySelect } from './agenda.js';
import { frenchError } from './errors.js';
import { state } from './state.js';
import { label, when } from './vocabulary.js';

const CHOICE_KEY = 'o360.console.presence';
const HEARTBEAT_MS = 30_000;
let heartbeat = null;

function describe() {
  const p = state.presence;
  $('presence-state-text').textContent =
    p.state === 'available'
      ? `Vous êtes disponible pour ${p.capacity} chat${p.capacity > 1 ? 's' : ''} à la fois : les nouveaux contacts vous sont annoncés.`
      : p.state === 'paused'
        ? 'Vous êtes en pause : vous voyez la liste d’attente, sans alerte.'
        : 'Vous êtes hors ligne : vous voyez la liste d’attente, sans alerte.';
}

async function send() {
  if (!signedIn()) return;
  try {
    await api('PUT', '/api/advisor/presence', state.presence);
    errorIn('presence-error', '');
  } catch (error) {
    if (signedIn()) errorIn('presence-error', frenchError(error));
  }
}

/** After sign-in: the last choice made in this browser (available for 2 chats the first time), sent at once and every 30 s. */
export function startPresence(me) {
  let saved = null;
  try {
    saved = JSON.parse(window.localStorage.getItem(CHOICE_KEY) || 'null');
  } catch {
    saved = null;
  }
  if (saved && ['available', 'paused', 'offline'].includes(saved.state) && Number.isInteger(saved.capacity)) state.presence = { state: saved.state, capacity: saved.capacity };
  $('presence-state').value = state.presence.state;
  $('presence-capacity').value = String(state.presence.capacity);
  describe();
  send();
  stopPresence();
  heartbeat = window.setInterval(send, HEARTBEAT_MS);
  setupTeam(me);
}

export function stopPresence() {
  if (heartbeat) window.clearInterval(heartbeat);
  heartbeat = null;
}

/** Signing out: offline at once, rather than when the TTL runs out. */
export function leavePresence() {
  stopPresence();
  if (signedIn()) return api('PUT', '/api/advisor/presence', { state: 'offline', capacity: state.presence.capacity }).catch(() => {});
  return Promise.resolve();
}

function choose() {
  const capacity = Number($('presence-capacity').value);
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > 10) {
    $('presence-capacity').setAttribute('aria-invalid', 'true');
    errorIn('presence-error', 'Indiquez un nombre de chats entre 1 et 10.');
    return;
  }
  $('presence-capacity').removeAttribute('aria-invalid');
  state.presence = { state: $('presence-state').value, capacity };
  window.localStorage.setItem(CHOICE_KEY, JSON.stringify(state.presence));
  describe();
  send();
}
$('presence-state').addEventListener('change', choose);
$('presence-capacity').addEventListener('change', choose);

// ---- Coordinators: who is available in one of my territories -------------------------------------

function setupTeam(me) {
  const shown = me.role !== 'advisor';
  $('team').hidden = !shown;
  clear($('team-content'));
  if (shown) fillTerritorySelect($('team-territory'), me);
}

async function loadTeam() {
  const territory = $('team-territory').value;
  const content = $('team-content');
  let answer;
  try {
    answer = await api('GET', `/api/advisor/presence?territory=${encodeURIComponent(territory)}`);
  } catch (error) {
    errorIn('presence-error', frenchError(error));
    return;
  }
  clear(content);
  content.appendChild(el('p', { text: `${answer.available} disponible${answer.available > 1 ? 's' : ''} dans le ${territory}.` }));
  if (answer.advisors.length === 0) return;
  const rows = answer.advisors.map((a) =>
    el('tr', {}, [el('td', { text: a.name || a.subject }), el('td', { text: label('roles', a.role) }), el('td', { text: label('presence', a.state) }), el('td', { text: String(a.capacity) }), el('td', { text: when(a.until) })]),
  );
  content.appendChild(
    el('div', { className: 'fr-table fr-table--sm' }, [
      el('table', {}, [
        el('caption', { text: `Équipe du ${territory}` }),
        el('thead', {}, [el('tr', {}, ['Personne', 'Rôle', 'Disponibilité', 'Chats à la fois', 'Valable jusqu’au'].map((h) => el('th', { scope: 'col', text: h })))]),
        el('tbody', {}, rows),
      ]),
    ]),
  );
}
$('team-form').addEventListener('submit', (event) => {
  event.preventDefault();
  loadTeam();
});
