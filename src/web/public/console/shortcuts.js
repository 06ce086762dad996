/* Keyboard shortcuts for the frequent actions, all with Alt+Maj (never a single key: WCAG 2.1.4), listed
   in the visible « Raccourcis clavier » help. */
import { $, say } from './dom.js';
import { state } from './state.js';

function firstWaitingButton() {
  return document.querySelector('#waiting-list li button');
}

function togglePause() {
  const select = $('presence-state');
  select.value = state.presence.state === 'available' ? 'paused' : 'available';
  select.dispatchEvent(new Event('change'));
  say(select.value === 'available' ? 'Vous êtes disponible.' : 'Vous êtes en pause.');
}

const SHORTCUTS = {
  KeyE: () => {
    const first = firstWaitingButton();
    if (first) first.focus();
    else $('waiting-title').focus();
  },
  KeyD: () => $('ticket-title').focus(),
  KeyC: () => {
    if (!$('chat-panel').hidden) $('chat-text').focus();
  },
  KeyR: () => $('filter-ref').focus(),
  KeyP: togglePause,
};

document.addEventListener('keydown', (event) => {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || $('workspace').hidden) return;
  const action = SHORTCUTS[event.code];
  if (!action) return;
  event.preventDefault();
  action();
});
