/* Words of danger in a chat of my territory (event `chat.danger`, the kind of danger, never the words),
   or a doubt (`chat.dangerDoubt`: the second-stage question was asked): said at once (assertive),
   shown above everything with the ticket, and on that chat if it is open.
   Whatever the advisor's presence: a danger is never held back. */
import { $, announce } from './dom.js';
import { send } from './bus.js';
import { state } from './state.js';
import { showTicket } from './ticket.js';
import { label } from './vocabulary.js';

let dangerRef = null;

/** `chat.danger`: words of danger; `chat.dangerDoubt`: the person was asked « Êtes-vous en danger ? » (a doubt, not a confirmed danger). */
export function dangerAlert(event) {
  const doubt = event.type === 'chat.dangerDoubt';
  const what = doubt ? `Danger possible : ${label('dangers', event.danger)}.` : `Danger : ${label('dangers', event.danger)}.`;
  const told = doubt
    ? 'Ce n’est pas un danger confirmé : la personne a reçu la question « Êtes-vous en danger en ce moment ? » avec le numéro.'
    : 'La personne a reçu les numéros d’urgence.';
  dangerRef = event.ref;
  $('danger-alert-title').textContent = doubt ? 'Doute : danger possible dans un chat' : 'Alerte danger dans un chat';
  $('danger-alert-text').textContent = `${what} Chat du dossier ${event.ref}. ${told}`;
  $('danger-alert').hidden = false;
  announce(`${doubt ? 'Doute de danger dans un chat' : 'Alerte danger dans un chat'}. ${what} Dossier ${event.ref}. Bouton « Ouvrir le dossier » pour y aller.`);
  if (state.chat && state.chat.ref === event.ref) {
    showChatDanger(event.danger, doubt);
    send('load-transcript');
  }
  send('refresh');
}

/** The banner on the open chat: null hides it; `doubt`: the question was asked, nothing confirmed. */
export function showChatDanger(kind, doubt = false) {
  const banner = $('chat-danger');
  banner.textContent = !kind
    ? ''
    : doubt
      ? `Doute : danger possible (${label('dangers', kind)}). La personne a reçu la question « Êtes-vous en danger en ce moment ? » avec le numéro. Ce n’est pas confirmé.`
      : `Alerte danger : ${label('dangers', kind)}. La personne a reçu les numéros d’urgence.`;
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
