/* The chat trial: a conversation with the draft's chat, as a person would have it on the web chat, at a
   chosen date and time (the territory's local time). Each message or button pressed plays the whole
   conversation again on the draft (the trial keeps nothing); the bot's replies show as text with their
   suggested buttons, and the new replies are read by screen readers. */
import { $, button, clear, el, errorIn, message } from '../console/dom.js';
import { frenchProblem, studioApi } from './api.js';
import { inputGroup, textInput } from './form.js';
import { studio } from './state.js';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** What the person wrote or pressed so far; the lines shown. */
let messages = [];
let shown = 0;

function lineOf(line) {
  if (line.who === 'person') return el('li', { className: 'chat-person' }, [el('strong', { text: line.pressed ? 'Vous appuyez sur : ' : 'Vous écrivez : ' }), line.text]);
  if (line.handedOver) {
    const { queue, ticketRef, priority } = line.handedOver;
    return el('li', { className: 'chat-service' }, [el('strong', { text: 'Passage à un conseiller : ' }), `la conversation va à la file « ${queue} » (fiche ${ticketRef}, priorité ${priority}).`]);
  }
  return el('li', { className: 'chat-service' }, [el('strong', { text: line.urgent ? 'Le service répond (urgent) : ' : 'Le service répond : ' }), line.text]);
}

function buttonsOf(lines) {
  const last = lines[lines.length - 1];
  return last && last.who === 'service' && Array.isArray(last.buttons) ? last.buttons : [];
}

function show(transcript) {
  const list = $('chat-transcript');
  clear(list);
  transcript.lines.forEach((line) => list.appendChild(lineOf(line)));
  const fresh = transcript.lines.slice(shown).filter((line) => line.who === 'service');
  shown = transcript.lines.length;
  $('chat-announce').textContent = fresh.map((line) => (line.handedOver ? 'Passage à un conseiller.' : line.text)).join(' ');
  const buttons = $('chat-buttons');
  clear(buttons);
  const offered = buttonsOf(transcript.lines);
  if (offered.length > 0) {
    buttons.appendChild(el('p', { className: 'fr-mb-1w', text: 'Boutons proposés par le service :' }));
    buttons.appendChild(el('div', { className: 'button-row' }, offered.map((title) => button(title, () => play({ press: title }), 'secondary'))));
  }
  $('chat-message-form').hidden = false;
}

/** Plays the conversation with `next` added; on a refusal, `next` is taken back. */
async function play(next) {
  errorIn('chat-error', '');
  const date = $('chat-date').value;
  const time = $('chat-time').value.trim();
  if (!date) return errorIn('chat-error', 'Donnez la date de la conversation.');
  if (!TIME.test(time)) return errorIn('chat-error', 'Écrivez l’heure de la conversation ainsi : 14:30.');
  if (!studio.draft) return errorIn('chat-error', 'Il n’y a pas de brouillon à essayer. Faites d’abord un changement.');
  const tried = next === undefined ? messages : [...messages, next];
  message($('chat-wait'), 'Le service répond. Cela prend quelques secondes.', 'info');
  try {
    const transcript = await studioApi.tryChat(studio.draft.id, { territory: studio.code, at: `${date}T${time}`, messages: tried });
    messages = tried;
    show(transcript);
  } catch (error) {
    errorIn('chat-error', frenchProblem(error));
  } finally {
    message($('chat-wait'), '');
  }
}

function restart() {
  messages = [];
  shown = 0;
  clear($('chat-transcript'));
  clear($('chat-buttons'));
  $('chat-message-form').hidden = true;
  return play();
}

export function setupChatTrial() {
  $('chat-start-form').append(
    inputGroup('chat-date', 'Date de la conversation', 'Format : jj/mm/aaaa.', el('input', { id: 'chat-date', className: 'fr-input', type: 'date', required: true })),
    inputGroup('chat-time', 'Heure de la conversation', 'Heure locale du territoire, par exemple 14:30.', textInput('chat-time', '', { inputmode: 'numeric', maxlength: '5' })),
    el('button', { type: 'submit', className: 'fr-btn fr-btn--secondary', text: 'Commencer la conversation' }),
  );
  $('chat-start-form').addEventListener('submit', (event) => {
    event.preventDefault();
    restart();
  });
  const form = $('chat-message-form');
  form.append(inputGroup('chat-message', 'Votre message', 'Écrivez comme une personne qui demande de l’aide.', textInput('chat-message', '', { maxlength: '2000' })), el('button', { type: 'submit', className: 'fr-btn', text: 'Envoyer' }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = $('chat-message').value.trim();
    if (!text) return errorIn('chat-error', 'Écrivez un message avant de l’envoyer.');
    await play(text);
    if (messages[messages.length - 1] === text) $('chat-message').value = '';
  });
}
