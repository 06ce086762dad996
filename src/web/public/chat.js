/* The chat page: a conversation token from our own server (never a secret in the browser), then the
   official Web Chat on our self-hosted Direct Line. Plain script: no build step. */
(function () {
  'use strict';
  var status = document.getElementById('chat-status');
  var humanButton = document.getElementById('ask-human');
  /* The longest message our Direct Line takes (characters, as it counts them): the send box keeps no more. */
  var MAX_MESSAGE_CHARS = 10000;
  var TOO_LONG = 'Un message peut avoir jusqu’à 10 000 caractères. La fin de votre texte n’a pas été gardée. Vous pouvez l’envoyer dans un autre message.';

  function say(text) {
    status.textContent = text;
  }

  /** The send box's text cut at MAX_MESSAGE_CHARS (the person is told), so a message is never refused. */
  function capped(action) {
    if (action.type !== 'WEB_CHAT/SET_SEND_BOX' || !action.payload || typeof action.payload.text !== 'string') return action;
    var characters = Array.from(action.payload.text);
    if (characters.length <= MAX_MESSAGE_CHARS) return action;
    say(TOO_LONG);
    return { type: action.type, payload: { text: characters.slice(0, MAX_MESSAGE_CHARS).join('') } };
  }

  fetch('/chat/token', { method: 'POST', headers: { accept: 'application/json' } })
    .then(function (response) {
      if (!response.ok) throw new Error('token ' + response.status);
      return response.json();
    })
    .then(function (session) {
      var directLine = window.WebChat.createDirectLine({
        token: session.token,
        domain: window.location.origin + '/v3/directline',
        webSocket: true,
      });
      var store = window.WebChat.createStore({}, function () {
        return function (next) {
          return function (action) {
            return next(capped(action));
          };
        };
      });
      window.WebChat.renderWebChat(
        {
          directLine: directLine,
          store: store,
          locale: 'fr-FR',
          styleOptions: {
            primaryFont: 'Marianne, Arial, Helvetica, sans-serif',
            bubbleBackground: '#f6f6f6',
            bubbleFromUserBackground: '#e3e3fd',
            bubbleTextColor: '#1e1e1e',
            bubbleFromUserTextColor: '#1e1e1e',
            suggestedActionLayout: 'flow',
            suggestedActionTextColor: '#000091',
            suggestedActionBorderColor: '#000091',
            sendBoxButtonColor: '#000091',
            hideUploadButton: true,
            accent: '#000091',
            subtle: '#595959',
            timestampColor: '#595959',
          },
        },
        document.getElementById('webchat'),
      );
      say('');
      humanButton.addEventListener('click', function () {
        store.dispatch({
          type: 'WEB_CHAT/SEND_MESSAGE_BACK',
          payload: { text: 'Parler à un conseiller', displayText: 'Parler à un conseiller', value: { choice: '0' } },
        });
        // No promise here: the bot's answer says who answers and when (or asks the département first).
        say('Demande envoyée. Lisez la réponse dans la conversation.');
      });
    })
    .catch(function () {
      say('La conversation ne peut pas démarrer. Vous pouvez appeler le 0 800 360 360 (appel gratuit).');
    });
})();
