/* Form fields as DSFR draws them (a label with its hint, the control, an error line tied to it), and
   their errors: the field marked, its sentence under it, read by screen readers with the field. */
import { el } from '../console/dom.js';

/** A DSFR input group around `control` (an input, a textarea or a select whose id is `id`). */
export function inputGroup(id, label, hint, control) {
  control.setAttribute('aria-describedby', `${id}-error`);
  return el('div', { className: control.tagName === 'SELECT' ? 'fr-select-group' : 'fr-input-group', id: `${id}-group` }, [
    // The space keeps the label and its hint two phrases for screen readers (« Fichier Les fichiers… »).
    el('label', { className: 'fr-label', for: id }, [label, hint ? ' ' : null, hint ? el('span', { className: 'fr-hint-text', text: hint }) : null]),
    control,
    el('p', { id: `${id}-error`, className: 'fr-error-text', hidden: true }),
  ]);
}

/** A one-line text field; read only when asked. */
export function textInput(id, value, options = {}) {
  const input = el('input', { id, className: 'fr-input', type: 'text', autocomplete: 'off', spellcheck: 'false', inputmode: options.inputmode, maxlength: options.maxlength || '500', value: value ?? '' });
  input.readOnly = Boolean(options.readOnly);
  return input;
}

/** A text area; read only when asked. */
export function textArea(id, value, options = {}) {
  const area = el('textarea', { id, className: 'fr-input', rows: options.rows || '3', maxlength: options.maxlength || '500' });
  area.value = value ?? '';
  area.readOnly = Boolean(options.readOnly);
  return area;
}

/** A select of [value, label] pairs; disabled when read only. */
export function select(id, choices, chosen, options = {}) {
  const node = el('select', { id, className: 'fr-select' }, choices.map(([value, text]) => el('option', { value, text, selected: value === chosen })));
  node.disabled = Boolean(options.readOnly);
  return node;
}

/** Marks the field `id` wrong with its French sentence. */
export function markError(id, text) {
  const group = document.getElementById(`${id}-group`);
  if (group) group.classList.add(group.classList.contains('fr-select-group') ? 'fr-select-group--error' : 'fr-input-group--error');
  document.getElementById(id).setAttribute('aria-invalid', 'true');
  const line = document.getElementById(`${id}-error`);
  line.textContent = text;
  line.hidden = false;
}

/** Removes every mark of `container`'s fields. */
export function clearErrors(container) {
  container.querySelectorAll('.fr-input-group--error, .fr-select-group--error').forEach((group) => group.classList.remove('fr-input-group--error', 'fr-select-group--error'));
  container.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
  container.querySelectorAll('.fr-error-text').forEach((line) => {
    line.hidden = true;
    line.textContent = '';
  });
}

/** Marks each problem ([id, sentence]), focuses the first; true when there was one. */
export function showProblems(problems) {
  problems.forEach(([id, text]) => markError(id, text));
  if (problems.length > 0) document.getElementById(problems[0][0]).focus();
  return problems.length > 0;
}

/** The lines of a text area, trimmed, without the empty ones. */
export function linesOf(id) {
  return document
    .getElementById(id)
    .value.split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

export const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
