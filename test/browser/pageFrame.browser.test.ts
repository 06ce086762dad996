/**
 * The console and the studio, put in the shared DSFR frame (src/web/public/layout.html), as anyone
 * first sees them (signed out) in Chromium: their own header tools and sign-in panel show, their
 * scripts run without error, the skip link reaches the main content, and axe finds no WCAG 2.1 AA
 * violation. (The chat page's frame is checked by chat.browser.test.ts, the signed-in screens by the
 * console's and the studio's own tests.)
 */
import { createMemoryStore } from '../../src/storage/memory-store';
import { createStoreKeys } from '../../src/storage/keys';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { TIMES } from '../support/config';
import { expectNoWcagViolations } from '../support/pageChecks';
import { TestClock, startTestApp, type RunningTestApp } from '../support/testApp';

const WAIT = 30_000;
jest.setTimeout(120_000);

let app: RunningTestApp;
let browser: TestBrowser;
beforeAll(async () => {
  const clock = new TestClock(TIMES.mondayMorningParis);
  app = await startTestApp({ store: createMemoryStore(clock), clock, keys: createStoreKeys('page-frame') });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the staff pages in their shared frame', () => {
  it.each([
    // No identity provider in this app: the console offers its development token form, the studio its sign-in link.
    ['/console', 'Orientation 360 — Espace conseillers', 'Se connecter avec ce jeton'],
    ['/studio', 'Orientation 360 — Studio', 'Se connecter'],
  ])('When %s is opened signed out, then its header and sign-in show, the skip link reaches the content, and axe finds no violation', async (path, service, signIn) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await page.goto(`${app.httpBase}${path}`);
      await page.getByRole('main').getByText(signIn, { exact: true }).waitFor({ timeout: WAIT });
      await expect(page.title()).resolves.toBe(service);
      await expect(page.getByRole('banner').locator('.fr-header__service-title').innerText()).resolves.toBe(service);
      await expect(page.locator('link[rel="stylesheet"][href*="/console/vendor/dsfr-"]').count()).resolves.toBe(1);
      await page.getByRole('link', { name: 'Aller au contenu principal' }).focus();
      await page.keyboard.press('Enter');
      await expect(page.evaluate('location.hash')).resolves.toBe('#main');
      await expectNoWcagViolations(page, `on ${path} signed out`);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
