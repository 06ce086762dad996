/* The hours editor: for each weekday of the territory shown, when it opens and closes (and after a
   pause), typed hh:mm in the territory's local time. Saving writes the changed days into the draft
   (made from the published version at the first change). */
import { $, clear, el, errorIn } from '../console/dom.js';
import { frenchProblem, studioApi } from './api.js';
import { draftedTerritory, on, onDraftReset, setDraft, studio } from './state.js';

const DAYS = [
  ['mon', 'Lundi'],
  ['tue', 'Mardi'],
  ['wed', 'Mercredi'],
  ['thu', 'Jeudi'],
  ['fri', 'Vendredi'],
  ['sat', 'Samedi'],
  ['sun', 'Dimanche'],
];
const FIELDS = [
  ['open', 'Ouvre à'],
  ['close', 'Ferme à'],
  ['reopen', 'Rouvre à (après la pause)'],
  ['reclose', 'Ferme à (après la pause)'],
];
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The hours of each day as the draft holds them (the published ones until saved). */
const shown = {};

function inputId(day, field) {
  return `hours-${day}-${field}`;
}

function fieldOf(day, field, value) {
  const id = inputId(day, field);
  const input = el('input', { id, className: 'fr-input', type: 'text', inputmode: 'numeric', autocomplete: 'off', maxlength: '5', placeholder: 'hh:mm', value: value || '', 'aria-describedby': `${id}-error` });
  if (!studio.editable) input.readOnly = true;
  return el('div', { className: 'fr-fieldset__element fr-fieldset__element--inline' }, [
    el('div', { className: 'fr-input-group', id: `${id}-group` }, [el('label', { className: 'fr-label', for: id, text: FIELDS.find(([name]) => name === field)[1] }), input, el('p', { id: `${id}-error`, className: 'fr-error-text', hidden: true })]),
  ]);
}

function render(code) {
  const form = $('hours-form');
  clear(form);
  const territory = draftedTerritory(code);
  if (!territory) return;
  DAYS.forEach(([day, name]) => {
    const ranges = (shown[code] && shown[code][day]) || territory.hours?.[day] || [];
    const [first = '', second = ''] = ranges;
    const [open, close] = first.split('-');
    const [reopen, reclose] = second.split('-');
    const values = { open, close, reopen, reclose };
    form.appendChild(
      el('fieldset', { className: 'fr-fieldset', id: `hours-${day}` }, [el('legend', { className: 'fr-fieldset__legend fr-text--md', text: name }), ...FIELDS.map(([field]) => fieldOf(day, field, values[field]))]),
    );
  });
  if (studio.editable) form.appendChild(el('button', { type: 'submit', className: 'fr-btn', text: `Enregistrer les horaires du ${code} dans le brouillon` }));
}

function markError(day, field, text) {
  const id = inputId(day, field);
  $(`${id}-group`).classList.add('fr-input-group--error');
  $(id).setAttribute('aria-invalid', 'true');
  const p = $(`${id}-error`);
  p.textContent = text;
  p.hidden = false;
}

function clearErrors() {
  document.querySelectorAll('#hours-form .fr-input-group--error').forEach((group) => group.classList.remove('fr-input-group--error'));
  document.querySelectorAll('#hours-form [aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
  document.querySelectorAll('#hours-form .fr-error-text').forEach((p) => {
    p.hidden = true;
    p.textContent = '';
  });
  errorIn('hours-error', '');
}

/** The ranges of one day, or the problems found ([day, field, French sentence]). */
function rangesOf(day, name) {
  const value = (field) => $(inputId(day, field)).value.trim();
  const problems = [];
  FIELDS.forEach(([field, label]) => {
    if (value(field) && !TIME.test(value(field))) problems.push([day, field, `${name}, « ${label} » : écrivez l’heure ainsi : 08:30.`]);
  });
  if (problems.length > 0) return { problems };
  const ranges = [];
  for (const [from, to] of [['open', 'close'], ['reopen', 'reclose']]) {
    if (!value(from) && !value(to)) continue;
    if (!value(from) || !value(to)) return { problems: [[day, value(from) ? to : from, `${name} : donnez l’heure d’ouverture et l’heure de fermeture.`]] };
    if (value(from) >= value(to)) return { problems: [[day, to, `${name} : l’heure de fermeture doit venir après l’heure d’ouverture.`]] };
    ranges.push(`${value(from)}-${value(to)}`);
  }
  if (ranges.length === 2 && ranges[0].slice(6) > ranges[1].slice(0, 5)) return { problems: [[day, 'reopen', `${name} : la réouverture doit venir après la première fermeture.`]] };
  if (ranges.length === 1 && !value('open')) return { problems: [[day, 'open', `${name} : remplissez d’abord « Ouvre à » et « Ferme à ».`]] };
  return { ranges };
}

async function save(event) {
  event.preventDefault();
  clearErrors();
  const code = studio.code;
  const territory = draftedTerritory(code);
  const hours = {};
  const problems = [];
  DAYS.forEach(([day, name]) => {
    const result = rangesOf(day, name);
    if (result.problems) problems.push(...result.problems);
    else if (JSON.stringify(result.ranges) !== JSON.stringify((shown[code] && shown[code][day]) || territory.hours?.[day] || [])) hours[day] = result.ranges;
  });
  if (problems.length > 0) {
    problems.forEach(([day, field, text]) => markError(day, field, text));
    errorIn('hours-error', `Les horaires ne sont pas enregistrés. ${problems.map(([, , text]) => text).join(' ')}`);
    $(inputId(problems[0][0], problems[0][1])).focus();
    return;
  }
  if (Object.keys(hours).length === 0) {
    errorIn('hours-error', 'Rien à enregistrer : les horaires n’ont pas changé.');
    return;
  }
  try {
    const draft = studio.draft || (await studioApi.newDraft());
    const saved = await studioApi.editTerritory(draft.id, code, { hours });
    shown[code] = { ...(shown[code] || {}), ...hours };
    setDraft(saved);
  } catch (error) {
    errorIn('hours-error', frenchProblem(error));
  }
}

export function setupHours() {
  $('hours-form').addEventListener('submit', save);
  on('territory', render);
  onDraftReset(() => {
    Object.keys(shown).forEach((code) => delete shown[code]);
    render(studio.code);
  });
}
