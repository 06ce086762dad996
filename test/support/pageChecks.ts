/**
 * Checks every page test makes (Chromium, playwright-core): axe finds no WCAG 2.1 AA violation, and
 * the page does not scroll sideways (at 200 % zoom, 640 CSS pixels wide).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describeAxeViolations } from './browser';

export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe finds no WCAG 2.1 AA violation (on the page, or inside `include`); returns how many rules passed. */
export async function expectNoWcagViolations(page: Page, when: string, include?: string): Promise<number> {
  const builder = new AxeBuilder({ page }).withTags(WCAG_21_AA);
  const results = await (include ? builder.include(include) : builder).analyze();
  if (results.violations.length > 0) throw new Error(`axe (WCAG 2.1 AA) ${when}:\n${describeAxeViolations(results.violations)}`);
  expect(results.passes.length).toBeGreaterThan(0);
  return results.passes.length;
}

/** The document is no wider than the window: nothing to scroll sideways. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = (await page.evaluate('({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth })')) as {
    scrollWidth: number;
    clientWidth: number;
  };
  expect({ ...overflow, scrollsSideways: overflow.scrollWidth > overflow.clientWidth }).toMatchObject({ scrollsSideways: false });
}
