/* The live chat panel: take a waiting chat (its ticket first, one advisor only; then the conversation,
   the bot goes quiet), read the transcript as it grows, write to the person, hand back to the bot. */
import { api, ApiError } from './api.js';
import { $, clear, el, errorIn, say } from './dom.js';
import { showChatDanger } from './danger.js';
import { answer, send } from './bus.js';
import { frenchError } from './errors.js';
import { state } from './state.js';
import { renderTicket } from './ticket.js';
import { label, when } from './vocabulary.js';

export async function takeChat(view) {
  const t = view.ticket;
  try {
    const taken = view.case.status === 'new' ? await api('POST', `/api/advisor/tickets/${encodeURIComponent(t.ref)}/take`, {}) : view;
    await api('POST', `/api/chats/${encodeURIComponent(t.conversationId)}/take`, {});
    say(`Vous avez pris le chat ${t.ref}. La personne voit que vous répondez.`);
    openChat(taken, true);
  } catch (error) {
    say(error instanceof ApiError && error.status === 409 ? 'Un collègue a déjà pris ce chat.' : frenchError(error));
  }
  send('refresh');
}

export function openChat(view, focus) {
  state.chat = { ref: view.ticket.ref, conversationId: view.ticket.conversationId, seen: {} };
  clear($('chat-messages'));
  $('chat-title').textContent = `Chat en direct : dossier ${view.ticket.ref}`;
  $('chat-state').textContent = 'Vous écrivez à la personne. Le robot se tait jusqu’à ce que vous lui rendiez la main.';
  errorIn('chat-error', '');
  showChatDanger(view.ticket.danger || null);
  $('chat-panel').hidden = false;
  renderTicket(view);
  loadTranscript().then(() => {
    if (focus) $('chat-text').focus();
  });
}

export function closeChat() {
  state.chat = null;
  clear($('chat-messages'));
  $('chat-panel').hidden = true;
}

export async function loadTranscript() {
  const chat = state.chat;
  if (!chat) return;
  let transcript;
  try {
    transcript = await api('GET', `/api/chats/${encodeURIComponent(chat.conversationId)}/transcript`);
  } catch (error) {
    errorIn('chat-error', frenchError(error));
    return;
  }
  if (state.chat !== chat) return;
  const list = $('chat-messages');
  transcript.messages.forEach((message) => {
    if (chat.seen[message.id]) return;
    chat.seen[message.id] = true;
    list.appendChild(
      el('li', { className: `message from-${message.from}`, 'data-from': message.from }, [
        el('p', { className: 'from', text: label('from', message.from) + (message.at ? `, ${when(message.at)}` : '') }),
        el('p', { className: 'text', text: message.text }),
      ]),
    );
  });
  const log = $('chat-log');
  log.scrollTop = log.scrollHeight;
  if (transcript.mode !== 'human') $('chat-state').textContent = `Cette conversation est ${label('chatModes', transcript.mode)}.`;
}

$('chat-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const chat = state.chat;
  const input = $('chat-text');
  const text = input.value.trim();
  if (!chat) return;
  if (!text) {
    errorIn('chat-error', 'Écrivez un message avant d’envoyer.');
    input.focus();
    return;
  }
  errorIn('chat-error', '');
  try {
    await api('POST', `/api/chats/${encodeURIComponent(chat.conversationId)}/messages`, { text });
    input.value = '';
    say('Message envoyé.');
    loadTranscript();
  } catch (error) {
    errorIn('chat-error', frenchError(error));
    input.focus();
  }
});

$('chat-release').addEventListener('click', async () => {
  const chat = state.chat;
  if (!chat) return;
  try {
    await api('POST', `/api/chats/${encodeURIComponent(chat.conversationId)}/release`, {});
    closeChat();
    say(`Le robot a repris la conversation du dossier ${chat.ref}.`);
    $('ticket-title').focus();
    send('refresh');
  } catch (error) {
    errorIn('chat-error', frenchError(error));
  }
});

answer('take-chat', takeChat);
answer('load-transcript', loadTranscript);
