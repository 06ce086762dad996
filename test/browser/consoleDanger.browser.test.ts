/**
 * The advisor console in Chromium when a person in a chat of the advisor's territory writes words of
 * danger while the advisor has the chat: the console says it at once (assertive live region), shows
 * an alert naming the danger and the ticket (never the person's words), and the chat shows it too.
 * axe finds no WCAG 2.1 AA violation with the alert on screen.
 */
import type { Page } from 'playwright-core';
import type { Principal } from '../../src/advisors/principal';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { CONSOLE_WAIT as WAIT, expectNoWcagViolations, openConsoleWithToken } from '../support/consolePage';
import { TestClock, startTestApp, testRedis, type RunningTestApp } from '../support/testApp';

const NOW = '2026-11-23T09:00:00.000Z'; // Monday 10:00 in Paris: the 44 CERCLE is open.
const ALICE_44: Principal = { subject: 'alice-44', name: 'Alice', role: 'advisor', territories: ['44'] };

const clock = new TestClock(NOW);
let redis: Awaited<ReturnType<typeof testRedis>>;
let app: RunningTestApp;
let browser: TestBrowser;

beforeAll(async () => {
  redis = await testRedis('console-danger');
  app = await startTestApp({ store: redis.store, keys: redis.keys, clock });
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await redis?.cleanup();
});

/** A chat handed to the advisors of 44 (aidant, logement, 44000, « Oui »), taken live by an advisor. */
async function chatTakenIn44(conversationId: string): Promise<string> {
  const chat = app.app.chat;
  await chat.welcome(conversationId, NOW);
  for (const choice of ['2', '1', '3']) await chat.message({ conversationId, choice, text: choice, at: NOW });
  await chat.message({ conversationId, text: '44000', at: NOW });
  await chat.message({ conversationId, choice: '1', text: 'Oui', at: NOW });
  await chat.setMode(conversationId, 'human');
  const ticket = await app.app.tickets.getByConversation(conversationId);
  if (!ticket) throw new Error('no ticket after the hand-off');
  return ticket.ref;
}

/**
 * Alice's console, signed in and live; a chat of 44 handed off and taken by her, then `words` written in
 * it; `steps` get the page and the ticket's ref. The page raises no error; the context is closed.
 */
async function onAlicesConsoleAfter(conversationId: string, words: string, steps: (page: Page, ref: string) => Promise<void>): Promise<void> {
  const tab = await openConsoleWithToken(browser, app.httpBase, ALICE_44);
  try {
    const ref = await chatTakenIn44(conversationId);
    await app.app.chat.message({ conversationId, text: words, at: NOW });
    await steps(tab.page, ref);
    expect(tab.errors).toEqual([]);
  } finally {
    await tab.context.close();
  }
}

/** « Ouvrir le dossier » on the alert: the ticket opens, its summary says `summary`. */
async function openTicketFromAlert(page: Page, ref: string, summary: string): Promise<void> {
  await page.locator('#danger-alert-open').click();
  await page.locator('#ticket-title', { hasText: `Dossier ${ref}` }).waitFor({ timeout: WAIT });
  await page.locator('#ticket-summary', { hasText: summary }).waitFor({ timeout: WAIT });
}

it(
  'When the person writes words of danger while an advisor of 44 has the chat, then the console announces it assertively and shows an alert naming the danger, never the words',
  () =>
    onAlicesConsoleAfter('conv-danger-browser', "j'ai mis de côté mes cachets, ce soir ce sera fini", async (page, ref) => {
      const alert = page.locator('#danger-alert');
      await alert.locator('#danger-alert-text', { hasText: 'Danger : suicide.' }).waitFor({ timeout: WAIT });
      await expect(alert.textContent()).resolves.toContain(ref);
      await expect(alert.textContent()).resolves.not.toContain('cachets');
      await page.locator('#announcer', { hasText: 'Alerte danger dans un chat. Danger : suicide.' }).waitFor({ timeout: WAIT });
      expect(await page.locator('#announcer').getAttribute('aria-live')).toBe('assertive');
      await expectNoWcagViolations(page, 'with the danger alert');

      // « Ouvrir le dossier »: the ticket, a priority, with its danger.
      await openTicketFromAlert(page, ref, 'danger : suicide');
      expect(await alert.isHidden()).toBe(true);
    }),
  90_000,
);

it(
  'When the second-stage question is asked while an advisor of 44 has the chat, then the console announces a doubt at once, says it is not a confirmed danger, and the ticket says so',
  () =>
    onAlicesConsoleAfter('conv-doubt-browser', 'mon copain est jaloux il regarde mon téléphone', async (page, ref) => {
      const alert = page.locator('#danger-alert');
      await alert.locator('#danger-alert-text', { hasText: 'Danger possible : violences dans le couple.' }).waitFor({ timeout: WAIT });
      await expect(alert.locator('#danger-alert-title').textContent()).resolves.toBe('Doute : danger possible dans un chat');
      await expect(alert.textContent()).resolves.toContain('Ce n’est pas un danger confirmé');
      await expect(alert.textContent()).resolves.toContain(ref);
      await expect(alert.textContent()).resolves.not.toContain('jaloux');
      await page.locator('#announcer', { hasText: 'Doute de danger dans un chat. Danger possible : violences dans le couple.' }).waitFor({ timeout: WAIT });

      await openTicketFromAlert(page, ref, 'doute de danger : violences dans le couple');
    }),
  90_000,
);
