/**
 * Keyboard alone and 400 % zoom (RGAA / WCAG 2.1 AA) on the three pages people use: the public chat,
 * the advisors' console and the studio, in Chromium.
 * - Tab alone from the top reaches every visible control, in the document's order, with a focus ring
 *   on each stop, and then leaves the page (no trap).
 * - At 320 CSS pixels wide (1280 at 400 %), nothing scrolls sideways and axe still finds no violation.
 * (Opening a chat, answering a button and sending a message by keyboard: chat.browser.test.ts; the
 * console's chat by keyboard: chatAdvisor.browser.test.ts.)
 */
import type { Page } from 'playwright-core';
import { CONSOLE_WAIT, expectNoWcagViolations, signInThroughProvider } from '../support/consolePage';
import { openChat } from '../support/chatPage';
import { walkWithTab, widths, type KeyboardWalk } from '../support/keyboardWalk';
import { signInToStudio, useStudioBrowser } from '../support/studioPage';

jest.setTimeout(180_000);

const pages = useStudioBrowser('keyboard-reflow');

async function withPage(width: number, work: (page: Page) => Promise<void>): Promise<void> {
  const context = await pages.browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await work(page);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}

function expectKeyboardFriendly(walk: KeyboardWalk, where: string, reaches: RegExp[]): void {
  const names = walk.stops.map((stop) => stop.name);
  for (const control of reaches) expect({ where, reaches: names.some((name) => control.test(name)) ? control : names }).toEqual({ where, reaches: control });
  expect({ where, stops: walk.stops.length > 3 }).toEqual({ where, stops: true });
  expect({ where, withoutRing: walk.stops.filter((stop) => !stop.ringed).map((stop) => stop.name) }).toEqual({ where, withoutRing: [] });
  expect({ where, unreached: walk.unreached }).toEqual({ where, unreached: [] });
  expect({ where, backwards: walk.backwards }).toEqual({ where, backwards: [] });
  expect({ where, leftThePage: walk.leftThePage }).toEqual({ where, leftThePage: true });
}

async function expectReflowAt320(page: Page, where: string): Promise<void> {
  await page.setViewportSize({ width: 320, height: 640 });
  const measured = await widths(page);
  expect({ where, sideways: measured.scrollWidth > measured.innerWidth, ...measured }).toMatchObject({ where, sideways: false });
  await expectNoWcagViolations(page, `${where} at 320 px`);
}

const base = () => pages.harness.app.httpBase;

describe('keyboard alone and 400 % zoom', () => {
  it('When a person tabs through the public chat page, then every control is reached in order with a visible focus, and at 320 px nothing scrolls sideways', async () => {
    await withPage(1280, async (page) => {
      await openChat(page, base());
      expectKeyboardFriendly(await walkWithTab(page), 'the chat page', [/Pour vous-même/, /#ask-human/]);
      await expectReflowAt320(page, 'the chat page');
    });
  });

  it('When an advisor tabs through the console, then every control is reached in order with a visible focus, and at 320 px nothing scrolls sideways', async () => {
    await withPage(1280, async (page) => {
      await signInThroughProvider(page, base(), /Damien Leroy/);
      await page.waitForURL(`${base()}/console`, { timeout: CONSOLE_WAIT });
      await page.locator('#who').getByText('Damien Leroy').first().waitFor({ timeout: CONSOLE_WAIT });
      expectKeyboardFriendly(await walkWithTab(page), 'the console', [/Aller au contenu principal/, /#sign-out/, /#presence-state/, /#filters-reset/]);
      await expectReflowAt320(page, 'the console');
    });
  });

  it('When a coordinator tabs through the studio, then every control is reached in order with a visible focus, and at 320 px nothing scrolls sideways', async () => {
    await withPage(1280, async (page) => {
      await signInToStudio(page, base(), /Damien Leroy/);
      expectKeyboardFriendly(await walkWithTab(page, 400), 'the studio', [/Aller au contenu principal/, /#territory/, /#check/, /Essayer l’appel/]);
      await expectReflowAt320(page, 'the studio');
    });
  });
});
