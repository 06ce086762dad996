/* My presence (available, paused, offline) and how many chats I take at once (at most what my staff
   account allows), kept by the server with a TTL: the console repeats it every 30 seconds (a
   heartbeat). Only an available advisor with room is alerted of new contacts (notify.js). Coordinators
   see who is available in their territories and their load, those with room first (a DSFR table). */
import { api, ApiError, signedIn } from './api.js';
import { $, clear, el, errorIn } from './dom.js';
import { fillTerritorySelect } from './agenda.js';
import { frenchError } from './errors.js';
import { state } from './state.js';
import { label, when } from './vocabulary.js';

const CHOICE_KEY = 'o360.console.presence';
const HEARTBEAT_MS = 30_000;
let heartbeat = null;

const chats = (n) => `${n} chat${n > 1 ? 's' : ''}`;

function describe() {
  const p = state.presence;
  const load = state.myChats ? ` Vous avez ${chats(state.myChats)} en cours.` : '';
  $('presence-state-text').textContent =
    p.state === 'available'
      ? `Vous êtes disponible pour ${chats(p.capacity)} à la fois : les nouveaux contacts vous sont annoncés.${load}`
      : p.state === 'paused'
        ? 'Vous êtes en pause : vous voyez la liste d’attente, sans alerte.'
        : 'Vous êtes hors ligne : vous voyez la liste d’attente, sans alerte.';
}

/** The most my account allows: the field and its hint say it. */
function showMost(most) {
  $('presence-capacity').max = String(most);
  $('presence-capacity-hint').textContent = `De 1 à ${most}.`;
}

/** Sends my presence; a colleague changing theirs at the same moment (409) is waited out once. */
async function send(again) {
  if (!signedIn()) return;
  try {
    const saved = await api('PUT', '/api/advisor/presence', state.presence);
    errorIn('presence-error', '');
    showMost(saved.maxCapacity);
  } catch (error) {
    if (error instanceof ApiError && error.status === 409 && !again) window.setTimeout(() => send(true), 300);
    else if (signedIn()) errorIn('presence-error', frenchError(error));
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
  stopPresence();
  setupTeam(me);
  // A remembered choice larger than what my account allows comes down to it.
  api('GET', '/api/advisor/presence')
    .then((mine) => {
      showMost(mine.maxCapacity);
      state.presence.capacity = Math.min(state.presence.capacity, mine.maxCapacity);
    })
    .catch(() => {})
    .then(() => {
      if (!signedIn() || state.me !== me) return;
      $('presence-state').value = state.presence.state;
      $('presence-capacity').value = String(state.presence.capacity);
      describe();
      send();
      heartbeat = window.setInterval(() => send(), HEARTBEAT_MS);
    });
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
  const most = Number($('presence-capacity').max) || 10;
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > most) {
    $('presence-capacity').setAttribute('aria-invalid', 'true');
    errorIn('presence-error', `Indiquez un nombre de chats entre 1 et ${most}.`);
    return;
  }
  $('presence-capacity').removeAttribute('aria-invalid');
  state.presence = { state: $('presence-state').value, capacity };
  window.localStorage.setItem(CHOICE_KEY, JSON.stringify(state.presence));
  describe();
  send();
}
/** The desk counted my live chats: the sentence under my presence says it. */
export function showMyLoad() {
  describe();
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
  content.appendChild(
    el('p', { text: `${answer.available} disponible${answer.available > 1 ? 's' : ''} dans le ${territory}, dont ${answer.withRoom} avec de la place pour un chat de plus.` }),
  );
  if (answer.advisors.length === 0) return;
  const rows = answer.advisors.map((a) =>
    el('tr', {}, [
      el('td', { text: a.name || a.subject }),
      el('td', { text: label('roles', a.role) }),
      el('td', { text: label('presence', a.state) }),
      el('td', { text: `${a.load} sur ${a.capacity}` }),
      el('td', { text: String(a.room) }),
      el('td', { text: when(a.until) }),
    ]),
  );
  content.appendChild(
    el('div', { className: 'fr-table fr-table--sm' }, [
      el('table', {}, [
        el('caption', { text: `Équipe du ${territory}, ceux qui ont de la place d’abord` }),
        el('thead', {}, [el('tr', {}, ['Personne', 'Rôle', 'Disponibilité', 'Chats en cours', 'Places libres', 'Valable jusqu’au'].map((h) => el('th', { scope: 'col', text: h })))]),
        el('tbody', {}, rows),
      ]),
    ]),
  );
}
$('team-form').addEventListener('submit', (event) => {
  event.preventDefault();
  loadTeam();
});
