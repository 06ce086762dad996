/**
 * The chat page in a real browser: Debian's Chromium (playwright-core) opens `/`, the official Web Chat
 * bundle talks to our own Direct Line and bot. A person asks a question in free text, orients by
 * clicking and typing, and is handed to an advisor of their département with a ticket reference;
 * axe finds no WCAG 2.1 AA violation. At 200 % zoom nothing scrolls sideways, and the keyboard alone
 * reaches « Parler à un conseiller » and the send box.
 * No sleeps: every step waits for what the person would wait for (the bot's next message).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { createMemoryStore } from '../../src/storage/memory-store';
import { createStoreKeys } from '../../src/storage/keys';
import { launchBrowser, describeAxeViolations, type TestBrowser } from '../support/browser';
import { TIMES } from '../support/config';
import { TestClock, startTestApp, type RunningTestApp } from '../support/testApp';

/*
 * The functions given to page.evaluate run in the page. The project's tsconfig has no DOM lib (server
 * code), so the few browser globals they use are declared here, for this file only (declarations, not
 * imports: commonjs output would rename an import inside the functions sent to the page).
 */
interface PageElement {
  id: string;
  tagName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  closest(selector: string): PageElement | null;
  blur?(): void;
}
declare const document: {
  activeElement: PageElement | null;
  documentElement: { scrollWidth: number; clientWidth: number };
  querySelectorAll(selector: string): ArrayLike<PageElement>;
};
declare const window: { devicePixelRatio: number; scrollTo(x: number, y: number): void };
declare function getComputedStyle(element: PageElement): { outlineStyle: string; outlineWidth: string; outlineColor: string };

const BROWSER_TEST_TIMEOUT = 90_000;
/** The bot answers in milliseconds on loopback; this is only the ceiling before a readable failure. */
const BOT_REPLY_TIMEOUT = 15_000;
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const TICKET_44 = /numéro de dossier est :\s+T-44-[0-9A-Z]{6}/;

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

/** Web Chat's rendering of the bot's messages (not the person's), in order. */
const BOT_MESSAGES = '#webchat article.webchat__basic-transcript__activity:not(:has(.webchat__bubble--from-user)) .webchat__text-content';

const botMessages = (page: Page) => page.locator(BOT_MESSAGES).allTextContents();
const sendBox = (page: Page): Locator => page.locator('#webchat [data-id="webchat-sendbox-input"]');
/** A button Web Chat shows under the bot's last message (suggested actions). */
const suggested = (page: Page, title: string): Locator => page.locator('#webchat .webchat__suggested-actions').getByRole('button', { name: title, exact: true });
const pageHumanButton = (page: Page): Locator => page.locator('#ask-human');

/**
 * Does what the person does, then waits until the bot's new messages match every pattern (the last one
 * is the bot's last message of the turn, so the next step starts from a settled page). Returns them.
 */
async function botAnswers(page: Page, action: () => Promise<void>, ...expected: RegExp[]): Promise<string> {
  const before = await page.locator(BOT_MESSAGES).count();
  await action();
  try {
    const fresh = await page.waitForFunction(
      ({ selector, before, patterns }) => {
        const texts = Array.from(document.querySelectorAll(selector), (e) => e.textContent ?? '').slice(before);
        const joined = texts.join('\n');
        return patterns.every(([source, flags]) => new RegExp(source, flags).test(joined)) ? joined : null;
      },
      { selector: BOT_MESSAGES, before, patterns: expected.map((p) => [p.source, p.flags] as [string, string]) },
      { timeout: BOT_REPLY_TIMEOUT },
    );
    return (await fresh.jsonValue()) as string;
  } catch (error) {
    const transcript = (await botMessages(page)).map((t, i) => `${i < before ? ' ' : '+'} ${t}`).join('\n');
    throw new Error(`The bot did not answer ${expected.join(' and ')} within ${BOT_REPLY_TIMEOUT} ms.\nBot messages (+ new):\n${transcript}\n${(error as Error).message}`);
  }
}

async function openChat(page: Page): Promise<void> {
  await page.goto(`${app.httpBase}/`);
  await page.locator(BOT_MESSAGES, { hasText: 'Vous écrivez pour qui ?' }).first().waitFor({ timeout: BOT_REPLY_TIMEOUT });
  await suggested(page, 'Pour un proche que vous aidez').waitFor();
}

async function typeAndSend(page: Page, text: string): Promise<void> {
  await sendBox(page).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

async function expectNoWcagViolations(page: Page, when: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  if (results.violations.length > 0) throw new Error(`axe (WCAG 2.1 AA) ${when}:\n${describeAxeViolations(results.violations)}`);
  expect(results.passes.length).toBeGreaterThan(0);
}

/** The element that has the focus, described for assertions and failure messages. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    return e ? { id: e.id, dataId: e.getAttribute('data-id'), tag: e.tagName.toLowerCase(), text: (e.textContent ?? '').trim().slice(0, 60) } : null;
  });

/**
 * The focus ring a sighted keyboard user sees on the focused element: its own outline, or for Web Chat's
 * send box the outline of the box around the input (chat.css draws it: Web Chat removes the input's own).
 */
const focusRing = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    if (!e) return null;
    const ringed = e.closest('.webchat__send-box-text-box') ?? e;
    const style = getComputedStyle(ringed);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), color: style.outlineColor };
  });

/** Presses `key` until `isTarget` holds for the focused element; fails if it takes more than `max` presses. */
async function tabUntil(page: Page, key: 'Tab' | 'Shift+Tab', isTarget: (f: Awaited<ReturnType<typeof focused>>) => boolean, what: string, max = 20): Promise<number> {
  const path: string[] = [];
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    path.push(now ? `${now.tag}${now.id ? `#${now.id}` : ''}${now.dataId ? `[${now.dataId}]` : ''} « ${now.text} »` : '(nothing)');
    if (isTarget(now)) return presses;
  }
  throw new Error(`${key} × ${max} never reached ${what}. Focus went:\n  ${path.join('\n  ')}`);
}

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
        expect(tabsToButton).toBeLessThanOrEqual(2);
        expect(await focusRing(page)).toMatchObject({ style: 'solid', width: 3 });
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
