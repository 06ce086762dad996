/* The live events of my territories (SSE): each one makes the console re-read what changed; a call
   transferred to my territory pops up. After a reconnection, everything is read again. */
import { api, openEventStream } from './api.js';
import { $, say } from './dom.js';
import { loadTranscript } from './chat.js';
import { dangerAlert } from './danger.js';
import { refresh, scheduleRefresh } from './desk.js';
import { screenPop } from './screenPop.js';
import { state } from './state.js';
import { reloadTicket } from './ticket.js';

let source = null;

export function openEvents() {
  closeEvents();
  const opened = openEventStream({
    ready() {
      $('live-state').textContent = 'Mises à jour en direct : actives.';
      refresh();
      if (state.chat) loadTranscript();
    },
    event: onEvent,
    broken(closed) {
      if (source !== opened) return;
      $('live-state').textContent = 'Mises à jour en direct interrompues : reconnexion en cours…';
      // Refused (expired sign-in?) or the server is gone: the API tells which.
      if (closed) {
        api('GET', '/api/advisor/me').then(
          () => window.setTimeout(() => source === opened && openEvents(), 5000),
          () => {},
        );
      }
    },
  });
  source = opened;
}

export function closeEvents() {
  if (source) source.close();
  source = null;
}

function onEvent(event) {
  if (event.type === 'chat.danger' || event.type === 'chat.dangerDoubt') {
    dangerAlert(event);
    return;
  }
  if (event.type === 'person.returned') {
    // For the case's referent only; the status line is a polite live region.
    if (state.me && event.referent === state.me.subject) {
      say(`La personne du dossier ${event.ref} a recontacté le service${event.newRef ? ` : nouveau dossier ${event.newRef}` : ''}.`);
    }
    return;
  }
  if (event.type === 'chat.message') {
    if (state.chat && state.chat.ref === event.ref) loadTranscript();
    return;
  }
  scheduleRefresh();
  if (state.ticket && state.ticket.ticket.ref === event.ref && event.type === 'ticket.updated') reloadTicket(event.ref);
  if (event.type === 'ticket.created' && event.channel === 'voice' && event.kind === 'routed') screenPop(event);
}
