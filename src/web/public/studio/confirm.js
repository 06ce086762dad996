/* A confirmation asked in the page (no pop-up): a DSFR alert with its question, « Confirmer » and
   « Annuler ». The focus goes to the question, then back where it came from. */
import { button, clear, el } from '../console/dom.js';

export function askToConfirm(region, question, confirmText, onConfirm) {
  const back = document.activeElement;
  clear(region);
  const text = el('p', { text: question, tabindex: '-1' });
  const done = (focus) => {
    clear(region);
    if (focus && back && typeof back.focus === 'function') back.focus();
  };
  const yes = button(confirmText, async () => {
    done(false);
    await onConfirm();
  });
  const no = button('Annuler', () => done(true), 'secondary');
  region.appendChild(el('div', { className: 'fr-alert fr-alert--warning fr-mt-2w', role: 'group', 'aria-label': 'Confirmation' }, [text, el('div', { className: 'button-row' }, [yes, no])]));
  text.focus();
}

let dialogs = 0;

/**
 * A confirmation in a DSFR modal: a native <dialog> opened with showModal() (the rest of the page is
 * inert, Escape closes it), its title, the fields given, « confirmText » and « Annuler ». `onConfirm`
 * answers a French problem (shown in the dialog, which stays open) or null (the dialog closes). The
 * focus goes to the first field, then back where it came from.
 */
export function openDialog({ title, intro, fields, confirmText, onConfirm }) {
  const back = document.activeElement;
  const id = `dialog-${++dialogs}`;
  const problem = el('div', { id: `${id}-problem`, role: 'alert' });
  const confirm = el('button', { type: 'submit', className: 'fr-btn', text: confirmText });
  const cancel = el('button', { type: 'button', className: 'fr-btn fr-btn--secondary', text: 'Annuler' });
  const closeButton = el('button', { type: 'button', className: 'fr-btn--close fr-btn', title: 'Fermer la fenêtre', 'aria-controls': id, text: 'Fermer' });
  const form = el('form', { novalidate: true }, [
    el('div', { className: 'fr-modal__content' }, [el('h2', { id: `${id}-title`, className: 'fr-modal__title', text: title }), el('p', { text: intro }), ...fields, problem]),
    el('div', { className: 'fr-modal__footer' }, [el('ul', { className: 'fr-btns-group fr-btns-group--inline-md' }, [el('li', {}, [confirm]), el('li', {}, [cancel])])]),
  ]);
  const dialog = el('dialog', { id, className: 'fr-modal', 'aria-labelledby': `${id}-title` }, [
    el('div', { className: 'fr-container fr-container--fluid fr-container-md' }, [
      el('div', { className: 'fr-grid-row fr-grid-row--center' }, [
        el('div', { className: 'fr-col-12 fr-col-md-10 fr-col-lg-8' }, [el('div', { className: 'fr-modal__body' }, [el('div', { className: 'fr-modal__header' }, [closeButton]), form])]),
      ]),
    ]),
  ]);
  const close = () => dialog.close();
  cancel.addEventListener('click', close);
  closeButton.addEventListener('click', close);
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (back && typeof back.focus === 'function' && back.isConnected) back.focus();
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(problem);
    confirm.disabled = true;
    try {
      const refusal = await onConfirm();
      if (refusal) problem.appendChild(el('div', { className: 'fr-alert fr-alert--error fr-alert--sm' }, [el('p', { text: refusal })]));
      else close();
    } finally {
      confirm.disabled = false;
    }
  });
  document.body.appendChild(dialog);
  // Opened for DSFR's style first: a field can only take the focus once it is visible.
  dialog.classList.add('fr-modal--opened');
  dialog.showModal();
  const first = form.querySelector('input, textarea, select');
  (first || confirm).focus();
  return dialog;
}
