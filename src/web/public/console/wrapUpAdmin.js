/* « Codes de clôture » for coordinators and national admins: the wrap-up codes of one of their
   territories (its own list or the national one), a code added or removed (the whole list is saved,
   audited by the API), or back to the national list. */
import { api } from './api.js';
import { fillTerritorySelect } from './agenda.js';
import { $, announce, button, clear, el, errorIn } from './dom.js';
import { frenchError } from './errors.js';

let shown = null;

export function setupWrapUpAdmin(me) {
  const coordinates = Boolean(me) && me.role !== 'advisor';
  $('wrap-up').hidden = !coordinates;
  clear($('wrap-up-content'));
  errorIn('wrap-up-error', '');
  shown = null;
  if (coordinates) fillTerritorySelect($('wrap-up-territory'), me);
}

/** An id from a label: « Orientée vers l’ESAT » → orientee_vers_l_esat (ascii, 40 characters at most). */
function idOf(text) {
  const ascii = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const id = ascii.replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40);
  return /^[a-z]/.test(id) ? id : `code_${id}`.slice(0, 40);
}

function render(list) {
  shown = list;
  const content = $('wrap-up-content');
  clear(content);
  content.appendChild(
    el('p', { text: list.source === 'territory' ? `Le ${list.territory} a sa propre liste (${list.codes.length} codes).` : `Le ${list.territory} utilise la liste nationale (${list.codes.length} codes).` }),
  );
  content.appendChild(
    el(
      'ul',
      { className: 'plain-list wrap-up-list' },
      list.codes.map((code) =>
        el('li', {}, [code.label, ' ', list.codes.length > 1 ? button(`Retirer « ${code.label} »`, () => save(list.codes.filter((c) => c.id !== code.id), `Code retiré : ${code.label}.`), 'tertiary') : null]),
      ),
    ),
  );
  if (list.source === 'territory') content.appendChild(button('Revenir à la liste nationale', reset, 'secondary'));
}

async function load() {
  try {
    render(await api('GET', `/api/advisor/wrap-up-codes?territory=${encodeURIComponent($('wrap-up-territory').value)}`));
    errorIn('wrap-up-error', '');
  } catch (error) {
    errorIn('wrap-up-error', frenchError(error));
  }
}

async function save(codes, done) {
  try {
    render(await api('PUT', '/api/advisor/wrap-up-codes', { territory: shown.territory, codes }));
    errorIn('wrap-up-error', '');
    announce(done, { polite: true });
    return true;
  } catch (error) {
    errorIn('wrap-up-error', frenchError(error));
    return false;
  }
}

async function reset() {
  try {
    render(await api('DELETE', `/api/advisor/wrap-up-codes?territory=${encodeURIComponent(shown.territory)}`));
    announce('La liste nationale des codes de clôture est de nouveau utilisée.', { polite: true });
  } catch (error) {
    errorIn('wrap-up-error', frenchError(error));
  }
}

$('wrap-up-form').addEventListener('submit', (event) => {
  event.preventDefault();
  load();
});
$('wrap-up-add').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = $('wrap-up-label');
  const text = input.value.trim();
  if (!shown) {
    errorIn('wrap-up-error', 'Affichez d’abord les codes d’un département.');
    return;
  }
  if (text.length < 2 || text.length > 120) {
    errorIn('wrap-up-error', 'Le libellé du code fait de 2 à 120 caractères.');
    input.focus();
    return;
  }
  if (await save([...shown.codes, { id: idOf(text), label: text }], `Code ajouté : ${text}.`)) input.value = '';
});
