/* The sign-in bar: the session the server knows (ProConnect through /auth/login), or in development a
   pasted bearer token kept in this tab only; who is signed in; signing out. */
import { api, ApiError, bySession, forget, useSession, useToken, whenUnauthorised } from './api.js';
import { $, clear, errorIn, say } from './dom.js';
import { setupAgenda } from './agenda.js';
import { closeChat } from './chat.js';
import { hideDangerAlert } from './danger.js';
import { refresh } from './desk.js';
import { frenchError } from './errors.js';
import { closeEvents, openEvents } from './live.js';
import { resetAnnouncements } from './notify.js';
import { leavePresence, startPresence, stopPresence } from './presence.js';
import { hideScreenPop } from './screenPop.js';
import { showStaff } from './staff.js';
import { setupWrapUpAdmin } from './wrapUpAdmin.js';
import { state } from './state.js';
import { clearTicket } from './ticket.js';
import { signedInAs } from './vocabulary.js';
import { stopWaiting } from './waiting.js';

const TOKEN_KEY = 'o360.console.token';

function showSignedIn(me) {
  state.me = me;
  $('who').textContent = signedInAs(me);
  $('who').hidden = false;
  $('sign-out').hidden = false;
  // The studio and the dashboard are for coordinators and the national team.
  $('staff-links').hidden = me.role !== 'coordinator' && me.role !== 'national_admin';
  $('sign-in').hidden = true;
  $('workspace').hidden = false;
  resetAnnouncements();
  setupAgenda(me);
  showStaff(me);
  setupWrapUpAdmin(me);
  startPresence(me);
  openEvents();
  refresh();
}

async function signInWithToken(token) {
  useToken(token);
  const me = await api('GET', '/api/advisor/me');
  sessionStorage.setItem(TOKEN_KEY, token);
  showSignedIn(me);
}

export function signOut(reason) {
  closeEvents();
  stopPresence();
  stopWaiting();
  forget();
  state.me = null;
  state.callbackContacts = {};
  closeChat();
  clearTicket();
  hideScreenPop();
  hideDangerAlert();
  resetAnnouncements();
  sessionStorage.removeItem(TOKEN_KEY);
  ['waiting-list', 'my-chats-list', 'open-list', 'callbacks-list', 'agenda-content', 'team-content'].forEach((id) => clear($(id)));
  $('workspace').hidden = true;
  $('who').hidden = true;
  $('sign-out').hidden = true;
  $('staff-links').hidden = true;
  $('sign-in').hidden = false;
  $('live-state').textContent = '';
  $('token').value = '';
  errorIn('token-error', '');
  errorIn('sign-in-ended', reason || '');
  showStaff(null);
  setupWrapUpAdmin(null);
}

whenUnauthorised(() => signOut(bySession() ? 'Votre session a pris fin. Reconnectez-vous.' : 'Votre jeton d’accès n’est plus valide ou a expiré. Reconnectez-vous.'));

$('sign-in-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const token = $('token').value.trim().replace(/^Bearer\s+/i, '');
  if (!token) {
    errorIn('token-error', 'Collez votre jeton d’accès.');
    $('token').focus();
    return;
  }
  errorIn('token-error', '');
  signInWithToken(token).catch((error) => {
    forget();
    errorIn('token-error', error instanceof ApiError && error.status === 401 ? 'Ce jeton n’est pas valide ou a expiré. Fabriquez-en un nouveau.' : frenchError(error));
    $('token').focus();
  });
});

$('sign-out').addEventListener('click', async () => {
  await leavePresence();
  if (!bySession()) {
    signOut('');
    say('');
    $('sign-in-title').focus();
    return;
  }
  // Ends our session, then the provider's (its end-session page comes back to /console).
  try {
    const answer = await api('POST', '/auth/logout', {});
    signOut('');
    window.location.assign(answer.redirect);
  } catch (error) {
    say(frenchError(error));
  }
});

/** The session the server knows (signed in through the provider?), and which ways to sign in it offers. */
export async function startSession() {
  let session;
  try {
    const response = await fetch('/auth/session', { headers: { accept: 'application/json' }, cache: 'no-store', credentials: 'same-origin' });
    session = await response.json();
  } catch {
    errorIn('sign-in-ended', 'Le service ne répond pas. Rechargez la page dans un instant.');
    return;
  }
  $('sign-in-provider').hidden = !session.signInAvailable;
  $('token-fallback').hidden = !session.tokenFallback;
  $('sign-in-unavailable').hidden = Boolean(session.signInAvailable || session.tokenFallback || session.signedIn);
  if (session.ended) errorIn('sign-in-ended', 'Votre session a pris fin. Reconnectez-vous.');
  if (session.signedIn) {
    useSession(session.csrfToken);
    showSignedIn(session.principal);
    return;
  }
  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved && session.tokenFallback) {
    signInWithToken(saved).catch((error) => {
      signOut(error instanceof ApiError && error.status === 401 ? 'Votre jeton d’accès a expiré. Reconnectez-vous.' : frenchError(error));
    });
  }
}
