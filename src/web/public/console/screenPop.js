/* The screen pop: a call is being transferred to my territory. Announced at once (assertive) with its
   pre-filled ticket shown in the ticket panel, without moving the focus; « Ouvrir le dossier » goes there. */
import { api } from './api.js';
import { $, announce } from './dom.js';
import { state } from './state.js';
import { reloadTicket, showTicket, ticketFormsInUse } from './ticket.js';
import { label } from './vocabulary.js';

export async function screenPop(event) {
  let ticket;
  try {
    ticket = await api('GET', `/api/tickets/${encodeURIComponent(event.ref)}`);
  } catch {
    return;
  }
  state.pop = ticket.ref;
  const parts = [
    ticket.priority === 'prioritaire' ? 'Prioritaire.' : null,
    ticket.profile ? `${label('profiles', ticket.profile)}.` : null,
    ticket.need ? `Besoin : ${label('needs', ticket.need)}.` : null,
    ticket.territoryName || ticket.departement ? `Territoire : ${ticket.territoryName || ''}${ticket.departement ? ` (${ticket.departement})` : ''}.` : null,
    `Dossier ${ticket.ref}.`,
  ].filter(Boolean);
  $('screen-pop-text').textContent = parts.join(' ');
  $('screen-pop').hidden = false;
  announce(`Appel transféré vers vous. ${parts.join(' ')} Le dossier est affiché. Bouton « Ouvrir le dossier » pour y aller.`);
  // Shown in the ticket panel unless the advisor is writing something there.
  if (!ticketFormsInUse()) showTicket(ticket.ref, { focus: false });
}

export function hideScreenPop() {
  $('screen-pop').hidden = true;
  state.pop = null;
}

$('screen-pop-open').addEventListener('click', () => {
  if (!state.pop) return;
  const popped = state.pop;
  hideScreenPop();
  // The button that had the focus is now hidden: the focus goes to the ticket at once.
  $('ticket-title').focus();
  if (state.ticket && state.ticket.ticket.ref === popped) reloadTicket(popped);
  else showTicket(popped, { focus: true });
});
$('screen-pop-dismiss').addEventListener('click', () => {
  hideScreenPop();
  $('main').focus();
});
