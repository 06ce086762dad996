/* Closing a ticket: the wrap-up code (required; the list of the ticket's territory, kept by its
   coordinators, or the national one) and a note. DSFR select and textarea, checked here first. */
import { api } from './api.js';
import { send } from './bus.js';
import { el, errorIn } from './dom.js';
import { frenchError } from './errors.js';

/** The wrap-up codes of a territory, read each time the form is drawn (a coordinator may change them). */
function wrapUpCodesOf(territory) {
  return api('GET', `/api/advisor/wrap-up-codes?territory=${encodeURIComponent(territory)}`).then((list) => list.codes);
}

/** The close form of `view` (inputGroup and submit come from ticketForms.js, so the forms look alike). */
export function closeForm(view, inputGroup, submit) {
  const select = el('select', { id: 'close-wrap-up', className: 'fr-select', required: true, 'aria-describedby': 'close-wrap-up-hint' }, [
    el('option', { value: '', text: 'Choisir un code de clôture' }),
  ]);
  const note = el('textarea', { id: 'close-note', className: 'fr-input', rows: 3, maxlength: 2000 });
  const form = el('form', { id: 'close-form', className: 'form', novalidate: true, 'aria-labelledby': 'close-title' }, [
    el('h3', { id: 'close-title', className: 'fr-h6', text: 'Clôturer le dossier' }),
    el('div', { className: 'fr-select-group' }, [
      el('label', { className: 'fr-label', for: 'close-wrap-up', text: 'Code de clôture (obligatoire)' }),
      el('p', { id: 'close-wrap-up-hint', className: 'fr-hint-text hint', text: 'Comment le contact s’est terminé.' }),
      select,
    ]),
    inputGroup('close-note', 'Note de clôture (solution mise en place, ce qui a été dit)', note),
    submit('Clôturer'),
  ]);
  wrapUpCodesOf(view.territory).then(
    (codes) => codes.forEach((code) => select.appendChild(el('option', { value: code.id, text: code.label }))),
    (error) => errorIn('ticket-error', frenchError(error)),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    select.removeAttribute('aria-invalid');
    if (!select.value) {
      select.setAttribute('aria-invalid', 'true');
      errorIn('ticket-error', 'Choisissez un code de clôture.');
      select.focus();
      return;
    }
    const text = note.value.trim();
    const chosen = select.options[select.selectedIndex].text;
    send('act', 'POST', '/close', { wrapUp: select.value, ...(text ? { note: text } : {}) }, `Dossier clôturé : ${chosen}.`).catch(() => select.focus());
  });
  return form;
}
