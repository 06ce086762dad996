/* Callbacks: the contact to call back (the full number or address is read from the callback list,
   audited by the API), and the panel of callbacks taken and still to make. Those nobody has taken yet
   are in the waiting list, not here. */
import { $, button, el } from './dom.js';
import { buttonRow, cardFor, fill } from './cards.js';
import { state } from './state.js';
import { send } from './bus.js';
import { when } from './vocabulary.js';

export function contactLine(callback) {
  if (!callback) return null;
  if (callback.contact === 'phone') {
    if (callback.number) return el('p', {}, ['Numéro à rappeler : ', el('a', { href: `tel:${callback.number}`, text: callback.number })]);
    return el('p', { text: `Numéro : se termine par ${callback.lastDigits} (numéro complet réservé aux conseillers du territoire)` });
  }
  if (callback.email) return el('p', {}, ['Adresse à contacter : ', el('a', { href: `mailto:${callback.email}`, text: callback.email })]);
  return el('p', { text: `Adresse : ${callback.emailHint}` });
}

/** Keeps the contacts the callback list gave (the ticket panel shows them). */
export function rememberContacts(callbacks) {
  state.callbackContacts = {};
  callbacks.forEach((view) => {
    if (view.ticket.callback) state.callbackContacts[view.ticket.ref] = view.ticket.callback;
  });
}

export function renderCallbacks(items) {
  fill(
    $('callbacks-list'),
    $('callbacks-empty'),
    items,
    (view) => {
      const work = view.case.callback;
      return cardFor(view, [
        contactLine(view.ticket.callback),
        view.ticket.callback ? el('p', { text: `Demandé le ${when(view.ticket.callback.requestedAt)}` }) : null,
        work ? el('p', { text: `${work.state === 'called' ? 'Déjà rappelé' : 'À rappeler'} · ${work.attempts} essai${work.attempts > 1 ? 's' : ''}` }) : null,
        buttonRow([button(`Voir le dossier ${view.ticket.ref}`, () => send('show-ticket', view.ticket.ref, { focus: true }), 'secondary')]),
      ]);
    },
    $('callbacks-count'),
  );
}
