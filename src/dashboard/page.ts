/**
 * The dashboard page (/tableau-de-bord): now, today and the period of one territory, as DSFR tables
 * and charts drawn on the server, each chart followed by its table. French labels from the
 * vocabulary (the same as GET /api/vocabulary), dates the French way. No script.
 */
import { CHANNEL_LABELS, NEED_IDS, NEED_LABELS } from '../domain/vocabulary';
import { barChartHtml, dataTableHtml } from '../pages/charts';
import { escapeHtml, noticeMain, otherTerritoriesNav, pageFrame, type PageLink } from '../pages/frame';
import { addDays } from '../routing/local-time';
import type { DashboardFigures } from './dashboard';
import type { Totals } from './figures';

const SERVICE = 'Tableau de bord du 360';
const TAGLINE = 'Les chiffres du service, sans donnée personnelle';
const number = new Intl.NumberFormat('fr-FR');
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });
const longDate = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortDate = new Intl.DateTimeFormat('fr-FR', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
const dateOf = (day: string) => new Date(`${day}T12:00:00Z`);

/** « lundi 30 novembre 2026 ». */
export const frenchDay = (day: string) => longDate.format(dateOf(day));
const dayLabel = (day: string) => shortDate.format(dateOf(day));
const count = (n: number | null) => (n === null ? '–' : number.format(n));

/** « 45 s », « 2 min », « 1 h 30 min »; « – » when there is nothing to say. */
export function duration(seconds: number | null): string {
  if (seconds === null) return '–';
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return minutes % 60 === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
/** « 48 heures ou moins »; the whole country: each territory's own target. */
const inTime = (target: number | null) => (target === null ? 'le délai de chaque territoire' : `${target} heures ou moins`);
const atMost = (seconds: number | null) => (seconds === null ? '–' : `au plus ${duration(seconds)}`);

/** The period's figures as the rows of one table (today, the period). */
function totalsRows(t: Totals, target: number | null): Array<{ label: string; value: string }> {
  return [
    { label: `${CHANNEL_LABELS.voice}s terminés`, value: count(t.contacts.voice) },
    { label: `${CHANNEL_LABELS.chat}s avec un conseiller ou un rappel`, value: count(t.contacts.chat) },
    { label: 'Contacts en tout', value: count(t.contacts.total) },
    { label: 'Appels répondus par un conseiller', value: count(t.answered) },
    { label: 'Appels abandonnés (menu ou file d’attente)', value: count(t.abandoned) },
    { label: 'Part des appels abandonnés', value: t.abandonedRate === null ? '–' : percent.format(t.abandonedRate) },
    { label: 'Attente dans la file : une personne sur deux', value: atMost(t.waits.p50AtMostSeconds) },
    { label: 'Attente dans la file : neuf personnes sur dix', value: atMost(t.waits.p90AtMostSeconds) },
    { label: 'Rappels demandés', value: count(t.callbacks.requested) },
    { label: 'Rappels faits', value: count(t.callbacks.done) },
    { label: `Rappels faits dans les délais (${inTime(target)})`, value: count(t.callbacks.doneWithinTarget) },
    { label: 'Appels mis en relation avec un conseiller', value: count(t.handoffs.voice) },
    { label: 'Chats mis en relation avec un conseiller', value: count(t.handoffs.chat) },
    { label: 'Chats pris par un conseiller', value: count(t.chats.answered) },
    { label: 'Chats quittés avant la réponse d’un conseiller', value: count(t.chats.abandoned) },
    { label: 'Part des chats quittés avant la réponse', value: t.chats.abandonedRate === null ? '–' : percent.format(t.chats.abandonedRate) },
    { label: 'Chats ouverts (comptés au niveau national)', value: count(t.chatsStarted) },
    { label: 'Questions du chat avec une réponse (niveau national)', value: count(t.faq.answered) },
    { label: 'Questions du chat sans réponse sûre (niveau national)', value: count(t.faq.notSure) },
  ];
}

const needLabel = (id: string) => (id === 'none' ? 'Besoin non précisé' : (NEED_LABELS as Record<string, string>)[id] ?? id);

export interface DashboardPageInput {
  figures: DashboardFigures;
  otherTerritories: PageLink[];
}

export function renderDashboardPage({ figures: f, otherTerritories }: DashboardPageInput): string {
  const name = f.territory === 'all' ? 'France entière' : `${f.territory} ${f.territoryName ?? ''}`.trim();
  const link = (from: string, to: string) => `/tableau-de-bord?territory=${encodeURIComponent(f.territory)}&from=${from}&to=${to}`;
  const span = f.days.length;
  const days = f.days.map((d) => dayLabel(d.day));
  const nowRows = [
    { label: 'Appels en attente', cells: [count(f.now.callsWaiting)] },
    { label: 'Chats en attente d’un conseiller', cells: [count(f.now.chatsWaiting)] },
    { label: 'Attente la plus longue', cells: [duration(f.now.longestWaitSeconds)] },
    { label: 'Rappels à faire', cells: [count(f.now.callbacksToMake)] },
    { label: 'Conseillers disponibles', cells: [count(f.now.advisorsAvailable)] },
    { label: 'Conseillers en pause', cells: [count(f.now.advisorsPaused)] },
  ];
  const today = totalsRows(f.todayTotals, f.callbackTargetHours);
  const period = totalsRows(f.period, f.callbackTargetHours);
  const needs = [...NEED_IDS, 'none'].filter((id) => (f.period.needs[id] ?? 0) > 0);
  const main = `      <h1>Tableau de bord : ${escapeHtml(name)}</h1>
      <p class="fr-text--lead">Du ${frenchDay(f.from)} au ${frenchDay(f.to)}. Aujourd’hui : ${frenchDay(f.today)}.</p>
      <div class="fr-callout fr-mb-4w">
        <h2 class="fr-callout__title">Comment lire ces chiffres</h2>
        <p class="fr-callout__text">Ce sont des nombres de contacts. Ils ne disent rien d’une personne.
        Un appel compte quand il est terminé. L’attente est le temps passé dans la file d’attente du téléphone.
        Chaque graphique est suivi d’un tableau avec les mêmes chiffres.</p>
      </div>
      <ul class="fr-btns-group fr-btns-group--inline-md fr-mb-4w">
        <li><a class="fr-btn fr-btn--secondary" href="${escapeHtml(link(addDays(f.from, -span), addDays(f.from, -1)))}">Les ${span} jours d’avant</a></li>
        <li><a class="fr-btn fr-btn--tertiary" href="/api/dashboard?territory=${encodeURIComponent(f.territory)}&amp;from=${f.from}&amp;to=${f.to}">Les données (JSON)</a></li>
      </ul>
      ${otherTerritoriesNav(otherTerritories)}
      <h2 class="fr-mt-4w">Maintenant</h2>
${dataTableHtml({ id: 'maintenant', caption: 'Maintenant', rowsAre: 'Quoi', columns: ['Nombre ou durée'], rows: nowRows })}
      <h2>Aujourd’hui et sur la période</h2>
${dataTableHtml({
  id: 'totaux',
  caption: `Aujourd’hui et du ${frenchDay(f.from)} au ${frenchDay(f.to)}`,
  rowsAre: 'Quoi',
  columns: ['Aujourd’hui', 'Sur la période'],
  rows: today.map((row, i) => ({ label: row.label, cells: [row.value, period[i]!.value] })),
})}
      <h2>Jour par jour</h2>
${barChartHtml({ id: 'contacts', title: 'Contacts par jour et par canal', rowsAre: 'Jour', rows: days, series: [{ label: 'Appels', values: f.days.map((d) => d.contacts.voice) }, { label: 'Chats', values: f.days.map((d) => d.contacts.chat) }], format: count })}
${barChartHtml({ id: 'reponses', title: 'Appels répondus et abandonnés par jour', rowsAre: 'Jour', rows: days, series: [{ label: 'Répondus', values: f.days.map((d) => d.answered) }, { label: 'Abandonnés', values: f.days.map((d) => d.abandoned) }], format: count })}
${barChartHtml({ id: 'attente', title: 'Attente dans la file par jour (au plus, en secondes)', rowsAre: 'Jour', rows: days, series: [{ label: 'Une personne sur deux', values: f.days.map((d) => d.waits.p50AtMostSeconds) }, { label: 'Neuf sur dix', values: f.days.map((d) => d.waits.p90AtMostSeconds) }], format: (s) => (s === null ? '–' : duration(s)) })}
${barChartHtml({ id: 'rappels', title: `Rappels par jour de la demande : demandés, faits dans les délais (${inTime(f.callbackTargetHours)})`, rowsAre: 'Jour', rows: days, series: [{ label: 'Demandés', values: f.days.map((d) => d.callbacks.requested) }, { label: 'Faits dans le délai', values: f.days.map((d) => d.callbacks.doneWithinTarget) }], format: count })}
      <h2>Besoins</h2>
${needs.length === 0 ? '<p>Aucun contact mis en relation ou rappelé sur la période.</p>' : barChartHtml({ id: 'besoins', title: 'Contacts par besoin sur la période', rowsAre: 'Besoin', rows: needs.map(needLabel), series: [{ label: 'Contacts', values: needs.map((id) => f.period.needs[id] ?? 0) }], format: count })}`;
  return pageFrame({ service: SERVICE, tagline: TAGLINE, title: name, main });
}

/** A short page: not signed in, not allowed. */
export function renderDashboardNotice(title: string, paragraphs: string[], link?: PageLink): string {
  return pageFrame({ service: SERVICE, tagline: TAGLINE, title, main: noticeMain(title, paragraphs, link) });
}
