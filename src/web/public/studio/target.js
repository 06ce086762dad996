/* Where calls go (a routing target), as a coordinator chooses it: a queue of advisors, a phone
   number, a SIP address or a TaskRouter workflow; read back in the shape the API accepts. */
import { el } from '../console/dom.js';
import { inputGroup, select, textInput } from './form.js';

const KINDS = [
  ['queue', 'Une file d’attente de conseillers', 'Le nom de la file, par exemple : cercle-44.', /^\S{1,64}$/, 'Le nom de la file : sans espace, 64 caractères au plus.'],
  ['number', 'Un numéro de téléphone', 'Au format international, par exemple : +33240000000.', /^\+[1-9]\d{6,14}$/, 'Écrivez le numéro au format international, par exemple : +33240000000.'],
  ['sip', 'Une adresse SIP', 'Par exemple : sip:cercle@exemple.fr.', /^sips?:[^\s@]+@\S+$/, 'Écrivez l’adresse SIP ainsi : sip:cercle@exemple.fr.'],
  ['workflow', 'La répartition TaskRouter de Twilio', 'L’identifiant du workflow : WW suivi de 32 caractères.', /^WW[0-9a-f]{32}$/, 'L’identifiant du workflow commence par WW, suivi de 32 chiffres ou lettres de a à f.'],
];

function kindOf(target) {
  if (!target) return 'queue';
  if (target.type === 'dial') return target.sip ? 'sip' : 'number';
  return target.type;
}

function valueOf(target) {
  if (!target) return '';
  return target.name || target.number || target.sip || target.workflowSid || '';
}

/** The fieldset of a target: its kind, then its name, number or address. */
export function targetFields(prefix, legend, target, readOnly) {
  const kind = kindOf(target);
  const hint = KINDS.find(([name]) => name === kind)[2];
  const kindSelect = select(`${prefix}-kind`, KINDS.map(([name, text]) => [name, text]), kind, { readOnly });
  const value = inputGroup(`${prefix}-value`, 'Nom de la file, numéro ou adresse', hint, textInput(`${prefix}-value`, valueOf(target), { readOnly, maxlength: '200' }));
  kindSelect.addEventListener('change', () => {
    value.querySelector('.fr-hint-text').textContent = KINDS.find(([name]) => name === kindSelect.value)[2];
  });
  return el('fieldset', { className: 'fr-fieldset', id: prefix }, [
    el('legend', { className: 'fr-fieldset__legend fr-text--md', text: legend }),
    el('div', { className: 'fr-fieldset__element' }, [inputGroup(`${prefix}-kind`, 'Vers quoi', null, kindSelect)]),
    el('div', { className: 'fr-fieldset__element' }, [value]),
  ]);
}

/** { target } as the API takes it, or { problem: [field id, French sentence] }. */
export function readTarget(prefix) {
  const kind = document.getElementById(`${prefix}-kind`).value;
  const value = document.getElementById(`${prefix}-value`).value.trim();
  const [, , , pattern, problem] = KINDS.find(([name]) => name === kind);
  if (!pattern.test(value)) return { problem: [`${prefix}-value`, problem] };
  if (kind === 'queue') return { target: { type: 'queue', name: value } };
  if (kind === 'number') return { target: { type: 'dial', number: value } };
  if (kind === 'sip') return { target: { type: 'dial', sip: value } };
  return { target: { type: 'workflow', workflowSid: value } };
}

/** « la file cercle-44 », « le numéro +33… »: where calls go, in words. */
export function targetInWords(target) {
  const to = target || {};
  if (to.type === 'queue') return `la file « ${to.name} »`;
  if (to.type === 'dial') return to.number ? `le numéro ${to.number}` : `l’adresse ${to.sip}`;
  if (to.type === 'workflow') return 'la répartition TaskRouter';
  return 'aucune destination';
}
