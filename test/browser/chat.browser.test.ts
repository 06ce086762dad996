/**
 * The chat page in a real browser: Debian's Chromium (playwright-core) opens `/`, the official Web Chat
 * bundle talks to our own Direct Line and bot. A person asks a question in free text, orients by
 * clicking and typing, and is handed to an advisor of their département with a ticket reference;
 * axe finds no WCAG 2.1 AA violation. At 200 % zoom nothing scrolls sideways, and the keyboard alone
 * reaches « Parler à un conseiller » and the send box.
 * No sleeps: every step waits for what the person would wait for (the bot's next message).
 */
import { createMemoryStore } from '../../src/storage/memory-store';
import { createStoreKeys } from '../../src/storage/keys';
import { launchBrowser, type TestBrowser } from '../support/browser';
import {
  BROWSER_TEST_TIMEOUT,
  botAnswers,
  expectNoWcagViolations,
  focusRing,
  openChat as openChatAt,
  pageHumanButton,
  sendBox,
  suggested,
  tabUntil,
  typeAndSend,
} from '../support/chatPage';
import { TIMES } from '../support/config';
import { TestClock, startTestApp, type RunningTestApp } from '../support/testApp';

const TICKET_44 = /numéro de dossier est :\s+T-44-[0-9A-Z]{6}/;
declare const document: { activeElement: { blur?(): void } | null; documentElement: { scrollWidth: number; clientWidth: number } };
declare const window: { devicePixelRatio: number; scrollTo(x: number, y: number): void };

const clock = new TestClock(TIMES.mondayMorningParis);
let app: RunningTestApp;
let browser: TestBrowser;

beforeAll(async () => {
  app = await startTestApp({ store: createMemoryStore(clock), keys: createStoreKeys('browser'), clock });
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});
const openChat = (page: Parameters<typeof openChatAt>[0]) => openChatAt(page, app.httpBase);

describe('the chat page in Chromium', () => {
  it(
    'When a person asks a question, orients by clicking and typing a postcode, and confirms, then an advisor of their département takes over with a ticket reference, and axe finds no WCAG 2.1 AA violation',
    async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      try {
        await openChat(page);
        expect(await pageHumanButton(page).isVisible()).toBe(true);

        // A question in free text first: answered with its source, then the question the bot asked comes back.
        const answer = await botAnswers(page, () => typeAndSend(page, "c'est quoi l'AAH ?"), /allocation aux adultes handicapés/i, /Source :/, /Vous écrivez pour qui \?/);
        expect(answer).toContain('Source :');

        // Orientation by clicking (suggested actions), then a postcode typed in the send box.
        await botAnswers(page, () => suggested(page, 'Pour un proche que vous aidez').click(), /De quoi avez-vous besoin \?/);
        await botAnswers(page, () => suggested(page, "Se laver, manger, se déplacer, le logement, l'argent").click(), /Précisez votre besoin/);
        await botAnswers(page, () => suggested(page, 'Se loger').click(), /code postal/);
        const confirmation = await botAnswers(page, () => typeAndSend(page, '44000'), /Loire-Atlantique/);
        expect(confirmation).toContain('Loire-Atlantique');
        await suggested(page, 'Oui').waitFor();
        // The person's own messages are in the transcript too.
        await page.locator('#webchat .webchat__bubble--from-user', { hasText: '44000' }).waitFor();

        // Mid-conversation: user and bot bubbles, suggested actions, the send box with text.
        await expectNoWcagViolations(page, 'with a conversation and suggested actions on screen');

        // « Oui »: the hand-off to the territory, with the ticket reference.
        const handed = await botAnswers(page, () => suggested(page, 'Oui').click(), TICKET_44);
        expect(handed).toMatch(TICKET_44);
        expect(handed).toContain('conseiller de votre département');
        expect(await page.locator('#webchat').innerText()).toMatch(TICKET_44);

        await expectNoWcagViolations(page, 'after the hand-off');
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    BROWSER_TEST_TIMEOUT,
  );

  it(
    'When the page is zoomed to 200 %, then nothing scrolls sideways, and the keyboard alone asks a question and reaches « Parler à un conseiller », which hands over with a ticket reference',
    async () => {
      // 200 % zoom of a 1280 × 800 screen: 640 × 400 CSS pixels, two device pixels each.
      const context = await browser.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      try {
        await openChat(page);

        const overflow = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
          devicePixelRatio: window.devicePixelRatio,
        }));
        expect(overflow.devicePixelRatio).toBe(2);
        expect({ ...overflow, scrollsSideways: overflow.scrollWidth > overflow.clientWidth }).toMatchObject({ scrollsSideways: false });
        for (const [name, element] of [
          ['« Parler à un conseiller »', pageHumanButton(page)],
          ['the send box', sendBox(page)],
        ] as const) {
          await element.scrollIntoViewIfNeeded();
          const box = await element.boundingBox();
          const seen = { visible: await element.isVisible(), left: box?.x ?? NaN, right: (box?.x ?? NaN) + (box?.width ?? NaN), height: box?.height ?? 0 };
          // Visible, with some height, and wholly inside the width of the window.
          expect({ name, fits: seen.visible && seen.height > 0 && seen.left >= 0 && seen.right <= overflow.clientWidth, ...seen }).toMatchObject({ name, fits: true });
        }

        // Keyboard only, from the top of the page: Tab reaches the button (after the skip link)…
        await page.evaluate(() => document.activeElement?.blur?.());
        await page.evaluate(() => window.scrollTo(0, 0));
        const tabsToButton = await tabUntil(page, 'Tab', (f) => f?.id === 'ask-human', '« Parler à un conseiller »');
        // DSFR's two skip links and the service's name (a link home) come first.
        expect(tabsToButton).toBeLessThanOrEqual(4);
        // DSFR's focus ring on its buttons (2 px, its focus blue); ours, 3 px, on Web Chat's send box.
        expect(await focusRing(page)).toMatchObject({ style: 'solid', width: 2, color: 'rgb(10, 118, 246)' });
        // …then the send box; typing and Enter send.
        await tabUntil(page, 'Tab', (f) => f?.dataId === 'webchat-sendbox-input', 'the send box');
        expect(await focusRing(page)).toMatchObject({ style: 'solid', width: 3 });
        await botAnswers(
          page,
          async () => {
            await page.keyboard.type('c’est quoi la PCH ?');
            await page.keyboard.press('Enter');
          },
          /prestation de compensation/i,
          /Source :/,
          /Vous écrivez pour qui \?/,
        );
        await page.locator('#webchat .webchat__bubble--from-user', { hasText: 'c’est quoi la PCH ?' }).waitFor();

        // Back to the button with Shift+Tab; Enter presses it: the hand-off, with a ticket reference.
        await tabUntil(page, 'Shift+Tab', (f) => f?.id === 'ask-human', '« Parler à un conseiller »');
        // No département given yet: the bot asks it first (one question), then hands over to that territory.
        await botAnswers(page, () => page.keyboard.press('Enter'), /Écrivez votre code postal/);
        expect(await page.locator('#chat-status').innerText()).toContain('Demande envoyée');
        expect(await page.locator('#chat-status').innerText()).not.toContain('va vous répondre');
        await tabUntil(page, 'Tab', (f) => f?.dataId === 'webchat-sendbox-input', 'the send box');
        const handed = await botAnswers(
          page,
          async () => {
            await page.keyboard.type('44000');
            await page.keyboard.press('Enter');
          },
          /numéro de dossier est :\s+T-44-[0-9A-Z]{6}/,
        );
        expect(handed).toContain('Je vous mets en contact avec un conseiller');

        // Still no horizontal scrolling with the conversation on screen, and still no violation.
        const after = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
        expect({ ...after, scrollsSideways: after.scrollWidth > after.clientWidth }).toMatchObject({ scrollsSideways: false });
        await expectNoWcagViolations(page, 'at 200 % zoom');
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    BROWSER_TEST_TIMEOUT,
  );
});
