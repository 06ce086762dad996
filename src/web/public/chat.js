/* The chat page: a conversation token from our own server (never a secret in the browser), then the
   official Web Chat (loaded before this module) on our self-hosted Direct Line, in DSFR colours
   (webChatStyle.js). The robot and the advisors write markdown: web addresses are links (Web Chat
   opens them in a new tab, without giving our page to the site). */
import { overrideLocalizedStrings, styleOptions } from './webChatStyle.js';

const status = document.getElementById('chat-status');
const humanButton = document.getElementById('ask-human');
/* The longest message our Direct Line takes (characters, as it counts them): the send box keeps no more. */
const MAX_MESSAGE_CHARS = 10000;
const TOO_LONG = 'Un message peut avoir jusqu’à 10 000 caractères. La fin de votre texte n’a pas été gardée. Vous pouvez l’envoyer dans un autre message.';

function say(text) {
  status.textContent = text;
}

/** The send box's text cut at MAX_MESSAGE_CHARS (the person is told), so a message is never refused. */
function capped(action) {
  if (action.type !== 'WEB_CHAT/SET_SEND_BOX' || !action.payload || typeof action.payload.text !== 'string') return action;
  const characters = Array.from(action.payload.text);
  if (characters.length <= MAX_MESSAGE_CHARS) return action;
  say(TOO_LONG);
  return { type: action.type, payload: { text: characters.slice(0, MAX_MESSAGE_CHARS).join('') } };
}

/* The person leaves the page: the bot is told (a request nobody took yet counts as left unanswered).
   keepalive: the request goes out even as the page closes. */
function tellWhenLeaving(directLine, session) {
  window.addEventListener('pagehide', () => {
    fetch(`/v3/directline/conversations/${encodeURIComponent(session.conversationId)}/activities`, {
      method: 'POST',
      keepalive: true,
      headers: { authorization: `Bearer ${directLine.token || session.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'event', name: 'conversation.left', from: { id: 'user' } }),
    }).catch(() => undefined);
  });
}

async function start() {
  const response = await fetch('/chat/token', { method: 'POST', headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`token ${response.status}`);
  const session = await response.json();
  const { WebChat } = window;
  const directLine = WebChat.createDirectLine({ token: session.token, domain: `${window.location.origin}/v3/directline`, webSocket: true });
  const store = WebChat.createStore({}, () => (next) => (action) => next(capped(action)));
  WebChat.renderWebChat({ directLine, store, locale: 'fr-FR', styleOptions, overrideLocalizedStrings }, document.getElementById('webchat'));
  tellWhenLeaving(directLine, session);
  say('');
  humanButton.addEventListener('click', () => {
    store.dispatch({
      type: 'WEB_CHAT/SEND_MESSAGE_BACK',
      payload: { text: 'Parler à un conseiller', displayText: 'Parler à un conseiller', value: { choice: '0' } },
    });
    // No promise here: the bot's answer says who answers and when (or asks the département first).
    say('Demande envoyée. Lisez la réponse dans la conversation.');
  });
}

start().catch(() => {
  say('La conversation ne peut pas démarrer. Vous pouvez appeler le 0 800 360 360 (appel gratuit).');
});
