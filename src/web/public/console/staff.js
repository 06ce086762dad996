/* Staff accounts: coordinators manage the advisors of their départements; national admins, everyone. */
import { api } from './api.js';
import { $, announce, button, clear, el, errorIn } from './dom.js';
import { frenchError } from './errors.js';
import { state } from './state.js';
import { entries, label } from './vocabulary.js';

export function territoriesText(territories) {
  return territories === 'all' ? 'tous les territoires' : territories.join(', ');
}

export function showStaff(me) {
  clear($('staff-list'));
  errorIn('staff-error', '');
  if (!me || me.role === 'advisor') {
    $('staff').hidden = true;
    return;
  }
  $('staff').hidden = false;
  const select = $('staff-role');
  clear(select);
  entries('roles')
    .filter((role) => me.role === 'national_admin' || role.id === 'advisor')
    .forEach((role) => select.appendChild(el('option', { value: role.id, text: role.label })));
  $('staff-hint').textContent = me.role === 'national_admin' ? 'Vous gérez tous les comptes.' : 'Vous gérez les conseillers de vos départements.';
  loadStaff();
}

async function loadStaff() {
  const me = state.me;
  let answer;
  try {
    answer = await api('GET', '/api/admin/staff');
  } catch (error) {
    errorIn('staff-error', frenchError(error));
    return;
  }
  if (state.me !== me) return;
  const list = $('staff-list');
  clear(list);
  answer.accounts.forEach((account) => {
    const own = account.subject !== undefined && account.subject === me.subject;
    const remove = own
      ? null
      : button(
          'Retirer',
          () =>
            api('DELETE', `/api/admin/staff/${encodeURIComponent(account.email)}`).then(
              () => {
                announce(`Compte retiré : ${account.email}.`);
                loadStaff();
              },
              (error) => errorIn('staff-error', frenchError(error)),
            ),
          'tertiary',
        );
    if (remove) remove.setAttribute('aria-label', `Retirer le compte ${account.email}`);
    list.appendChild(
      el('li', { className: 'card' }, [
        el('p', { className: 'card-title', text: (account.name ? `${account.name} – ` : '') + account.email }),
        el('p', { text: `${label('roles', account.role)}, ${territoriesText(account.territories)}${own ? ' (vous)' : ''}` }),
        account.maxChats ? el('p', { text: `${account.maxChats} chat${account.maxChats > 1 ? 's' : ''} en même temps au plus` }) : null,
        remove,
      ]),
    );
  });
}

$('staff-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const email = $('staff-email').value.trim();
  const role = $('staff-role').value;
  const codes = $('staff-territories').value.split(/[\s,;]+/).filter(Boolean).map((code) => code.toUpperCase());
  if (!email) {
    errorIn('staff-error', 'Écrivez l’adresse e-mail de la personne.');
    $('staff-email').focus();
    return;
  }
  const most = $('staff-max-chats').value.trim();
  const maxChats = Number(most);
  if (most && !(Number.isInteger(maxChats) && maxChats >= 1 && maxChats <= 10)) {
    errorIn('staff-error', 'Le nombre de chats en même temps va de 1 à 10.');
    $('staff-max-chats').focus();
    return;
  }
  if (role !== 'national_admin' && codes.length === 0) {
    errorIn('staff-error', 'Écrivez au moins un département, par exemple 44.');
    $('staff-territories').focus();
    return;
  }
  errorIn('staff-error', '');
  try {
    const account = await api('POST', '/api/admin/staff', { email, role, territories: role === 'national_admin' ? 'all' : codes, ...(most ? { maxChats } : {}) });
    announce(`Compte ajouté : ${account.email}.`);
    $('staff-email').value = '';
    $('staff-territories').value = '';
    $('staff-max-chats').value = '';
    loadStaff();
  } catch (error) {
    errorIn('staff-error', frenchError(error));
    $('staff-email').focus();
  }
});
