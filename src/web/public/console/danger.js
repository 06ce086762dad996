/* Words of danger in a chat of my territory (event `chat.danger`, the kind of danger, never the words):
   said at once (assertive), shown above everything with the ticket, and on that chat if it is open.
   Whatever the advisor's presence: a danger is never held back. */
import { $, announce } from './dom.js';
import { send } from './bus.js';
import { state } from './state.js';
import { showTicket } from './ticket.js';
import { label } from './vocabulary.js';

let dangerRef = null;

export function dangerAlert(event) {
  const what = `Danger : ${label('dangers', event.danger)}.`;
  dangerRef = event.ref;
  $('danger-alert-text').textContent = `${what} Chat du dossier ${event.ref}. La personne a reçu les numéros d’urgence.`;
  $('danger-alert').hidden = false;
  announce(`Alerte danger dans un chat. ${what} Dossier ${event.ref}. Bouton « Ouvrir le dossier » pour y aller.`);
  if (state.chat && state.chat.ref === event.ref) {
    showChatDanger(event.danger);
    send('load-transcript');
  }
  send('refresh');
}

/** The banner on the open chat: null hides it. */
export function showChatDanger(kind) {
  const banner = $('chat-danger');
  banner.textContent = kind ? `Alerte danger : ${label('dangers', kind)}. La personne a reçu les numéros d’urgence.` : '';
  banner.hidden = !kind;
}

export function hideDangerAlert() {
  $('danger-alert').hidden = true;
  dangerRef = null;
}

$('danger-alert-open').addEventListener('click', () => {
  const ref = dangerRef;
  hideDangerAlert();
  if (!ref) return;
  $('ticket-title').focus();
  showTicket(ref, { focus: true });
});
$('danger-alert-dismiss').addEventListener('click', () => {
  hideDangerAlert();
  $('main').focus();
});
