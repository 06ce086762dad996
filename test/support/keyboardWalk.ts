/**
 * A keyboard-only user's walk through a page (RGAA 7.3, 10.7, 12.8, 12.9; WCAG 2.1.1, 2.1.2, 2.4.3,
 * 2.4.7): Tab alone from the top until the focus leaves the page, noting each stop, whether a focus
 * ring shows (an outline or a box shadow on the element or the box drawn around it), and then which
 * visible controls were never reached. Also the reflow check at 320 CSS pixels (WCAG 1.4.10).
 */
import type { Page } from 'playwright-core';

/* Runs in the page (see chatPage.ts: the project's tsconfig has no DOM lib). */
interface WalkElement {
  id: string;
  tagName: string;
  textContent: string | null;
  parentElement: WalkElement | null;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  hasAttribute(name: string): boolean;
  getClientRects(): ArrayLike<unknown>;
  getBoundingClientRect(): { width: number; height: number };
  closest(selector: string): WalkElement | null;
  compareDocumentPosition(other: WalkElement): number;
}
declare const document: {
  activeElement: WalkElement | null;
  body: WalkElement;
  documentElement: { scrollWidth: number };
  querySelectorAll(selector: string): ArrayLike<WalkElement>;
};
declare const window: { innerWidth: number };
declare function getComputedStyle(element: WalkElement, pseudo?: string): { outlineStyle: string; outlineWidth: string; boxShadow: string; visibility: string };

export interface TabStop {
  /** tag#id « text » (or aria-label / name): how a failure names it. */
  name: string;
  ringed: boolean;
}

export interface KeyboardWalk {
  stops: TabStop[];
  /** The focus left the page (back to the browser) rather than going round a part of it. */
  leftThePage: boolean;
  /** Visible, enabled controls that Tab never reached. */
  unreached: string[];
  /** Stops whose place in the document comes before the stop before them (a jump backwards). */
  backwards: string[];
}

const STOP_MARK = 'data-keyboard-walk';

/** Tabs from the top of the page until the focus leaves it (or `max` presses: a trap). */
export async function walkWithTab(page: Page, max = 150): Promise<KeyboardWalk> {
  // The walk starts at the top: the body takes the focus for a moment (as after a page load).
  await page.evaluate((mark) => {
    for (const element of Array.from(document.querySelectorAll(`[${mark}]`))) element.setAttribute(mark, '');
    const body = document.body as unknown as { tabIndex: number; focus(): void; removeAttribute(name: string): void };
    body.tabIndex = -1;
    body.focus();
    body.removeAttribute('tabindex');
  }, STOP_MARK);
  const stops: TabStop[] = [];
  const backwards: string[] = [];
  let leftThePage = false;
  for (let press = 1; press <= max; press++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(
      ({ mark, press }) => {
        const element = document.activeElement;
        if (!element || element === document.body || element.tagName === 'HTML') return null;
        const label = element.getAttribute('aria-label') ?? element.getAttribute('name') ?? (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
        const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} « ${label} »`;
        const outlined = (style: { outlineStyle: string; outlineWidth: string }) => style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
        // Its own outline or box shadow, DSFR's ring on its ::before (« fr-enlarge-link »), or the box around it (a send box).
        let ringed = outlined(getComputedStyle(element, '::before')) || getComputedStyle(element).boxShadow !== 'none';
        for (let around: WalkElement | null = element, depth = 0; around && depth < 3 && !ringed; around = around.parentElement, depth++) {
          ringed = outlined(getComputedStyle(around));
        }
        const previous = Array.from(document.querySelectorAll(`[${mark}]`)).find((e) => e.getAttribute(mark) === String(press - 1));
        // 2 = DOCUMENT_POSITION_PRECEDING: this stop comes before the previous one in the document.
        const jumpedBack = previous !== undefined && (previous.compareDocumentPosition(element) & 2) !== 0;
        if (!element.hasAttribute(mark) || element.getAttribute(mark) === '') element.setAttribute(mark, String(press));
        return { name, ringed, jumpedBack };
      },
      { mark: STOP_MARK, press },
    );
    if (stop === null) {
      leftThePage = stops.length > 0;
      if (leftThePage) break;
      continue;
    }
    stops.push({ name: stop.name, ringed: stop.ringed });
    if (stop.jumpedBack) backwards.push(stop.name);
  }
  const unreached = await page.evaluate((mark) => {
    const controls = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    // Seen: drawn, and bigger than a focus sentinel (Web Chat's empty 1-pixel guards that pass the focus on).
    const visible = (element: WalkElement) =>
      element.getClientRects().length > 0 &&
      Math.min(element.getBoundingClientRect().width, element.getBoundingClientRect().height) >= 2 && getComputedStyle(element).visibility !== 'hidden' && !element.closest('[inert], [aria-hidden="true"], [hidden]');
    const reachedRadioGroups = new Set(
      Array.from(document.querySelectorAll(`input[type="radio"][${mark}]`))
        .filter((e) => e.getAttribute(mark) !== '')
        .map((e) => e.getAttribute('name')),
    );
    return Array.from(document.querySelectorAll(controls))
      .filter((element) => visible(element) && !element.hasAttribute('disabled') && element.getAttribute('tabindex') !== '-1')
      .filter((element) => !element.getAttribute(mark))
      .filter((element) => !(element.tagName === 'INPUT' && element.getAttribute('type') === 'radio' && reachedRadioGroups.has(element.getAttribute('name'))))
      .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${element.getAttribute('class') ?? ''} tabindex=${element.getAttribute('tabindex') ?? ''} « ${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)} »`);
  }, STOP_MARK);
  return { stops, leftThePage, unreached, backwards };
}

/** At the page's current width: how wide the document is, against the window (WCAG 1.4.10 reflow). */
export const widths = (page: Page) => page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
