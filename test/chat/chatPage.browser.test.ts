/**
 * The chat page's send box in a real browser (Debian's Chromium): a text longer than our Direct Line
 * takes is cut at 10,000 characters as it is pasted, the person is told so in French, and the message
 * then goes through (never refused).
 */
import type { Page } from 'playwright-core';
import { createMemoryStore } from '../../src/storage/memory-store';
import { createStoreKeys } from '../../src/storage/keys';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { BOT_MESSAGES, BOT_REPLY_TIMEOUT, BROWSER_TEST_TIMEOUT } from '../support/chatPage';
import { TIMES } from '../support/config';
import { TestClock, startTestApp, type RunningTestApp } from '../support/testApp';

declare const document: { querySelector(selector: string): { value: string } | null };

const SEND_BOX = '#webchat [data-id="webchat-sendbox-input"]';

const clock = new TestClock(TIMES.mondayMorningParis);
let app: RunningTestApp;
let browser: TestBrowser;

beforeAll(async () => {
  app = await startTestApp({ store: createMemoryStore(clock), keys: createStoreKeys('chat-page'), clock });
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const sendBoxLength = (page: Page) => page.evaluate((selector) => Array.from(document.querySelector(selector)?.value ?? '').length, SEND_BOX);

it(
  'When a person pastes more than 10,000 characters, then the send box keeps 10,000, says so in French, and the message is answered',
  async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.httpBase}/`);
    await page.locator(BOT_MESSAGES, { hasText: 'Vous écrivez pour qui ?' }).first().waitFor({ timeout: BOT_REPLY_TIMEOUT });

    const pasted = `C’est quoi la PCH ? ${'Voici notre situation, elle est longue à raconter. '.repeat(220)}`;
    expect(pasted.length).toBeGreaterThan(10_000);
    await page.locator(SEND_BOX).fill(pasted);
    expect(await sendBoxLength(page)).toBe(10_000);
    await expect(page.locator('#chat-status').textContent()).resolves.toContain('Un message peut avoir jusqu’à 10 000 caractères.');

    const before = await page.locator(BOT_MESSAGES).count();
    await page.locator(SEND_BOX).press('Enter');
    await page.locator(BOT_MESSAGES).nth(before).waitFor({ timeout: BOT_REPLY_TIMEOUT });
    await page.locator(BOT_MESSAGES, { hasText: 'prestation de compensation' }).first().waitFor({ timeout: BOT_REPLY_TIMEOUT });
    await context.close();
  },
  BROWSER_TEST_TIMEOUT,
);
