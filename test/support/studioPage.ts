/**
 * The studio page in Chromium, for the studio's browser tests: the app on the live configuration
 * (versions in the real Redis) with the real local OpenID provider, Chromium, signing in, and a page
 * whose script errors fail the test.
 */
import type { Page } from 'playwright-core';
import { launchBrowser, type TestBrowser } from './browser';
import { CONSOLE_WAIT, signInThroughProvider } from './consolePage';
import { startSignInApp, type SignInHarness } from './signIn';

export interface StudioBrowser {
  harness: SignInHarness;
  browser: TestBrowser;
}

/** Starts the app and Chromium before the file's tests and stops them after; read its fields inside tests. */
export function useStudioBrowser(label: string): StudioBrowser {
  const started = {} as StudioBrowser;
  beforeAll(async () => {
    started.harness = await startSignInApp(label, { liveConfig: true });
    started.browser = await launchBrowser();
  }, 90_000);
  afterAll(async () => {
    await started.browser?.close();
    await started.harness?.close();
  });
  return started;
}

/** Signs in as the staff member named `who` (lands on the console), then opens the studio, ready. */
export async function signInToStudio(page: Page, httpBase: string, who: RegExp): Promise<void> {
  await signInThroughProvider(page, httpBase, who);
  await page.waitForURL(`${httpBase}/console`, { timeout: CONSOLE_WAIT });
  await page.goto(`${httpBase}/studio`);
  await page.locator('main[data-ready="true"]').waitFor({ timeout: CONSOLE_WAIT });
}

/** Runs `work` in a fresh browser context; any script error of the page fails it. */
export async function withStudioPage(browser: TestBrowser, work: (page: Page, errors: string[]) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await work(page, errors);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}
