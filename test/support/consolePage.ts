/**
 * Steps on the advisor console that several browser tests take (Chromium, playwright-core): signing in
 * through the local OpenID provider, closing a ticket with a wrap-up code, and the axe check.
 */
import type { Page } from 'playwright-core';
export { WCAG_21_AA, expectNoWcagViolations, expectNoSidewaysScroll } from './pageChecks';

/** Everything answers in milliseconds on loopback: only the ceiling before a readable failure. */
export const CONSOLE_WAIT = 15_000;

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
