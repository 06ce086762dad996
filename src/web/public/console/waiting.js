/* The one list of people waiting: transferred calls not yet picked up, chats waiting for an advisor,
   callbacks nobody has taken yet, and next actions whose time has come (« rappel dû », for their
   referent, or anyone when the case has none, and coordinators). Each contact once, priority first,
   then the longest wait; the waiting time ticks (« attend depuis 3 min »). An advisor who has as many
   chats as their capacity is not offered another one. */
import { $, button, el } from './dom.js';
import { buttonRow, cardFor, fill } from './cards.js';
import { contactLine } from './callbacks.js';
import { takeChat } from './chat.js';
import { showTicket } from './ticket.js';
import { isMine, state } from './state.js';
import { dueInWords, waitedSince, when } from './vocabulary.js';

const TICK_MS = 15_000;
let ticker = null;

function byPriorityThenAge(a, b) {
  return Number(b.ticket.priority === 'prioritaire') - Number(a.ticket.priority === 'prioritaire') || a.ticket.createdAt.localeCompare(b.ticket.createdAt);
}

/**
 * The waiting contacts from the lists the API gives: calls (new routed voice tickets), chats (waiting,
 * or new and still with the bot), callbacks (new, not yet called back) and reminders (open cases whose
 * next action is due: mine, nobody's, or any for a coordinator), marked `reminder`. Each ref once.
 */
export function waitingContacts(calls, chats, callbacks, reminders) {
  const waitingChats = chats.filter((c) => c.chat.mode === 'waiting' || (c.case.status === 'new' && c.chat.mode === 'bot'));
  const dueCallbacks = callbacks.filter((c) => c.case.status === 'new' && !(c.case.callback && c.case.callback.state === 'called'));
  const byRef = new Map();
  const dueReminders = (reminders || [])
    .filter((view) => view.case.nextAction && (isMine(view) || !view.case.referent || state.me.role !== 'advisor'))
    .map((view) => ({ ...view, reminder: true }));
  [...calls, ...waitingChats, ...dueCallbacks, ...dueReminders].forEach((view) => {
    if (!byRef.has(view.ticket.ref)) byRef.set(view.ticket.ref, view);
  });
  return [...byRef.values()].sort(byPriorityThenAge);
}

/** The key of a waiting contact: a reminder is new again for each time it is set. */
export function waitKey(view) {
  return view.reminder ? `${view.ticket.ref}@${view.case.nextAction.due}` : view.ticket.ref;
}

export const atCapacity = () => state.myChats >= state.presence.capacity;

function waitedLine(view) {
  const since = view.reminder ? view.case.nextAction.due : view.ticket.kind === 'callback' && view.ticket.callback ? view.ticket.callback.requestedAt : view.ticket.createdAt;
  return el('p', { className: 'waited', 'data-since': since, text: `Attend depuis ${waitedSince(since)}` });
}

function tick() {
  document.querySelectorAll('#waiting-list .waited[data-since]').forEach((node) => {
    node.textContent = `Attend depuis ${waitedSince(node.getAttribute('data-since'))}`;
  });
}

function reminderLine(nextAction) {
  return el('p', { className: 'reminder' }, [
    el('span', { className: 'fr-badge fr-badge--sm fr-badge--warning', text: 'Rappel dû' }),
    ` ${nextAction.text} (prévu ${dueInWords(nextAction)})`,
  ]);
}

export function renderWaiting(items) {
  fill(
    $('waiting-list'),
    $('waiting-empty'),
    items,
    (view) => {
      const t = view.ticket;
      const isChat = t.channel === 'chat' && t.kind !== 'callback' && !view.reminder;
      const canTake = isChat && !atCapacity();
      const see = button(`Voir le dossier ${t.ref}`, () => showTicket(t.ref, { focus: true }), canTake ? 'secondary' : 'primary');
      return cardFor(view, [
        view.reminder ? reminderLine(view.case.nextAction) : null,
        waitedLine(view),
        isChat && !canTake ? el('p', { className: 'hint', text: `Vous avez déjà ${state.myChats} chat${state.myChats > 1 ? 's' : ''} en cours : c’est votre maximum. Les collègues qui ont de la place sont prévenus. Pour prendre ce chat, terminez un chat ou augmentez votre nombre de chats.` }) : null,
        isChat && t.summary ? el('p', { text: t.summary }) : null,
        t.kind === 'callback' ? contactLine(t.callback) : null,
        t.kind === 'callback' && t.callback ? el('p', { text: `Demandé le ${when(t.callback.requestedAt)}` }) : null,
        buttonRow([canTake ? button(`Prendre le chat ${t.ref}`, () => takeChat(view), 'primary') : null, see]),
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
