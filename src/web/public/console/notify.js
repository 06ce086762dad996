/* Telling an advisor that someone new is waiting: the document title, an optional sound (off by
   default), a system notification if they allowed it, a visible line and an aria-live message; a
   priority contact louder (assertive, a distinct title, a longer sound). Only an available advisor
   with room for one more chat is told: a paused or offline one still sees the list, without alerts.
   Notifications and sounds say nothing personal: no name, no need, no place. */
import { $, announce, el, clear } from './dom.js';
import { state } from './state.js';
import { atCapacity, waitKey } from './waiting.js';

export const BASE_TITLE = 'Orientation 360 — Espace conseillers';
const SOUND_KEY = 'o360.console.sound';
const seen = new Set();
/** The contacts announced and still waiting (ref → priority?): the title counts them. */
const announced = new Map();
/** The refs of the contacts the visible banner speaks of. */
let bannerRefs = [];
let primed = false;

export function resetAnnouncements() {
  seen.clear();
  announced.clear();
  primed = false;
  calm();
}

/** Back to the plain title and no banner (the advisor is looking, or nobody waits any more). */
export function calm() {
  document.title = BASE_TITLE;
  hideBanner();
}

function hideBanner() {
  bannerRefs = [];
  clear($('new-contact'));
  $('new-contact').hidden = true;
}

/** The title says what still waits of what was announced: a priority contact first, else how many. */
function updateTitle() {
  if (announced.size === 0) {
    calm();
    return;
  }
  const priority = [...announced.values()].some(Boolean);
  document.title = priority ? `Prioritaire en attente — ${BASE_TITLE}` : `(${announced.size}) Nouveau contact — ${BASE_TITLE}`;
  if (!bannerRefs.some((ref) => announced.has(ref))) hideBanner();
}

function soundOn() {
  return window.localStorage.getItem(SOUND_KEY) === 'on';
}

function beep(priority) {
  const Context = window.AudioContext || window.webkitAudioContext;
  if (!Context) return;
  const context = new Context();
  const tones = priority ? [880, 660, 880] : [660];
  tones.forEach((frequency, i) => {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.value = 0.15;
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(context.currentTime + i * 0.3);
    oscillator.stop(context.currentTime + i * 0.3 + 0.25);
    if (i === tones.length - 1) oscillator.onended = () => context.close();
  });
}

function systemNotification(text) {
  if (!('Notification' in window) || Notification.permission !== 'granted') return;
  try {
    new Notification(BASE_TITLE, { body: text, tag: 'o360-waiting' });
  } catch {
    // Some browsers only notify from a service worker: the other signals remain.
  }
}

/** May this advisor be offered this contact now? */
function offeredTo(view) {
  if (state.presence.state !== 'available') return false;
  if (view.ticket.channel === 'chat' && view.ticket.kind !== 'callback' && !view.reminder) return !atCapacity();
  return true;
}

function kindOf(view) {
  if (view.reminder) return 'rappel dû';
  return view.ticket.kind === 'callback' ? 'rappel' : view.ticket.channel === 'chat' ? 'chat' : 'appel';
}

/** Called with the whole waiting list after each refresh: announces the contacts not seen before. */
export function noticeWaiting(items) {
  const fresh = items.filter((view) => !seen.has(waitKey(view)));
  items.forEach((view) => seen.add(waitKey(view)));
  const waiting = new Set(items.map(waitKey));
  [...announced.keys()].forEach((ref) => {
    if (!waiting.has(ref)) announced.delete(ref);
  });
  updateTitle();
  if (!primed) {
    primed = true;
    return;
  }
  const offered = fresh.filter(offeredTo);
  if (offered.length === 0) return;
  offered.forEach((view) => announced.set(waitKey(view), view.ticket.priority === 'prioritaire'));
  const priority = offered.some((view) => view.ticket.priority === 'prioritaire');
  const what = offered.length === 1 ? kindOf(offered[0]) : null;
  const text = priority
    ? `Contact prioritaire en attente${what ? ` : un ${what}` : ''}. Il est en haut de la liste « En attente ».`
    : `Nouveau contact en attente${what ? ` : un ${what}` : ''}. Il est dans la liste « En attente ».`;
  updateTitle();
  const banner = $('new-contact');
  bannerRefs = offered.map(waitKey);
  clear(banner);
  banner.appendChild(el('div', { className: `fr-alert fr-alert--sm ${priority ? 'fr-alert--warning' : 'fr-alert--info'}` }, [el('p', { text })]));
  banner.hidden = false;
  announce(text, { polite: !priority });
  if (soundOn()) beep(priority);
  systemNotification(priority ? 'Un contact prioritaire attend.' : 'Un nouveau contact attend.');
}

/** The sound toggle and the notification permission button. */
export function setupAlerts() {
  const toggle = $('sound-toggle');
  toggle.checked = soundOn();
  toggle.addEventListener('change', () => window.localStorage.setItem(SOUND_KEY, toggle.checked ? 'on' : 'off'));
  const allow = $('notifications-allow');
  const hint = $('notifications-state');
  function show() {
    const supported = 'Notification' in window;
    allow.hidden = !supported || Notification.permission !== 'default';
    hint.textContent = !supported
      ? 'Ce navigateur n’affiche pas de notifications.'
      : Notification.permission === 'granted'
        ? 'Notifications du système : activées.'
        : Notification.permission === 'denied'
          ? 'Notifications du système : refusées dans le navigateur.'
          : '';
  }
  allow.addEventListener('click', () => {
    Notification.requestPermission().then(show, show);
  });
  show();
  // The advisor is back on the page: the banner has done its job; the title keeps counting.
  window.addEventListener('focus', hideBanner);
}
