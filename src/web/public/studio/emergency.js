/* The two emergencies, which go through no draft and take effect within a second: the crisis switch
   (national team: every call goes to the national team after the crisis message) and the exceptional
   closure of the territory shown (its coordinators, or the national team). Each shows the state now,
   and asks in a dialog for the message heard and the reason (kept in the journal with its author). */
import { $, button, clear, el, message } from '../console/dom.js';
import { frenchProblem, studioApi } from './api.js';
import { openDialog } from './confirm.js';
import { clearErrors, inputGroup, markError, textArea } from './form.js';
import { on, publishedNow, studio } from './state.js';
import { targetInWords } from './target.js';

const REASON_HINT = 'Obligatoire. Elle est gardée dans le journal, avec votre nom.';

/** The panel whose new button takes the focus once drawn again after its switch ('crisis' or 'closure'). */
let focusAfter = null;

/** Draws the panel's button; it takes the focus when the panel's own switch just drew it again. */
function actionButton(panel, text, act, kind) {
  const node = button(text, act, kind);
  if (focusAfter === panel) {
    focusAfter = null;
    window.setTimeout(() => node.focus(), 0);
  }
  return el('p', { className: 'fr-mb-3w' }, [node]);
}

/** The message and reason fields of a dialog; the message only when something is switched on. */
function fieldsOf(prefix, withMessage, messageLabel, messageNow) {
  return [
    withMessage ? inputGroup(`${prefix}-message`, messageLabel, 'Obligatoire. Les personnes qui appellent entendent ce message.', textArea(`${prefix}-message`, messageNow, { rows: '4' })) : null,
    inputGroup(`${prefix}-reason`, 'La raison de ce changement', REASON_HINT, textArea(`${prefix}-reason`, '', { rows: '2' })),
  ].filter(Boolean);
}

/** { message, reason } typed in the dialog, or null after marking what is missing. */
function readDialog(prefix, withMessage) {
  clearErrors($(`dialog-fields-${prefix}`));
  const problems = [];
  const text = withMessage ? $(`${prefix}-message`).value.trim() : undefined;
  const reason = $(`${prefix}-reason`).value.trim();
  if (withMessage && !text) problems.push([`${prefix}-message`, 'Écrivez le message que les personnes entendront.']);
  if (reason.length < 3) problems.push([`${prefix}-reason`, 'Écrivez la raison, en quelques mots (3 caractères au moins).']);
  problems.forEach(([id, sentence]) => markError(id, sentence));
  if (problems.length > 0) {
    $(problems[0][0]).focus();
    return null;
  }
  return { ...(text ? { message: text } : {}), reason };
}

/** Sends the switch; on success, says it and reads the new version; else the dialog shows why. */
async function apply(panel, send, done) {
  try {
    const version = await send();
    focusAfter = panel;
    message($('emergency-status'), `${done} C’est la version ${version.number}, en service maintenant.`, 'success');
    publishedNow(version.number);
    return null;
  } catch (error) {
    return frenchProblem(error);
  }
}

function renderCrisis() {
  const region = $('crisis-panel');
  clear(region);
  if (studio.me.role !== 'national_admin' || !studio.national) return;
  const crisis = studio.national.crisis || {};
  const active = crisis.enabled === true;
  const state = active
    ? `Activée. Tous les appels vont vers ${targetInWords(crisis.target)} après le message : « ${crisis.message} »`
    : 'Désactivée. Les appels suivent les horaires et les destinations des territoires.';
  const act = () =>
    openDialog({
      title: active ? 'Désactiver la bascule de crise' : 'Activer la bascule de crise',
      intro: active ? 'Les appels suivront de nouveau les horaires des territoires, dans une seconde.' : `Dans une seconde, tous les appels iront vers ${targetInWords(crisis.target)}, dans tous les territoires.`,
      fields: [el('div', { id: 'dialog-fields-crisis' }, fieldsOf('crisis', !active, 'Le message entendu au début de chaque appel', crisis.message))],
      confirmText: active ? 'Confirmer : désactiver' : 'Confirmer : activer',
      onConfirm: async () => {
        const typed = readDialog('crisis', !active);
        if (typed === null) return 'Le changement n’est pas fait : corrigez les champs signalés.';
        return apply('crisis', () => studioApi.crisis({ enabled: !active, ...typed, confirm: true }), active ? 'La bascule de crise est désactivée.' : 'La bascule de crise est activée.');
      },
    });
  region.append(
    el('h3', { className: 'fr-h6', text: 'Bascule de crise (tous les territoires)' }),
    el('p', { id: 'crisis-state' }, [el('strong', { text: 'État : ' }), state]),
    actionButton('crisis', active ? 'Désactiver la bascule de crise…' : 'Activer la bascule de crise…', act, active ? 'primary' : 'secondary'),
  );
}

function renderClosure() {
  const region = $('closure-panel');
  clear(region);
  const code = studio.code;
  const territory = studio.territories[code];
  if (!territory) return;
  const closure = territory.closure;
  const state = closure ? `Fermé exceptionnellement. Les personnes entendent : « ${closure.message} »` : 'Pas de fermeture exceptionnelle : le territoire suit ses horaires.';
  const act = () =>
    openDialog({
      title: closure ? `Rouvrir le ${code}` : `Fermer le ${code} exceptionnellement`,
      intro: closure ? `Dans une seconde, les appels du ${code} suivront de nouveau ses horaires.` : `Dans une seconde, les appels du ${code} entendront ce message, même pendant les horaires d’ouverture.`,
      fields: [el('div', { id: 'dialog-fields-closure' }, fieldsOf('closure', !closure, 'Le message entendu par les personnes qui appellent', ''))],
      confirmText: closure ? 'Confirmer : rouvrir' : 'Confirmer : fermer',
      onConfirm: async () => {
        const typed = readDialog('closure', !closure);
        if (typed === null) return 'Le changement n’est pas fait : corrigez les champs signalés.';
        return apply('closure', () => studioApi.closure(code, { closed: !closure, ...typed, confirm: true }), closure ? `Le ${code} suit de nouveau ses horaires.` : `Le ${code} est fermé exceptionnellement.`);
      },
    });
  region.append(
    el('h3', { className: 'fr-h6', text: `Fermeture exceptionnelle du ${code}` }),
    el('p', { id: 'closure-state' }, [el('strong', { text: 'État : ' }), state]),
    actionButton('closure', closure ? `Rouvrir le ${code}…` : `Fermer le ${code} exceptionnellement…`, act, closure ? 'primary' : 'secondary'),
  );
}

export function setupEmergency() {
  on('published', renderCrisis);
  on('territory', renderClosure);
}
