/* The national settings (national team only), saved into the draft (NationalEditSchema): who answers
   when no territory can, the wait before a callback is offered, where calls go and what they hear
   when the crisis switch is on (the switch itself is in the emergencies), and the postcodes tied to
   another département than the official data says. */
import { $, clear, el, errorIn, message } from '../console/dom.js';
import { frenchProblem, studioApi } from './api.js';
import { clearErrors, inputGroup, linesOf, same, showProblems, textArea, textInput } from './form.js';
import { draftedNational, on, onDraftReset, setDraft, studio } from './state.js';
import { readTarget, targetFields } from './target.js';

const OVERRIDE = /^(\d{5})\s+(\d{2}|2[AB]|97\d)$/;

/** What was saved in the draft (the published values until then). */
let saved = {};

function current() {
  const base = draftedNational();
  return { ...base, ...saved, crisis: { ...(base.crisis || {}), ...(saved.crisis || {}) } };
}

function render() {
  const form = $('national-form');
  clear(form);
  if (studio.me.role !== 'national_admin' || !studio.national) return;
  const n = current();
  const overrides = Object.entries(n.postcodeOverrides || {}).map(([postcode, code]) => `${postcode} ${code}`);
  form.append(
    targetFields('national-fallback', 'Qui répond quand aucun territoire ne peut répondre', n.fallback, false),
    inputGroup('national-callback-wait', 'Attente avant de proposer un rappel, en secondes', 'Pour les territoires qui n’en donnent pas. Un nombre de 0 à 3600.', textInput('national-callback-wait', n.callbackOfferAfterSeconds ?? '', { inputmode: 'numeric', maxlength: '4' })),
    targetFields('national-crisis-target', 'Où vont les appels quand la bascule de crise est activée', n.crisis.target, false),
    inputGroup('national-crisis-message', 'Message de la bascule de crise', 'Dit au début de chaque appel quand la bascule est activée.', textArea('national-crisis-message', n.crisis.message, { rows: '3' })),
    inputGroup('national-overrides', 'Codes postaux rattachés à un autre département', 'Un par ligne : le code postal, un espace, le département. Par exemple : 97133 971.', textArea('national-overrides', overrides.join('\n'), { rows: '4', maxlength: '20000' })),
    el('button', { type: 'submit', className: 'fr-btn', text: 'Enregistrer les réglages nationaux dans le brouillon' }),
  );
}

function editOf(n) {
  const edit = {};
  const problems = [];
  const fallback = readTarget('national-fallback');
  if (fallback.problem) problems.push(fallback.problem);
  else if (!same(fallback.target, n.fallback)) edit.fallback = fallback.target;
  const wait = $('national-callback-wait').value.trim();
  if (!/^\d{1,4}$/.test(wait) || Number(wait) > 3600) problems.push(['national-callback-wait', 'Écrivez un nombre de secondes, de 0 à 3600.']);
  else if (Number(wait) !== n.callbackOfferAfterSeconds) edit.callbackOfferAfterSeconds = Number(wait);
  const crisis = {};
  const crisisTarget = readTarget('national-crisis-target');
  if (crisisTarget.problem) problems.push(crisisTarget.problem);
  else if (!same(crisisTarget.target, n.crisis.target)) crisis.target = crisisTarget.target;
  const crisisMessage = $('national-crisis-message').value.trim();
  if (!crisisMessage) problems.push(['national-crisis-message', 'Écrivez le message de la bascule de crise.']);
  else if (crisisMessage !== n.crisis.message) crisis.message = crisisMessage;
  if (Object.keys(crisis).length > 0) edit.crisis = crisis;
  const overrides = {};
  const wrong = linesOf('national-overrides').find((line) => {
    const match = OVERRIDE.exec(line);
    if (match) overrides[match[1]] = match[2];
    return !match;
  });
  if (wrong) problems.push(['national-overrides', `« ${wrong} » : écrivez le code postal, un espace, puis le département, par exemple : 97133 971.`]);
  else if (!same(overrides, n.postcodeOverrides || {})) edit.postcodeOverrides = overrides;
  return { edit, problems };
}

async function save(event) {
  event.preventDefault();
  clearErrors($('national-form'));
  errorIn('national-error', '');
  message($('national-status'), '');
  const n = current();
  const { edit, problems } = editOf(n);
  if (problems.length > 0) {
    errorIn('national-error', `Les réglages ne sont pas enregistrés. ${problems.map(([, text]) => text).join(' ')}`);
    return void showProblems(problems);
  }
  if (Object.keys(edit).length === 0) return errorIn('national-error', 'Rien à enregistrer : les réglages nationaux n’ont pas changé.');
  try {
    const draft = studio.draft || (await studioApi.newDraft());
    const view = await studioApi.editNational(draft.id, edit);
    saved = { ...saved, ...edit, ...(edit.crisis ? { crisis: { ...(saved.crisis || {}), ...edit.crisis } } : {}) };
    setDraft(view);
    message($('national-status'), 'Les réglages nationaux sont enregistrés dans le brouillon. Voyez « Ce qui change ».', 'success');
  } catch (error) {
    errorIn('national-error', frenchProblem(error));
  }
}

export function setupNational() {
  $('national-form').addEventListener('submit', save);
  on('published', render);
  onDraftReset(() => {
    saved = {};
    render();
  });
}
