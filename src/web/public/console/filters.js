/* Search and filters of the open tickets: reference, status, level, channel, need, arrived on or after
   a date. Applied in the page to the list the API gave; the selects are built from the vocabulary. */
import { $, clear, el } from './dom.js';
import { send } from './bus.js';
import { entries } from './vocabulary.js';

const SELECTS = [
  ['filter-status', 'statuses'],
  ['filter-level', 'levels'],
  ['filter-channel', 'channels'],
  ['filter-need', 'needs'],
];

export function setupFilters() {
  SELECTS.forEach(([id, group]) => {
    const select = $(id);
    clear(select);
    select.appendChild(el('option', { value: '', text: 'Tous' }));
    entries(group).forEach((entry) => select.appendChild(el('option', { value: entry.id, text: entry.label })));
  });
}

function values() {
  return {
    ref: $('filter-ref').value.trim().toUpperCase(),
    status: $('filter-status').value,
    level: $('filter-level').value,
    channel: $('filter-channel').value,
    need: $('filter-need').value,
    since: $('filter-since').value,
  };
}

/** Paris day (YYYY-MM-DD) of an ISO date-time. */
const PARIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

export function applyFilters(items) {
  const f = values();
  return items.filter(
    (view) =>
      (!f.ref || view.ticket.ref.includes(f.ref)) &&
      (!f.status || view.case.status === f.status) &&
      (!f.level || String(view.case.level) === f.level) &&
      (!f.channel || view.ticket.channel === f.channel) &&
      (!f.need || view.ticket.need === f.need) &&
      (!f.since || PARIS_DAY.format(new Date(view.ticket.createdAt)) >= f.since),
  );
}

$('filters').addEventListener('input', () => send('filters-changed'));
$('filters').addEventListener('change', () => send('filters-changed'));
$('filters').addEventListener('submit', (event) => {
  event.preventDefault();
  send('filters-changed');
});
$('filters-reset').addEventListener('click', () => {
  $('filters').reset();
  send('filters-changed');
  $('filter-ref').focus();
});
