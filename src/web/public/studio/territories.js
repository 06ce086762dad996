/* The territories of the person signed in (every territory for the national team): each one's name
   and where its calls go; the one chosen is shown in the hours editor. */
import { $, clear, el } from '../console/dom.js';
import { on, showTerritory, studio } from './state.js';

function codesOf(me) {
  return me.territories === 'all' ? Object.keys(studio.territories).sort() : me.territories.filter((code) => studio.territories[code]);
}

function target(territory) {
  const to = territory.target || {};
  if (to.type === 'queue') return `file « ${to.name} »`;
  if (to.type === 'dial') return `transfert vers ${to.number || to.sip}`;
  if (to.type === 'workflow') return 'TaskRouter';
  return 'aucune destination';
}

function render() {
  const codes = codesOf(studio.me);
  const list = $('territory-list');
  clear(list);
  // The national team has every territory: only the list to choose from, not 100 lines.
  if (studio.me.territories !== 'all') codes.forEach((code) => list.appendChild(el('li', { text: `${code} : ${studio.territories[code].name || code}, appels vers la ${target(studio.territories[code])}` })));
  else list.appendChild(el('li', { text: 'Tous les territoires (équipe nationale).' }));
  const select = $('territory');
  const chosen = studio.code && codes.includes(studio.code) ? studio.code : codes[0];
  clear(select);
  codes.forEach((code) => select.appendChild(el('option', { value: code, text: `${code} — ${studio.territories[code].name || code}`, selected: code === chosen })));
  if (chosen) showTerritory(chosen);
}

export function setupTerritories() {
  $('territory').addEventListener('change', (event) => showTerritory(event.target.value));
  on('published', render);
}
