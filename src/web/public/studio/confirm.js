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
