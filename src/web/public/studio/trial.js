/* The trial panel: a phone call played against the draft at a chosen date and time (the territory's
   local time), keys pressed or words said, one step a line. Shows what the caller hears, each step,
   where the call ends and what the advisor hears before taking it (the whisper). */
import { $, clear, el, errorIn, message } from '../console/dom.js';
import { frenchProblem, studioApi } from './api.js';
import { studio } from './state.js';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function group(id, label, hint, control) {
  return el('div', { className: 'fr-input-group' }, [el('label', { className: 'fr-label', for: id }, [label, hint ? ' ' : null, hint ? el('span', { className: 'fr-hint-text', text: hint }) : null]), control]);
}

function buildForm() {
  const form = $('trial-form');
  form.appendChild(group('trial-date', 'Date de l’appel', 'Format : jj/mm/aaaa.', el('input', { id: 'trial-date', className: 'fr-input', type: 'date', required: true })));
  form.appendChild(group('trial-time', 'Heure de l’appel', 'Heure locale du territoire, par exemple 08:45.', el('input', { id: 'trial-time', className: 'fr-input', type: 'text', inputmode: 'numeric', maxlength: '5', autocomplete: 'off', required: true })));
  form.appendChild(
    group(
      'trial-steps',
      'Ce que fait la personne qui appelle, une étape par ligne',
      'Des touches : 2, ou un code postal comme 44000. Des mots : je cherche un logement. Le mot « silence » : la personne ne dit rien.',
      el('textarea', { id: 'trial-steps', className: 'fr-input', rows: '6', spellcheck: 'false' }),
    ),
  );
  form.appendChild(el('div', { id: 'trial-error', role: 'alert' }));
  form.appendChild(el('button', { type: 'submit', className: 'fr-btn fr-btn--secondary', text: 'Essayer l’appel' }));
}

function stepOf(line) {
  if (/^[0-9*#]+$/.test(line)) return { keys: line };
  if (/^silence$/i.test(line)) return { silence: true };
  return { say: line };
}

function lineText(line) {
  if (line.who === 'service') return ['Le service dit : ', line.text];
  if (line.keys) return ['La personne tape : ', line.keys];
  if (line.silence) return ['La personne ne dit rien.', ''];
  return ['La personne dit : ', line.say];
}

function endText(end) {
  switch (end.kind) {
    case 'queue':
      return `mis en relation avec les conseillers de la file « ${end.queue} ».`;
    case 'workflow':
      return 'mis en relation par TaskRouter (la répartition des appels de Twilio).';
    case 'dial':
      return `transféré vers ${end.number || end.sip}.`;
    case 'hangup':
      return 'le service raccroche après avoir dit au revoir.';
    default:
      return 'l’appel attend encore une réponse de la personne.';
  }
}

/** « lundi 23 novembre 2026 à 08:45 » (the date and time as typed, in the territory's time). */
function frenchMoment(date, time) {
  const day = new Date(`${date}T12:00:00Z`).toLocaleDateString('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return `${day} à ${time}`;
}

function showTranscript(transcript, at) {
  const result = $('trial-result');
  clear(result);
  result.appendChild(el('h3', { className: 'fr-h6', text: `Résultat de l’essai : appel du ${frenchMoment(...at.split('T'))} (heure de ${transcript.timeZone})` }));
  result.appendChild(el('ol', { className: 'transcript' }, transcript.lines.map((line) => el('li', {}, [el('strong', { text: lineText(line)[0] }), lineText(line)[1]]))));
  result.appendChild(el('p', { className: 'fr-text--bold', text: `Fin de l’appel : ${endText(transcript.end)}` }));
  result.appendChild(el('p', { text: transcript.whisper ? `Le conseiller entend avant de décrocher : « ${transcript.whisper} »` : 'Aucun conseiller ne prend cet appel : pas de message avant de décrocher.' }));
  if (transcript.unplayedSteps > 0) result.appendChild(el('p', { text: `${transcript.unplayedSteps} étape(s) non jouée(s) : l’appel était déjà fini.` }));
}

async function play(event) {
  event.preventDefault();
  errorIn('trial-error', '');
  const date = $('trial-date').value;
  const time = $('trial-time').value.trim();
  const steps = $('trial-steps').value.split('\n').map((line) => line.trim()).filter(Boolean).map(stepOf);
  if (!date) return errorIn('trial-error', 'Donnez la date de l’appel.');
  if (!TIME.test(time)) return errorIn('trial-error', 'Écrivez l’heure de l’appel ainsi : 08:45.');
  if (!studio.draft) return errorIn('trial-error', 'Il n’y a pas de brouillon à essayer. Faites d’abord un changement.');
  const at = `${date}T${time}`;
  message($('trial-result'), 'Essai en cours. Cela prend quelques secondes.', 'info');
  try {
    showTranscript(await studioApi.tryCall(studio.draft.id, { territory: studio.code, at, steps }), at);
  } catch (error) {
    clear($('trial-result'));
    errorIn('trial-error', frenchProblem(error));
  }
}

export function setupTrial() {
  buildForm();
  $('trial-form').addEventListener('submit', play);
}
