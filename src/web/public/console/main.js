/* The advisor console, as native ES modules without a build step: one module per panel (waiting list,
   live chat, ticket, callbacks, N2 agenda, staff accounts, presence, sign-in bar), one API client, the
   vocabulary from the server. This entry point loads the words, then the session. */
import { $, errorIn } from './dom.js';
import { setupFilters } from './filters.js';
import { setupAlerts } from './notify.js';
import './shortcuts.js';
import { startSession } from './signIn.js';
import { loadVocabulary } from './vocabulary.js';

async function start() {
  try {
    await loadVocabulary();
  } catch {
    errorIn('sign-in-ended', 'Le service ne répond pas. Rechargez la page dans un instant.');
    return;
  }
  setupAlerts();
  setupFilters();
  await startSession();
  $('main').setAttribute('data-ready', 'true');
}

start();
