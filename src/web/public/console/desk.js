/* Reads the lists of my territories and shares them out so that each ticket shows once: waiting
   contacts, my live chats, callbacks taken and still to make, then every other open ticket. */
import { api, signedIn } from './api.js';
import { answer } from './bus.js';
import { $, button, say } from './dom.js';
import { loadAgendaIfShown } from './agenda.js';
import { buttonRow, cardFor, fill } from './cards.js';
import { rememberContacts, renderCallbacks } from './callbacks.js';
import { openChat } from './chat.js';
import { frenchError } from './errors.js';
import { applyFilters } from './filters.js';
import { noticeWaiting } from './notify.js';
import { showMyLoad } from './presence.js';
import { isMine, state } from './state.js';
import { showTicket } from './ticket.js';
import { renderWaiting, waitingContacts } from './waiting.js';

const OPEN_STATUSES = 'new,taken,n1_in_progress,n2_on_agenda,n2_actions_recorded';
/** A transferred call waits at most this long in a queue: older untaken voice tickets are not "waiting". */
const WAITING_CALL_HOURS = 4;
/** Reminders come due with time, not with an event: the lists are read again this often. */
const REREAD_MS = 60_000;
let refreshTimer = null;
let rereadTimer = null;
/** The open tickets last read that no other list shows: filtered again without a new read. */
let lastOpen = { others: [], truncated: false };

export function scheduleRefresh() {
  if (refreshTimer) return;
  refreshTimer = window.setTimeout(() => {
    refreshTimer = null;
    refresh();
  }, 100);
}

export async function refresh() {
  if (!signedIn()) return;
  if (!rereadTimer) rereadTimer = window.setInterval(scheduleRefresh, REREAD_MS);
  const me = state.me;
  let results;
  try {
    results = await Promise.all([
      api('GET', `/api/advisor/tickets?status=${OPEN_STATUSES}&limit=200`),
      api('GET', `/api/advisor/tickets?channel=voice&kind=routed&status=new&maxAgeHours=${WAITING_CALL_HOURS}`),
      api('GET', '/api/advisor/chats'),
      api('GET', '/api/advisor/callbacks'),
      api('GET', '/api/advisor/tickets?reminderDue=true&limit=100'),
    ]);
  } catch (error) {
    if (signedIn()) say(frenchError(error));
    return;
  }
  if (state.me !== me) return;
  const [open, calls, chats, callbacks, reminders] = [results[0], results[1].tickets, results[2].chats, results[3].callbacks, results[4].tickets];
  rememberContacts(callbacks);

  const mine = chats.filter((c) => c.chat.mode === 'human' && isMine(c));
  state.myChats = mine.length;
  showMyLoad();
  const waiting = waitingContacts(calls, chats, callbacks, reminders);
  const shown = new Set(waiting.map((view) => view.ticket.ref));
  mine.forEach((view) => shown.add(view.ticket.ref));
  const toCall = callbacks.filter((view) => !shown.has(view.ticket.ref));
  toCall.forEach((view) => shown.add(view.ticket.ref));
  const others = open.tickets.filter((view) => !shown.has(view.ticket.ref));

  renderWaiting(waiting);
  noticeWaiting(waiting);
  renderMyChats(mine);
  renderCallbacks(toCall);
  lastOpen = { others, truncated: open.truncated };
  showOpen();
  loadAgendaIfShown();
}

function renderMyChats(items) {
  fill($('my-chats-list'), $('my-chats-empty'), items, (view) =>
    cardFor(view, [buttonRow([button(`Continuer le chat ${view.ticket.ref}`, () => openChat(view, true), 'primary')])]),
  );
}

/** The open tickets through the search and filters (filters.js calls it on each change). */
export function showOpen() {
  renderOpen(applyFilters(lastOpen.others), lastOpen.others.length, lastOpen.truncated);
}

function renderOpen(items, total, truncated) {
  fill(
    $('open-list'),
    $('open-empty'),
    items,
    (view) => cardFor(view, [buttonRow([button(`Voir le dossier ${view.ticket.ref}`, () => showTicket(view.ticket.ref, { focus: true }), 'secondary')])]),
    $('open-count'),
  );
  if (items.length !== total) $('open-count').textContent = `(${items.length} sur ${total})`;
  if (truncated) $('open-count').textContent = `(${items.length} premiers)`;
}

answer('refresh', scheduleRefresh);
answer('filters-changed', showOpen);
