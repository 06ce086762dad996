/* A territory's welcome beyond its hours: the communauté's name, where calls go, what happens when it
   is closed and the message then, the wait after which a callback is offered, the time within which a
   callback should be made (the callback target), the days closed or open
   besides the public holidays. Saving writes what changed into the draft (TerritoryEditSchema). */
import { $, clear, el, errorIn, message } from '../console/dom.js';
import { frenchProblem, studioApi } from './api.js';
import { clearErrors, inputGroup, linesOf, same, showProblems, textArea, textInput } from './form.js';
import { draftedNational, draftedTerritory, on, onDraftReset, setDraft, studio } from './state.js';
import { readTarget, targetFields } from './target.js';

const WHEN_CLOSED = [
  ['callback', 'Proposer à la personne d’être rappelée'],
  ['fallback', 'Passer l’appel à l’équipe nationale'],
  ['message', 'Dire le message ci-dessous, puis raccrocher'],
];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The callback target when neither the territory nor the national settings give one (src/territories/schema.ts). */
const DEFAULT_CALLBACK_TARGET_HOURS = 48;

/** Hours within which a callback counts as done in time: the territory's, else the national one, else 48. */
function callbackTarget(t) {
  const national = draftedNational() || {};
  return t.callbackTargetHours ?? national.callbackTargetHours ?? DEFAULT_CALLBACK_TARGET_HOURS;
}

/** What was saved in the draft, per territory (the published values until then). */
const saved = {};

function current(code) {
  return { ...draftedTerritory(code), ...(saved[code] || {}) };
}

function whenClosedFields(chosen, readOnly) {
  return el('fieldset', { className: 'fr-fieldset', id: 'field-when-closed' }, [
    el('legend', { className: 'fr-fieldset__legend fr-text--md', text: 'Quand le territoire est fermé' }),
    ...WHEN_CLOSED.map(([value, text]) => {
      const input = el('input', { type: 'radio', id: `field-when-closed-${value}`, name: 'field-when-closed', value, checked: value === (chosen || 'callback') });
      input.disabled = readOnly;
      return el('div', { className: 'fr-fieldset__element' }, [el('div', { className: 'fr-radio-group' }, [input, el('label', { className: 'fr-label', for: input.id, text })])]);
    }),
  ]);
}

function render(code) {
  const form = $('fields-form');
  clear(form);
  message($('fields-status'), '');
  if (!studio.territories[code]) return;
  const t = current(code);
  const readOnly = !studio.editable;
  const holidays = t.holidays || {};
  form.append(
    inputGroup('field-name', 'Nom de la communauté 360', 'Par exemple : Communauté 360 Loire-Atlantique.', textInput('field-name', t.name, { readOnly })),
    targetFields('field-target', 'Où vont les appels quand le territoire est ouvert', t.target, readOnly),
    whenClosedFields(t.whenClosed, readOnly),
    inputGroup('field-closed-message', 'Message dit quand le territoire est fermé', 'Obligatoire si vous choisissez de dire un message. Laissez vide pour ne rien dire de plus.', textArea('field-closed-message', t.closedMessage, { readOnly })),
    inputGroup('field-callback-wait', 'Attente avant de proposer un rappel, en secondes', 'Un nombre de 0 à 3600. Par exemple : 120 pour 2 minutes.', textInput('field-callback-wait', t.callbackOfferAfterSeconds ?? '', { readOnly, inputmode: 'numeric', maxlength: '4' })),
    inputGroup('field-callback-target', 'Délai pour rappeler (heures)', 'Un rappel fait dans ce délai compte « dans les délais » au tableau de bord. Un nombre de 1 à 720. Par défaut : 48.', textInput('field-callback-target', callbackTarget(t), { readOnly, inputmode: 'numeric', maxlength: '3' })),
    inputGroup('field-closed-days', 'Jours fermés en plus des jours fériés', 'Une date par ligne, ainsi : 2026-12-24.', textArea('field-closed-days', (holidays.extraClosedDays || []).join('\n'), { readOnly, maxlength: '5000' })),
    inputGroup('field-open-days', 'Jours fériés où le territoire ouvre quand même', 'Une date par ligne, ainsi : 2026-05-08.', textArea('field-open-days', (holidays.extraOpenDays || []).join('\n'), { readOnly, maxlength: '5000' })),
  );
  if (studio.editable) form.appendChild(el('button', { type: 'submit', className: 'fr-btn', text: `Enregistrer l’accueil du ${code} dans le brouillon` }));
}

/** The edit (only what changed) and the problems found ([field id, French sentence]). */
function editOf(t) {
  const edit = {};
  const problems = [];
  const name = $('field-name').value.trim();
  if (!name) problems.push(['field-name', 'Donnez le nom de la communauté 360.']);
  else if (name !== t.name) edit.name = name;
  const target = readTarget('field-target');
  if (target.problem) problems.push(target.problem);
  else if (!same(target.target, t.target)) edit.target = target.target;
  const whenClosed = document.querySelector('input[name="field-when-closed"]:checked').value;
  if (whenClosed !== (t.whenClosed || 'callback')) edit.whenClosed = whenClosed;
  const closedMessage = $('field-closed-message').value.trim();
  if (whenClosed === 'message' && !closedMessage) problems.push(['field-closed-message', 'Écrivez le message à dire quand le territoire est fermé.']);
  else if (closedMessage !== (t.closedMessage || '')) edit.closedMessage = closedMessage || null;
  const wait = $('field-callback-wait').value.trim();
  if (!/^\d{1,4}$/.test(wait) || Number(wait) > 3600) problems.push(['field-callback-wait', 'Écrivez un nombre de secondes, de 0 à 3600.']);
  else if (Number(wait) !== t.callbackOfferAfterSeconds) edit.callbackOfferAfterSeconds = Number(wait);
  const targetHours = $('field-callback-target').value.trim();
  if (!/^\d{1,3}$/.test(targetHours) || Number(targetHours) < 1 || Number(targetHours) > 720) problems.push(['field-callback-target', 'Écrivez un nombre d’heures, de 1 à 720. Par exemple : 48 pour deux jours.']);
  else if (Number(targetHours) !== callbackTarget(t)) edit.callbackTargetHours = Number(targetHours);
  for (const [id, key] of [['field-closed-days', 'extraClosedDays'], ['field-open-days', 'extraOpenDays']]) {
    const dates = linesOf(id);
    const wrong = dates.find((date) => !DATE.test(date) || Number.isNaN(Date.parse(date)));
    if (wrong) problems.push([id, `« ${wrong} » n’est pas une date écrite ainsi : 2026-12-24.`]);
    else if (!same(dates, (t.holidays || {})[key] || [])) edit[key] = dates;
  }
  return { edit, problems };
}

async function save(event) {
  event.preventDefault();
  const form = $('fields-form');
  clearErrors(form);
  errorIn('fields-error', '');
  message($('fields-status'), '');
  const code = studio.code;
  const t = current(code);
  const { edit, problems } = editOf(t);
  if (problems.length > 0) {
    errorIn('fields-error', `L’accueil n’est pas enregistré. ${problems.map(([, text]) => text).join(' ')}`);
    return void showProblems(problems);
  }
  if (Object.keys(edit).length === 0) return errorIn('fields-error', 'Rien à enregistrer : l’accueil n’a pas changé.');
  try {
    const draft = studio.draft || (await studioApi.newDraft());
    const view = await studioApi.editTerritory(draft.id, code, edit);
    const { extraClosedDays, extraOpenDays, closedMessage, ...rest } = edit;
    const holidays = { ...(t.holidays || {}), ...(extraClosedDays ? { extraClosedDays } : {}), ...(extraOpenDays ? { extraOpenDays } : {}) };
    saved[code] = { ...(saved[code] || {}), ...rest, holidays, ...(closedMessage === undefined ? {} : { closedMessage: closedMessage || undefined }) };
    setDraft(view);
    message($('fields-status'), `L’accueil du ${code} est enregistré dans le brouillon. Voyez « Ce qui change ».`, 'success');
  } catch (error) {
    errorIn('fields-error', frenchProblem(error));
  }
}

export function setupTerritoryFields() {
  $('fields-form').addEventListener('submit', save);
  on('territory', render);
  onDraftReset(() => {
    Object.keys(saved).forEach((code) => delete saved[code]);
    render(studio.code);
  });
}
