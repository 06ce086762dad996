/* The one list of people waiting: transferred calls not yet picked up, chats waiting for an advisor,
   callbacks nobody has taken yet. Each contact once, priority first, then the longest wait; the
   waiting time ticks (« attend depuis 3 min »). */
import { $, button, el } from './dom.js';
import { buttonRow, cardFor, fill } from './cards.js';
import { contactLine } from './callbacks.js';
import { takeChat } from './chat.js';
import { showTicket } from './ticket.js';
import { waitedSince, when } from './vocabulary.js';

const TICK_MS = 15_000;
let ticker = null;

function byPriorityThenAge(a, b) {
  return Number(b.ticket.priority === 'prioritaire') - Number(a.ticket.priority === 'prioritaire') || a.ticket.createdAt.localeCompare(b.ticket.createdAt);
}

/**
 * The waiting contacts from the lists the API gives: calls (new routed voice tickets), chats (waiting,
 * or new and still with the bot) and callbacks (new, not yet called back). Each ref once.
 */
export function waitingContacts(calls, chats, callbacks) {
  const waitingChats = chats.filter((c) => c.chat.mode === 'waiting' || (c.case.status === 'new' && c.chat.mode === 'bot'));
  const dueCallbacks = callbacks.filter((c) => c.case.status === 'new' && !(c.case.callback && c.case.callback.state === 'called'));
  const byRef = new Map();
  [...calls, ...waitingChats, ...dueCallbacks].forEach((view) => {
    if (!byRef.has(view.ticket.ref)) byRef.set(view.ticket.ref, view);
  });
  return [...byRef.values()].sort(byPriorityThenAge);
}

function waitedLine(view) {
  const since = view.ticket.kind === 'callback' && view.ticket.callback ? view.ticket.callback.requestedAt : view.ticket.createdAt;
  return el('p', { className: 'waited', 'data-since': since, text: `Attend depuis ${waitedSince(since)}` });
}

function tick() {
  document.querySelectorAll('#waiting-list .waited[data-since]').forEach((node) => {
    node.textContent = `Attend depuis ${waitedSince(node.getAttribute('data-since'))}`;
  });
}

export function renderWaiting(items) {
  fill(
    $('waiting-list'),
    $('waiting-empty'),
    items,
    (view) => {
      const t = view.ticket;
      const isChat = t.channel === 'chat' && t.kind !== 'callback';
      const see = button(`Voir le dossier ${t.ref}`, () => showTicket(t.ref, { focus: true }), isChat ? 'secondary' : 'primary');
      return cardFor(view, [
        waitedLine(view),
        isChat && t.summary ? el('p', { text: t.summary }) : null,
        t.kind === 'callback' ? contactLine(t.callback) : null,
        t.kind === 'callback' && t.callback ? el('p', { text: `Demandé le ${when(t.callback.requestedAt)}` }) : null,
        buttonRow([isChat ? button(`Prendre le chat ${t.ref}`, () => takeChat(view), 'primary') : null, see]),
      ]);
    },
    $('waiting-count'),
  );
  if (!ticker) ticker = window.setInterval(tick, TICK_MS);
}

export function stopWaiting() {
  if (ticker) window.clearInterval(ticker);
  ticker = null;
}
