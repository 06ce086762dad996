/* The directory panel, under the ticket: the offers of the ticket's département (GET /api/directory),
   searched by need, commune and people served, each offer with « Ajouter comme partenaire » (POST
   /api/advisor/tickets/{ref}/partners) when the case may be changed. Built once per ticket, so that a
   background update of the ticket keeps the search and its results. */
import { api } from './api.js';
import { $, clear, el, errorIn } from './dom.js';
import { frenchError } from './errors.js';
import { day, entries, label } from './vocabulary.js';

const SECTION_ID = 'directory-panel';
/** The ticket the panel shows: its latest view (what the case allows now) and how to redraw the results. */
let shown = null;
const canAdd = (view) => view.allowedEvents.includes('UPDATE');

function select(id, labelText, options, chosen) {
  const control = el('select', { id, className: 'fr-select' }, [
    el('option', { value: '', text: 'Tous' }),
    ...options.map((option) => el('option', { value: option.id, text: option.label, selected: option.id === chosen })),
  ]);
  return { control, group: el('div', { className: 'fr-select-group' }, [el('label', { className: 'fr-label', for: id, text: labelText }), control]) };
}

/** The communes of the département's offers, by name (the search's commune list). */
function communesOf(results) {
  const byCode = new Map();
  results.forEach(({ organisation, offers }) => {
    [organisation.commune, ...offers.map((offer) => offer.commune)].forEach((commune) => {
      if (commune) byCode.set(commune.code, commune.name);
    });
  });
  return [...byCode].map(([id, name]) => ({ id, label: name })).sort((a, b) => a.label.localeCompare(b.label, 'fr'));
}

function availabilityText(availability) {
  const status = label('availability', availability.status);
  return availability.confirmedAt ? `${status} (vérifié le ${day(availability.confirmedAt)})` : status;
}

function contactText(organisation) {
  const { phone, email, web } = organisation.contact;
  return [organisation.commune && organisation.commune.name, phone && `Tél. ${phone}`, email, web].filter(Boolean).join(' · ');
}

function offerItem(view, organisation, offer, addPartner) {
  // The organisation's name, for screen readers, after the visible words (each button named apart).
  const add = canAdd(view)
    ? el('button', { type: 'button', className: 'fr-btn fr-btn--sm fr-btn--secondary', 'aria-describedby': `offer-${offer.id}` }, [
        'Ajouter comme partenaire',
        el('span', { className: 'fr-sr-only', text: ` : ${organisation.name}` }),
      ])
    : null;
  if (add) add.addEventListener('click', () => addPartner({ organisationId: organisation.id, offerId: offer.id }, organisation.name).catch(() => add.focus()));
  const people = [...offer.public.ages.map((id) => label('ageBands', id)), ...offer.public.disabilities.map((id) => label('disabilities', id))].join(', ');
  return el('li', { className: 'directory-offer' }, [
    el('p', { id: `offer-${offer.id}` }, [el('strong', { text: offer.label }), ` — ${label('offerTypes', offer.type)}`]),
    el('p', { className: 'fr-text--sm', text: `Pour : ${people || 'tout public'}. ${availabilityText(offer.availability)}.` }),
    add,
  ]);
}

function renderResults(list, count, view, results, addPartner) {
  clear(list);
  const offers = results.reduce((sum, result) => sum + result.offers.length, 0);
  count.textContent = offers === 0 ? 'Aucune offre ne correspond. Élargissez la recherche.' : `${offers} offre${offers > 1 ? 's' : ''} trouvée${offers > 1 ? 's' : ''}.`;
  results.forEach(({ organisation, offers: found }) => {
    list.appendChild(
      el('li', { className: 'directory-organisation' }, [
        el('h4', { className: 'fr-text--md fr-mb-0', text: organisation.name }),
        el('p', { className: 'fr-text--sm', text: contactText(organisation) }),
        el('ul', { className: 'plain-list' }, found.map((offer) => offerItem(view, organisation, offer, addPartner))),
      ]),
    );
  });
}

/** Shows (or keeps) the directory of the ticket's département; `act` changes the case (ticket.js). */
export function renderDirectory(view, act) {
  const t = view.ticket;
  const existing = $(SECTION_ID);
  if (existing && shown && shown.ref === t.ref) {
    const could = canAdd(shown.view);
    shown.view = view;
    if (could !== canAdd(view)) shown.redraw();
    return;
  }
  if (existing) existing.remove();
  const section = el('section', { id: SECTION_ID, className: 'directory', 'aria-labelledby': 'directory-title', 'data-ref': t.ref }, [
    el('h3', { id: 'directory-title', className: 'fr-h6', text: 'Répertoire : les solutions du département' }),
  ]);
  $('ticket-body').appendChild(section);
  if (!t.departement) {
    section.appendChild(el('p', { text: 'Le département n’est pas connu : le répertoire s’ouvre quand il l’est.' }));
    return;
  }
  const need = select('directory-need', 'Besoin à couvrir', entries('needs'), t.need);
  const commune = select('directory-commune', 'Commune de l’offre', [], '');
  const age = select('directory-age', 'Âge de la personne', entries('ageBands'), '');
  const disability = select('directory-disability', 'Type de handicap', entries('disabilities'), '');
  const form = el('form', { className: 'form directory-search', novalidate: true, 'aria-label': 'Chercher dans le répertoire' }, [
    need.group,
    commune.group,
    age.group,
    disability.group,
    el('div', { className: 'button-row' }, [el('button', { type: 'submit', className: 'fr-btn fr-btn--sm', text: 'Chercher les offres' })]),
  ]);
  const error = el('div', { id: 'directory-error', role: 'alert' });
  const count = el('p', { id: 'directory-count', role: 'status' });
  const list = el('ul', { className: 'plain-list directory-results', 'aria-labelledby': 'directory-title' });
  section.append(form, error, count, list);

  const addPartner = (body, name) => act('POST', '/partners', body, `Partenaire ajouté au dossier : ${name}.`);
  let results = [];
  shown = { ref: t.ref, view, redraw: () => renderResults(list, count, shown.view, results, addPartner) };
  async function search() {
    const query = new URLSearchParams({ territory: t.departement });
    if (need.control.value) query.set('need', need.control.value);
    if (commune.control.value) query.set('commune', commune.control.value);
    const people = [age.control.value, disability.control.value].filter(Boolean);
    if (people.length) query.set('public', people.join(','));
    errorIn(error, '');
    try {
      results = (await api('GET', `/api/directory?${query}`)).results;
      shown.redraw();
    } catch (failure) {
      errorIn(error, frenchError(failure));
    }
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    search();
  });
  // The communes to choose from: those of the département's offers.
  api('GET', `/api/directory?territory=${encodeURIComponent(t.departement)}`)
    .then((answer) => communesOf(answer.results).forEach((option) => commune.control.appendChild(el('option', { value: option.id, text: option.label }))))
    .catch(() => {})
    .then(search);
}
