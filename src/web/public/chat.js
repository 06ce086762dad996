/* The chat page: a conversation token from our own server (never a secret in the browser), then the
   official Web Chat on our self-hosted Direct Line. Plain script: no build step. */
(function () {
  'use strict';
  var status = document.getElementById('chat-status');
  var humanButton = document.getElementById('ask-human');

  function say(text) {
    status.textContent = text;
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
      var store = window.WebChat.createStore();
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
