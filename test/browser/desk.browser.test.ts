/**
 * The advisors' desk in a real browser (Chromium, playwright-core), on the real app and a real Redis:
 * presence and one waiting list. Two advisors of 44 sign in; Bruno goes « En pause ». A call, a
 * callback and then a priority chat wait for 44: Alice, available, is told of the priority chat
 * (assertive live region, a distinct title, a visible alert); Bruno, paused, sees the same list without
 * any alert. The list shows each contact once, priority first, with its waiting time. A coordinator
 * sees who is available in 44 in a table. axe finds no WCAG 2.1 AA violation on these screens.
 * No sleeps: every step waits for what a person would wait for.
 */
import { randomBytes } from 'node:crypto';
import type { Principal } from '../../src/advisors/principal';
import { sealText } from '../../src/security/seal';
import { ticketRefFor } from '../../src/tickets/ref';
import type { Ticket } from '../../src/tickets/ticket';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { expectNoWcagViolations, openConsoleWithToken, type ConsoleTab } from '../support/consolePage';
import { priorityChatTo44, until } from '../support/publicChat';
import { TEST_DATA_KEY, TestClock, advisorToken, startTestApp, testRedis, type RunningTestApp } from '../support/testApp';

const BROWSER_TEST_TIMEOUT = 90_000;
const WAIT = 15_000;
const NOW = '2026-11-23T09:00:00.000Z'; // Monday 10:00 in Paris: the 44 CERCLE is open.
const BASE_TITLE = 'Orientation 360 — Espace conseillers';

const ALICE_44: Principal = { subject: 'alice-44', name: 'Alice', role: 'advisor', territories: ['44'] };
const BRUNO_44: Principal = { subject: 'bruno-44', name: 'Bruno', role: 'advisor', territories: ['44'] };
const DORA_44: Principal = { subject: 'dora-44', name: 'Dora', role: 'coordinator', territories: ['44', '85'] };

const clock = new TestClock(NOW);
let redis: Awaited<ReturnType<typeof testRedis>>;
let app: RunningTestApp;
let browser: TestBrowser;

beforeAll(async () => {
  redis = await testRedis('desk-browser');
  app = await startTestApp({ store: redis.store, keys: redis.keys, clock });
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await redis?.cleanup();
});

const openDesk = (principal: Principal): Promise<ConsoleTab> => openConsoleWithToken(browser, app.httpBase, principal);

/** The presence the server holds for 44, as the coordinator's API gives it. */
async function presenceIn44(): Promise<Record<string, string>> {
  const response = await fetch(`${app.httpBase}/api/advisor/presence?territory=44`, { headers: { authorization: `Bearer ${await advisorToken(DORA_44)}` } });
  const body = (await response.json()) as { advisors: Array<{ subject: string; state: string }> };
  return Object.fromEntries(body.advisors.map((a) => [a.subject, a.state]));
}

function ticketOf44(kind: 'routed' | 'callback'): Promise<Ticket> {
  const conversationId = `CA${randomBytes(16).toString('hex')}`;
  return app.app.tickets.createOrUpdate({
    ref: ticketRefFor('44', conversationId),
    channel: 'voice',
    kind,
    profile: 'personne',
    need: 'sante',
    departement: '44',
    territoryName: 'Communauté 360 Loire-Atlantique',
    priority: 'normale',
    choices: [{ step: 'profile', value: 'personne', via: 'dtmf' }],
    conversationId,
    ...(kind === 'callback'
      ? { callback: { contact: 'phone' as const, numberSealed: sealText(TEST_DATA_KEY, '+33612345678'), lastDigits: '78', consent: true as const, requestedAt: NOW } }
      : {}),
  });
}

describe('the advisors’ desk in Chromium', () => {
  it(
    'When a priority chat arrives for 44, then the available advisor is alerted (assertive, distinct title) and the paused one only sees it in the list; each contact shows once, priority first, with its waiting time; the coordinator sees who is available; axe finds no violation',
    async () => {
      const alice = await openDesk(ALICE_44);
      const bruno = await openDesk(BRUNO_44);
      const dora = await openDesk(DORA_44);
      try {
        // Presence: Alice available (the default), Bruno goes on a break; the server knows both.
        await alice.page.locator('#presence-state-text', { hasText: 'Vous êtes disponible pour 2 chats à la fois' }).waitFor();
        await bruno.page.getByLabel('Ma disponibilité').selectOption('paused');
        await bruno.page.locator('#presence-state-text', { hasText: 'Vous êtes en pause' }).waitFor();
        await until(async () => {
          const seen = await presenceIn44();
          return seen['alice-44'] === 'available' && seen['bruno-44'] === 'paused';
        }, 'Alice available and Bruno paused on the server');
        await expectNoWcagViolations(alice.page, 'signed in with the presence panel');

        // A call and a callback wait first (normal priority).
        const call = await ticketOf44('routed');
        const callback = await ticketOf44('callback');
        for (const desk of [alice, bruno]) {
          await desk.page.locator(`#waiting-list li[data-ref="${call.ref}"]`).waitFor({ timeout: WAIT });
          await desk.page.locator(`#waiting-list li[data-ref="${callback.ref}"]`).waitFor({ timeout: WAIT });
        }

        // Then a priority chat.
        const { ref: chatRef } = await priorityChatTo44(app.httpBase);
        await alice.page.locator('#announcer', { hasText: 'Contact prioritaire en attente : un chat.' }).waitFor({ timeout: WAIT });
        expect(await alice.page.locator('#announcer').getAttribute('aria-live')).toBe('assertive');
        expect(await alice.page.title()).toBe(`Prioritaire en attente — ${BASE_TITLE}`);
        await alice.page.locator('#new-contact', { hasText: 'Contact prioritaire en attente' }).waitFor();

        // Bruno, paused, sees it in the list but is not alerted.
        await bruno.page.locator(`#waiting-list li[data-ref="${chatRef}"]`).waitFor({ timeout: WAIT });
        await alice.page.locator(`#waiting-list li[data-ref="${chatRef}"]`).waitFor({ timeout: WAIT });
        expect(await bruno.page.locator('#announcer').innerText()).not.toContain('Contact prioritaire');
        expect(await bruno.page.locator('#announcer-polite').innerText()).not.toContain('Nouveau contact');
        expect(await bruno.page.title()).toBe(BASE_TITLE);
        expect(await bruno.page.locator('#new-contact').isHidden()).toBe(true);

        // One list, each contact once in the whole desk, priority first, then the longest wait.
        for (const desk of [alice, bruno]) {
          const refs = await desk.page.locator('#waiting-list > li').evaluateAll((items) => items.map((item) => item.getAttribute('data-ref')));
          expect(refs).toEqual([chatRef, call.ref, callback.ref]);
          for (const ref of [chatRef, call.ref, callback.ref]) expect(await desk.page.locator(`#workspace li[data-ref="${ref}"]`).count()).toBe(1);
          await desk.page.locator('#waiting-count', { hasText: '(3)' }).waitFor();
          expect(await desk.page.locator(`#waiting-list li[data-ref="${chatRef}"]`).innerText()).toMatch(/Prioritaire[^]*Attend depuis /i);
          expect(await desk.page.locator(`#waiting-list li[data-ref="${callback.ref}"]`).innerText()).toContain('Numéro à rappeler : +33612345678');
        }
        await expectNoWcagViolations(alice.page, 'with a priority contact announced and the waiting list');

        // Alice takes the chat: it leaves the waiting list for her chats; the priority alert ends, the
        // title still counts the two contacts she was told of and that still wait.
        await alice.page.getByRole('button', { name: `Prendre le chat ${chatRef}` }).click();
        await alice.page.locator(`#my-chats-list li[data-ref="${chatRef}"]`).waitFor({ timeout: WAIT });
        await bruno.page.locator(`#waiting-list li[data-ref="${chatRef}"]`).waitFor({ state: 'detached', timeout: WAIT });
        await until(async () => (await alice.page.title()) === `(2) Nouveau contact — ${BASE_TITLE}`, 'the title to count the two contacts still waiting');
        expect(await alice.page.locator('#new-contact').isHidden()).toBe(true);

        // The coordinator sees who is available in 44.
        await dora.page.getByLabel('Département de l’équipe').selectOption('44');
        await dora.page.getByRole('button', { name: 'Voir qui est disponible' }).click();
        const table = dora.page.locator('#team-content table');
        await table.waitFor({ timeout: WAIT });
        await table.locator('tr', { hasText: 'Alice' }).filter({ hasText: 'Disponible' }).waitFor();
        await table.locator('tr', { hasText: 'Bruno' }).filter({ hasText: 'En pause' }).waitFor();
        await expectNoWcagViolations(dora.page, 'with the team’s availability table');

        expect({ alice: alice.errors, bruno: bruno.errors, dora: dora.errors }).toEqual({ alice: [], bruno: [], dora: [] });
      } finally {
        await Promise.all([alice.context.close(), bruno.context.close(), dora.context.close()]);
      }
    },
    BROWSER_TEST_TIMEOUT,
  );

  it(
    'When an advisor searches and filters the open tickets and uses the keyboard shortcuts, then the list narrows to what she asked, the shortcuts move the focus or pause her, and their help is visible',
    async () => {
      const alice = await openDesk(ALICE_44);
      try {
        const token = await advisorToken(ALICE_44);
        const take = async (ticket: Ticket) => {
          const answer = await fetch(`${app.httpBase}/api/advisor/tickets/${ticket.ref}/take`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
          expect(answer.status).toBe(200);
        };
        const first = await ticketOf44('routed');
        const second = await ticketOf44('routed');
        const waiting = await ticketOf44('routed');
        await take(first);
        await take(second);
        const open = alice.page.locator('#open-list');
        await open.locator(`li[data-ref="${first.ref}"]`).waitFor({ timeout: WAIT });
        await open.locator(`li[data-ref="${second.ref}"]`).waitFor({ timeout: WAIT });
        await alice.page.locator(`#waiting-list li[data-ref="${waiting.ref}"]`).waitFor({ timeout: WAIT });

        // The help lists the shortcuts.
        await alice.page.getByText('Raccourcis clavier').click();
        await alice.page.getByText('rechercher un dossier').waitFor();

        // Alt+Maj+R: the search field; part of a reference keeps that ticket only.
        await alice.page.keyboard.press('Alt+Shift+KeyR');
        await until(() => alice.page.locator('#filter-ref').evaluate((field) => field === field.ownerDocument.activeElement), 'the search field to have the focus');
        await alice.page.keyboard.type(second.ref.slice(-6).toLowerCase());
        await open.locator(`li[data-ref="${first.ref}"]`).waitFor({ state: 'detached', timeout: WAIT });
        expect(await open.locator('li').count()).toBe(1);
        await alice.page.locator('#open-count', { hasText: '(1 sur ' }).waitFor();
        // A status no open ticket has: the list is empty, and says so.
        await alice.page.getByRole('button', { name: 'Effacer les filtres' }).click();
        await open.locator(`li[data-ref="${first.ref}"]`).waitFor({ timeout: WAIT });
        await alice.page.getByLabel('État', { exact: true }).selectOption({ label: 'N2 : inscrit au staff territorial' });
        await alice.page.locator('#open-empty').waitFor({ state: 'visible', timeout: WAIT });
        await alice.page.getByLabel('État', { exact: true }).selectOption({ label: 'Pris en charge' });
        await open.locator(`li[data-ref="${second.ref}"]`).waitFor({ timeout: WAIT });
        await alice.page.getByLabel('Besoin', { exact: true }).selectOption({ label: 'Se loger' });
        await alice.page.locator('#open-empty').waitFor({ state: 'visible', timeout: WAIT });
        await expectNoWcagViolations(alice.page, 'with filters applied');

        // Alt+Maj+E: the first waiting contact; Alt+Maj+P: a break, known to the server.
        await alice.page.keyboard.press('Alt+Shift+KeyE');
        await alice.page.waitForFunction(`document.activeElement && document.activeElement.textContent === ${JSON.stringify(`Voir le dossier ${waiting.ref}`)}`, undefined, { timeout: WAIT });
        await alice.page.keyboard.press('Alt+Shift+KeyP');
        await alice.page.locator('#presence-state-text', { hasText: 'Vous êtes en pause' }).waitFor();
        await until(async () => (await presenceIn44())['alice-44'] === 'paused', 'Alice paused on the server');
        expect(alice.errors).toEqual([]);
      } finally {
        await alice.context.close();
      }
    },
    BROWSER_TEST_TIMEOUT,
  );
});
