/* The organisations of one territory's directory, each with its contact, its source and its offers
   (type, needs served, people served, availability and the day it was last confirmed); « Modifier »
   and « Retirer » on each for those who may change it (an MDPH stays: no « Retirer »). */
import { clear, el } from '../console/dom.js';
import { day, label } from '../console/vocabulary.js';

const isMdph = (organisation) => (organisation.offers || []).some((offer) => offer.type === 'mdph');

/** A button named for screen readers with its organisation (« Modifier : SAVS Nantes Est »). */
function actionButton(text, organisation, kind, onClick) {
  const node = el('button', { type: 'button', className: `fr-btn fr-btn--sm ${kind}` }, [text, el('span', { className: 'fr-sr-only', text: ` : ${organisation.name}` })]);
  node.addEventListener('click', () => onClick(organisation, node));
  return node;
}

function contactText(organisation) {
  const contact = organisation.contact || {};
  const parts = [organisation.commune && organisation.commune.name, contact.phone && `Tél. ${contact.phone}`, contact.email, contact.web].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : 'Pas de contact public connu.';
}

function sourceText(source) {
  if (!source) return '';
  const finess = source.finess ? ` n° ${source.finess}` : '';
  return `Source : ${label('sourceKinds', source.kind)}${finess}, le ${day(source.at)}.`;
}

function availabilityText(availability) {
  const status = label('availability', availability.status);
  return availability.confirmedAt ? `${status}, vérifié le ${day(availability.confirmedAt)}` : `${status}, jamais vérifié`;
}

function offerItem(offer) {
  const needs = (offer.needs || []).map((id) => label('needs', id)).join(', ');
  const people = [...offer.public.ages.map((id) => label('ageBands', id)), ...offer.public.disabilities.map((id) => label('disabilities', id))].join(', ');
  return el('li', {}, [
    el('p', { className: 'fr-mb-0' }, [el('strong', { text: offer.label }), ` — ${label('offerTypes', offer.type)}`]),
    el('p', { className: 'fr-text--sm fr-mb-0', text: `Besoins : ${needs || 'aucun indiqué'}.` }),
    el('p', { className: 'fr-text--sm fr-mb-0', text: `Pour : ${people}${offer.public.disabilities.length === 0 ? ', tout type de handicap' : ''}. ${label('zones', offer.zone)}${offer.commune ? ` (${offer.commune.name})` : ''}.` }),
    offer.hours ? el('p', { className: 'fr-text--sm fr-mb-0', text: `Horaires : ${offer.hours}.` }) : null,
    el('p', { className: 'fr-text--sm', text: `Disponibilité : ${availabilityText(offer.availability)}.` }),
  ]);
}

function organisationItem(organisation, options) {
  const buttons = options.editable
    ? el('div', { className: 'button-row fr-mt-0 fr-mb-2w' }, [
        actionButton('Modifier', organisation, 'fr-btn--secondary', options.onEdit),
        isMdph(organisation) ? null : actionButton('Retirer', organisation, 'fr-btn--tertiary', options.onRemove),
      ])
    : null;
  return el('li', { className: 'directory-organisation' }, [
    el('h3', { className: 'fr-h6 fr-mb-1v', text: organisation.name }),
    el('p', { className: 'fr-text--sm fr-mb-0', text: contactText(organisation) }),
    organisation.hours ? el('p', { className: 'fr-text--sm fr-mb-0', text: `Horaires : ${organisation.hours}.` }) : null,
    el('p', { className: 'fr-text--sm fr-mb-1w', text: sourceText(organisation.source) }),
    el('ul', { 'aria-label': `Offres de ${organisation.name}` }, (organisation.offers || []).map(offerItem)),
    buttons,
  ]);
}

/** Draws `organisations` (one territory's) into `container`; options: editable, fromDraft, onAdd, onEdit, onRemove. */
export function renderDirectoryList(container, organisations, options) {
  clear(container);
  const sorted = [...organisations].sort((a, b) => Number(isMdph(b)) - Number(isMdph(a)) || a.name.localeCompare(b.name, 'fr'));
  const count = sorted.length === 1 ? '1 organisation' : `${sorted.length} organisations`;
  container.appendChild(el('p', { id: 'directory-count', text: `${count} ${options.fromDraft ? 'dans le brouillon' : 'dans la version publiée'}.` }));
  if (options.editable) {
    const add = el('button', { type: 'button', className: 'fr-btn fr-btn--secondary fr-mb-2w', text: 'Ajouter une organisation' });
    add.addEventListener('click', options.onAdd);
    container.appendChild(add);
  }
  if (sorted.length > 0) container.appendChild(el('ul', { className: 'directory-organisations', 'aria-labelledby': 'directory-title' }, sorted.map((organisation) => organisationItem(organisation, options))));
}
