/**
 * The chat page in Chromium, as a person uses it: Web Chat's parts (the robot's messages, the suggested
 * buttons, the send box), waiting for the robot's answers (no sleeps), the focus, and axe (WCAG 2.1 AA).
 * Shared by the page's browser tests.
 */
import type { Locator, Page } from 'playwright-core';

/*
 * The functions given to page.evaluate run in the page. The project's tsconfig has no DOM lib (server
 * code), so the few browser globals they use are declared here, for this module only (declarations, not
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

/** A browser scenario's ceiling (Chromium starts, Web Chat loads, a few turns). */
export const BROWSER_TEST_TIMEOUT = 90_000;
/** The bot answers in milliseconds on loopback; this is only the ceiling before a readable failure. */
export const BOT_REPLY_TIMEOUT = 15_000;

/** Web Chat's rendering of the bot's messages (not the person's), in order. */
export const BOT_MESSAGES = '#webchat article.webchat__basic-transcript__activity:not(:has(.webchat__bubble--from-user)) .webchat__text-content';

export const botMessages = (page: Page) => page.locator(BOT_MESSAGES).allTextContents();
export const sendBox = (page: Page): Locator => page.locator('#webchat [data-id="webchat-sendbox-input"]');
/** A button Web Chat shows under the bot's last message (suggested actions). */
export const suggested = (page: Page, title: string): Locator => page.locator('#webchat .webchat__suggested-actions').getByRole('button', { name: title, exact: true });
export const pageHumanButton = (page: Page): Locator => page.locator('#ask-human');

/**
 * Does what the person does, then waits until the bot's new messages match every pattern (the last one
 * is the bot's last message of the turn, so the next step starts from a settled page). Returns them.
 */
export async function botAnswers(page: Page, action: () => Promise<void>, ...expected: RegExp[]): Promise<string> {
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

/** Opens the chat page of the app at `base` and waits for the first question and its buttons. */
export async function openChat(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.locator(BOT_MESSAGES, { hasText: 'Vous écrivez pour qui ?' }).first().waitFor({ timeout: BOT_REPLY_TIMEOUT });
  await suggested(page, 'Pour un proche que vous aidez').waitFor();
}

export async function typeAndSend(page: Page, text: string): Promise<void> {
  await sendBox(page).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

export { expectNoWcagViolations } from './pageChecks';

/** The element that has the focus, described for assertions and failure messages. */
export const focused = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    return e ? { id: e.id, dataId: e.getAttribute('data-id'), tag: e.tagName.toLowerCase(), text: (e.textContent ?? '').trim().slice(0, 60) } : null;
  });

/**
 * The focus ring a sighted keyboard user sees on the focused element: its own outline, or for Web Chat's
 * send box the outline of the box around the input (chat.css draws it: Web Chat removes the input's own).
 */
export const focusRing = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    if (!e) return null;
    const ringed = e.closest('.webchat__send-box-text-box') ?? e;
    const style = getComputedStyle(ringed);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), color: style.outlineColor };
  });

/** Presses `key` until `isTarget` holds for the focused element; fails if it takes more than `max` presses. */
export async function tabUntil(page: Page, key: 'Tab' | 'Shift+Tab' | 'ArrowRight' | 'ArrowLeft', isTarget: (f: Awaited<ReturnType<typeof focused>>) => boolean, what: string, max = 20): Promise<number> {
  const path: string[] = [];
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    path.push(now ? `${now.tag}${now.id ? `#${now.id}` : ''}${now.dataId ? `[${now.dataId}]` : ''} « ${now.text} »` : '(nothing)');
    if (isTarget(now)) return presses;
  }
  throw new Error(`${key} × ${max} never reached ${what}. Focus went:\n  ${path.join('\n  ')}`);
}

