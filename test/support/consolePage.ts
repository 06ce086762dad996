/**
 * Steps on the advisor console that several browser tests take (Chromium, playwright-core): signing in
 * through the local OpenID provider, closing a ticket with a wrap-up code, and the axe check.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describeAxeViolations } from './browser';

export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** Everything answers in milliseconds on loopback: only the ceiling before a readable failure. */
export const CONSOLE_WAIT = 15_000;

/** axe finds no WCAG 2.1 AA violation (on the page, or inside `include`); returns how many rules passed. */
export async function expectNoWcagViolations(page: Page, when: string, include?: string): Promise<number> {
  const builder = new AxeBuilder({ page }).withTags(WCAG_21_AA);
  const results = await (include ? builder.include(include) : builder).analyze();
  if (results.violations.length > 0) throw new Error(`axe (WCAG 2.1 AA) ${when}:\n${describeAxeViolations(results.violations)}`);
  expect(results.passes.length).toBeGreaterThan(0);
  return results.passes.length;
}

/** From the console's « Se connecter » to the provider's account form, choosing `who` (the button's text). */
export async function signInThroughProvider(page: Page, appBase: string, who: RegExp): Promise<void> {
  await page.goto(`${appBase}/console`);
  await page.getByRole('link', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: 'Choisir un compte de test' }).waitFor({ timeout: CONSOLE_WAIT });
  await page.getByRole('button', { name: who }).click();
}

/** The ticket panel's close form: a wrap-up code (by its French label), a note, « Clôturer ». */
export async function closeWith(page: Page, wrapUpLabel: string, note: string): Promise<void> {
  await page.getByLabel('Code de clôture (obligatoire)').selectOption({ label: wrapUpLabel });
  await page.getByLabel('Note de clôture').fill(note);
  await page.getByRole('button', { name: 'Clôturer', exact: true }).click();
}
