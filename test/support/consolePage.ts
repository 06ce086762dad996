/**
 * Steps on the advisor console that several browser tests take (Chromium, playwright-core): opening it
 * in a tab of its own, signing in with an advisor token or through the local OpenID provider, closing a
 * ticket with a wrap-up code, and the axe check.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { Principal } from '../../src/advisors/principal';
import type { TestBrowser } from './browser';
import { advisorToken } from './testApp';
export { WCAG_21_AA, expectNoWcagViolations, expectNoSidewaysScroll } from './pageChecks';

/** Everything answers in milliseconds on loopback: only the ceiling before a readable failure. */
export const CONSOLE_WAIT = 15_000;

/** A console in a browser context of its own (a desk's screen), with the page errors it raised. */
export interface ConsoleTab {
  page: Page;
  context: BrowserContext;
  errors: string[];
}

/** A new context at 1280×900 (the script `initScript` run in every page before its own), its page errors recorded. */
export async function openConsoleTab(browser: TestBrowser, options: { initScript?: string } = {}): Promise<ConsoleTab> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (options.initScript !== undefined) await context.addInitScript({ content: options.initScript });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, context, errors };
}

/** The console signed in with `principal`'s advisor token, once its live updates are on. */
export async function openConsoleWithToken(browser: TestBrowser, appBase: string, principal: Principal, options: { initScript?: string } = {}): Promise<ConsoleTab> {
  const tab = await openConsoleTab(browser, options);
  await tab.page.goto(`${appBase}/console`);
  await tab.page.getByLabel('Jeton d’accès').fill(await advisorToken(principal));
  await tab.page.getByRole('button', { name: 'Se connecter' }).click();
  await tab.page.locator('#live-state', { hasText: 'Mises à jour en direct : actives.' }).waitFor({ timeout: CONSOLE_WAIT });
  return tab;
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
