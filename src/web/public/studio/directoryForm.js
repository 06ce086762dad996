/* The form of one organisation of the directory (a new one, or one to change): its name, commune,
   public contact, hours and source, then its offers (directoryOffer.js), one or more. Checked in
   French on each field before it is sent, as the directory's schema will check it; saved into the
   draft by the panel (directory.js). */
import { clear, el, errorIn } from '../console/dom.js';
import { entries } from '../console/vocabulary.js';
import { clearErrors, inputGroup, select, showProblems, textInput } from './form.js';
import { offerFieldset, readOffer } from './directoryOffer.js';

/** The directory's own patterns (src/directory/schema.ts): a French public number, an e-mail, an https site, an INSEE commune code, a FINESS number. */
const PHONE = /^(\+33 ?[1-9]|0[1-9])( ?\d){8}$|^0 ?[89]\d{2}( ?\d{3}){2}$|^\+262 ?\d{3}( ?\d{2}){3}$|^\+(590|594|596) ?\d{3}( ?\d{2}){3}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;
const WEB = /^https:\/\/\S+$/;
const COMMUNE = /^(\d{5}|2[AB]\d{3})$/;
const FINESS = /^\d[0-9AB]\d{7}$/;

/** « SAVS Nantes Est » → « savs-nantes-est »: the ids the schema takes (lower case letters, digits and -). */
function slug(text) {
  const words = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return words.slice(0, 50).replace(/-+$/, '') || 'organisation';
}

/** A new id from `base`, not yet used (`used` grows with it). */
function freshId(base, used) {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

/** The same JSON whatever the order of keys (the file's and the form's differ). */
function stable(value) {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${stable(value[key])}`).join(',')}}`;
  return JSON.stringify(value);
}
const withoutDay = (organisation) => stable({ ...organisation, source: { ...organisation.source, at: '' } });

const inCommuneOf = (code, territory) => code.startsWith(territory.slice(0, code.startsWith('97') ? 3 : 2));
const today = () => new Date().toISOString().slice(0, 10);

function fields(o, territory) {
  const contact = o.contact || {};
  const source = o.source || { kind: 'coordinator' };
  return [
    inputGroup('dir-name', 'Nom de l’organisation', 'Son nom public. Par exemple : SAVS Nantes Est.', textInput('dir-name', o.name, { maxlength: '150' })),
    inputGroup('dir-commune-code', 'Code INSEE de la commune', `Facultatif. 5 caractères, qui commencent par le département ${territory}. Par exemple : 44109 pour Nantes.`, textInput('dir-commune-code', o.commune && o.commune.code, { maxlength: '5' })),
    inputGroup('dir-commune-name', 'Nom de la commune', 'Obligatoire si vous donnez le code INSEE.', textInput('dir-commune-name', o.commune && o.commune.name, { maxlength: '100' })),
    inputGroup('dir-phone', 'Téléphone public', 'Facultatif. Le standard, jamais le numéro d’une personne. Par exemple : 02 40 00 00 00.', textInput('dir-phone', contact.phone, { maxlength: '20', inputmode: 'tel' })),
    inputGroup('dir-email', 'Adresse e-mail publique', 'Facultatif. Une adresse de contact, jamais celle d’une personne.', textInput('dir-email', contact.email, { maxlength: '200', inputmode: 'email' })),
    inputGroup('dir-web', 'Site internet', 'Facultatif. Il commence par https://', textInput('dir-web', contact.web, { maxlength: '300', inputmode: 'url' })),
    inputGroup('dir-hours', 'Horaires d’ouverture', 'Facultatif. Par exemple : du lundi au vendredi, de 9 h à 17 h.', textInput('dir-hours', o.hours, { maxlength: '200' })),
    inputGroup('dir-source-kind', 'Source', 'D’où viennent ces informations.', select('dir-source-kind', entries('sourceKinds').map((entry) => [entry.id, entry.label]), source.kind)),
    inputGroup('dir-finess', 'Numéro FINESS de l’établissement', 'Facultatif. 9 caractères, par exemple : 440099001.', textInput('dir-finess', source.finess, { maxlength: '9' })),
  ];
}

/** The organisation's own fields read back ({ commune?, contact, hours?, source }), or its problems. */
function readFields(territory) {
  const value = (id) => document.getElementById(id).value.trim();
  const problems = [];
  const name = value('dir-name');
  if (!name) problems.push(['dir-name', 'Donnez le nom de l’organisation.']);
  const [code, communeName] = [value('dir-commune-code').toUpperCase(), value('dir-commune-name')];
  if (code && (!COMMUNE.test(code) || !inCommuneOf(code, territory))) problems.push(['dir-commune-code', `Le code INSEE a 5 caractères et commence par le département ${territory}, par exemple 44109.`]);
  if (code && !communeName) problems.push(['dir-commune-name', 'Donnez le nom de la commune de ce code.']);
  if (!code && communeName) problems.push(['dir-commune-code', 'Donnez le code INSEE de cette commune, ou laissez les deux champs vides.']);
  const [phone, email, web] = [value('dir-phone'), value('dir-email'), value('dir-web')];
  if (phone && !PHONE.test(phone)) problems.push(['dir-phone', 'Écrivez un numéro français, par exemple : 02 40 00 00 00.']);
  if (email && !EMAIL.test(email)) problems.push(['dir-email', 'Écrivez une adresse e-mail, par exemple : contact@exemple.fr.']);
  if (web && !WEB.test(web)) problems.push(['dir-web', 'Écrivez l’adresse du site en entier, en commençant par https://']);
  const finess = value('dir-finess').toUpperCase();
  if (finess && !FINESS.test(finess)) problems.push(['dir-finess', 'Le numéro FINESS a 9 caractères, par exemple : 440099001.']);
  const hours = value('dir-hours');
  const source = { kind: value('dir-source-kind'), ...(finess ? { finess } : {}), at: today() };
  return {
    problems,
    fields: { name, territory, ...(code ? { commune: { code, name: communeName } } : {}), contact: { phone: phone || null, email: email || null, web: web || null }, ...(hours ? { hours } : {}), source },
  };
}

/**
 * Opens the form in `container`. options: organisation (null: a new one), territory, idsInUse (every
 * id of the directory), save(organisation) (throws the API's refusal), problemOf(error), cancel().
 */
export function openOrganisationForm(container, options) {
  const before = options.organisation;
  const territory = before ? before.territory : options.territory;
  let keys = 0;
  clear(container);
  const offers = el('div', { id: 'dir-offers' });
  const renumber = () =>
    [...offers.children].forEach((fieldset, index) => {
      fieldset.querySelector('legend').textContent = `Offre ${index + 1}`;
    });
  const removeOffer = (fieldset) => {
    fieldset.remove();
    renumber();
    offers.querySelector('input').focus();
  };
  const addOffer = (offer) => {
    const fieldset = offerFieldset(++keys, offers.children.length + 1, offer, removeOffer);
    if (offer) fieldset.dataset.offerId = offer.id;
    offers.appendChild(fieldset);
    return fieldset;
  };
  (before ? before.offers : [null]).forEach(addOffer);
  const title = el('h3', { id: 'directory-form-title', className: 'fr-h5', tabindex: '-1', text: before ? `Modifier « ${before.name} »` : `Ajouter une organisation au ${territory}` });
  const moreOffer = el('button', { type: 'button', className: 'fr-btn fr-btn--sm fr-btn--secondary', text: 'Ajouter une offre' });
  moreOffer.addEventListener('click', () => addOffer(null).querySelector('input').focus());
  const cancel = el('button', { type: 'button', className: 'fr-btn fr-btn--secondary', text: 'Annuler' });
  const form = el('form', { id: 'directory-form', novalidate: true, 'aria-labelledby': 'directory-form-title' }, [
    title,
    el('p', { className: 'fr-hint-text', text: 'Les champs sans la mention « Facultatif » sont obligatoires. L’organisation va dans le brouillon.' }),
    ...fields(before || {}, territory),
    el('h4', { className: 'fr-h6', text: 'Ses offres' }),
    offers,
    el('div', { className: 'button-row fr-mb-2w' }, [moreOffer]),
    el('div', { id: 'directory-form-error', role: 'alert' }),
    el('div', { className: 'button-row' }, [el('button', { type: 'submit', className: 'fr-btn', text: 'Enregistrer l’organisation dans le brouillon' }), cancel]),
  ]);
  cancel.addEventListener('click', () => {
    clear(container);
    options.cancel();
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    errorIn('directory-form-error', '');
    const used = new Set(options.idsInUse);
    const id = before ? before.id : freshId(`${territory.toLowerCase()}-${slug(document.getElementById('dir-name').value)}`, used);
    const read = readFields(territory);
    const readOffers = [...offers.children].map((fieldset) => {
      const old = before && before.offers.find((offer) => offer.id === fieldset.dataset.offerId);
      return readOffer(fieldset, old, (label) => freshId(`${id}-${slug(label)}`, used));
    });
    const problems = [...read.problems, ...readOffers.flatMap((offer) => offer.problems)];
    if (showProblems(problems)) return errorIn('directory-form-error', `L’organisation n’est pas enregistrée. ${problems.map(([, text]) => text).join(' ')}`);
    const organisation = { id, ...read.fields, offers: readOffers.map((offer) => offer.offer) };
    if (before && withoutDay(organisation) === withoutDay(before)) return errorIn('directory-form-error', 'Rien à enregistrer : l’organisation n’a pas changé.');
    try {
      await options.save(organisation);
      clear(container);
    } catch (error) {
      errorIn('directory-form-error', `L’organisation n’est pas enregistrée. ${options.problemOf(error)}`);
    }
  });
  container.appendChild(form);
  title.focus();
}
