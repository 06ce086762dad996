/* One offer of an organisation in the directory form, as a DSFR fieldset: its name and type, the needs
   it serves (the 14 of the 360°, checkboxes in a fieldset), the people it serves (ages, kinds of
   disability), for whom (its commune or the whole département), its hours, its availability and the
   day it was last confirmed; read back in the shape of the directory's schema, with French problems. */
import { el } from '../console/dom.js';
import { entries } from '../console/vocabulary.js';
import { inputGroup, select, textInput } from './form.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A fieldset of checkboxes, one per [id, label] of the vocabulary's `group`; the first box carries the group's error line. */
function checkboxes(prefix, legend, hint, group, checked) {
  const legendId = `${prefix}-legend`;
  const boxes = entries(group).map((entry, index) => {
    const id = `${prefix}-${entry.id}`;
    const input = el('input', { type: 'checkbox', id, name: prefix, value: entry.id, checked: checked.includes(entry.id), 'aria-describedby': index === 0 ? `${prefix}-${entries(group)[0].id}-error` : undefined });
    return el('div', { className: 'fr-fieldset__element' }, [el('div', { className: 'fr-checkbox-group fr-checkbox-group--sm' }, [input, el('label', { className: 'fr-label', for: id, text: entry.label })])]);
  });
  return el('fieldset', { className: 'fr-fieldset', id: `${prefix}-fieldset`, 'aria-labelledby': legendId }, [
    el('legend', { className: 'fr-fieldset__legend fr-fieldset__legend--regular', id: legendId }, [legend, hint ? ' ' : null, hint ? el('span', { className: 'fr-hint-text', text: hint }) : null]),
    ...boxes,
    el('p', { id: `${prefix}-${entries(group)[0].id}-error`, className: 'fr-error-text fr-ml-1w', hidden: true }),
  ]);
}

/** The boxes checked, those the offer had first in its own order (an unchanged list stays unchanged), then the new ones. */
function checkedIn(form, prefix, before) {
  const checked = [...form.querySelectorAll(`input[name="${prefix}"]:checked`)].map((input) => input.value);
  const kept = (before || []).filter((id) => checked.includes(id));
  return [...kept, ...checked.filter((id) => !kept.includes(id))];
}
const choices = (group) => entries(group).map((entry) => [entry.id, entry.label]);

/**
 * The fieldset of one offer (`offer`: the one being changed, or null for a new one); `key` makes its
 * fields' ids unique in the form; `onRemove` (when given) draws « Retirer cette offre ».
 */
export function offerFieldset(key, number, offer, onRemove) {
  const p = `dir-offer-${key}`;
  const o = offer || { type: 'autre', needs: [], public: { ages: ['enfant', 'adulte', 'senior'], disabilities: [] }, zone: 'commune', availability: { status: 'inconnu', confirmedAt: null } };
  const confirmed = el('input', { id: `${p}-confirmed`, className: 'fr-input', type: 'date', value: o.availability.confirmedAt || '' });
  const fieldset = el('fieldset', { className: 'fr-fieldset directory-offer', id: p, 'data-key': key }, [
    el('legend', { className: 'fr-fieldset__legend', text: `Offre ${number}` }),
    el('div', { className: 'fr-fieldset__element' }, [inputGroup(`${p}-label`, 'Nom de l’offre', 'Par exemple : Accompagnement à la vie sociale.', textInput(`${p}-label`, o.label, { maxlength: '150' }))]),
    el('div', { className: 'fr-fieldset__element' }, [inputGroup(`${p}-type`, 'Type d’offre', null, select(`${p}-type`, choices('offerTypes'), o.type))]),
    el('div', { className: 'fr-fieldset__element' }, [checkboxes(`${p}-needs`, 'Besoins couverts', 'Parmi les 14 besoins du 360. Cochez ceux auxquels l’offre répond.', 'needs', o.needs || [])]),
    el('div', { className: 'fr-fieldset__element' }, [checkboxes(`${p}-ages`, 'Âges des personnes accueillies', 'Au moins un.', 'ageBands', o.public.ages)]),
    el('div', { className: 'fr-fieldset__element' }, [checkboxes(`${p}-disabilities`, 'Types de handicap', 'Ne cochez rien si l’offre accueille tous les types de handicap.', 'disabilities', o.public.disabilities)]),
    el('div', { className: 'fr-fieldset__element' }, [inputGroup(`${p}-zone`, 'Pour qui', null, select(`${p}-zone`, choices('zones'), o.zone))]),
    el('div', { className: 'fr-fieldset__element' }, [inputGroup(`${p}-hours`, 'Horaires de l’offre', 'Facultatif. Par exemple : du lundi au vendredi, de 9 h à 17 h.', textInput(`${p}-hours`, o.hours, { maxlength: '200' }))]),
    el('div', { className: 'fr-fieldset__element' }, [inputGroup(`${p}-availability`, 'Disponibilité', null, select(`${p}-availability`, choices('availability'), o.availability.status))]),
    el('div', { className: 'fr-fieldset__element' }, [inputGroup(`${p}-confirmed`, 'Date de la dernière vérification de la disponibilité', 'Laissez vide si elle n’a jamais été vérifiée.', confirmed)]),
  ]);
  if (onRemove) {
    const remove = el('button', { type: 'button', className: 'fr-btn fr-btn--sm fr-btn--tertiary' }, ['Retirer cette offre', el('span', { className: 'fr-sr-only', text: ` (offre ${number})` })]);
    remove.addEventListener('click', () => onRemove(fieldset));
    fieldset.appendChild(el('div', { className: 'fr-fieldset__element' }, [remove]));
  }
  return fieldset;
}

/**
 * The offer of a fieldset as the schema takes it (`before`: the offer it was, whose id and commune it
 * keeps), or its problems ([field id, French sentence]).
 */
export function readOffer(fieldset, before, newId) {
  const p = fieldset.id;
  const value = (suffix) => fieldset.querySelector(`#${p}-${suffix}`).value.trim();
  const problems = [];
  const label = value('label');
  if (!label) problems.push([`${p}-label`, 'Donnez le nom de l’offre.']);
  const ages = checkedIn(fieldset, `${p}-ages`, before && before.public.ages);
  if (ages.length === 0) problems.push([`${p}-ages-${entries('ageBands')[0].id}`, 'Cochez au moins un âge.']);
  const confirmedAt = value('confirmed');
  if (confirmedAt && (!DATE.test(confirmedAt) || Number.isNaN(Date.parse(confirmedAt)))) problems.push([`${p}-confirmed`, 'Écrivez la date ainsi : 2026-11-30, ou laissez vide.']);
  if (problems.length > 0) return { problems };
  const hours = value('hours');
  const offer = {
    id: before ? before.id : newId(label),
    type: value('type'),
    label,
    needs: checkedIn(fieldset, `${p}-needs`, before && before.needs),
    public: { ages, disabilities: checkedIn(fieldset, `${p}-disabilities`, before && before.public.disabilities) },
    zone: value('zone'),
    ...(before && before.commune ? { commune: before.commune } : {}),
    ...(hours ? { hours } : {}),
    availability: { status: value('availability'), confirmedAt: confirmedAt || null },
  };
  return { offer, problems };
}
