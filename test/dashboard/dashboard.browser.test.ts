/**
 * The dashboard page in Chromium: the coordinator of 44 signs in through the real local OpenID
 * provider, opens /tableau-de-bord and reads, after two signed calls (one answered, one abandoned in
 * the queue), « now », today's figures, and each chart followed by its table with the same figures;
 * French dates; axe finds no WCAG 2.1 AA violation; the keyboard reaches the content and the tables;
 * at 200 % zoom nothing scrolls sideways.
 */
import type { Page } from 'playwright-core';
import { SimulatedCall } from '../support/callHarness';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { expectNoSidewaysScroll, expectNoWcagViolations } from '../support/pageChecks';
import { startSignInApp, type SignInHarness } from '../support/signIn';
import { twilioSide } from '../support/testApp';

const WAIT = 15_000;
const TO_44 = ['2', '1', '3', '44000', '1'];
jest.setTimeout(120_000);

let harness: SignInHarness;
let browser: TestBrowser;
beforeAll(async () => {
  harness = await startSignInApp('dashboard-browser');
  // 10:00 in Paris, Monday 23 November 2026: one call answered after 40 s, one abandoned in the queue after 400 s.
  for (const [result, waited] of [['bridged', 40], ['hangup', 400]] as const) {
    const call = await new SimulatedCall(twilioSide(harness.app), { from: '+33612345678' }).dial();
    for (const key of TO_44) await call.press(key);
    await call.queueResult(result, waited);
    expect(await call.hangUp()).toBe(204);
  }
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
});


/** The cells of a table's row, by the row's header (French no-break spaces read as spaces). */
async function rowCells(page: Page, table: string, row: string | RegExp): Promise<string[]> {
  const cells = await page.getByRole('table', { name: table }).getByRole('row', { name: row }).getByRole('cell').allTextContents();
  return cells.map((cell) => cell.replace(/\s/g, ' '));
}

describe('the dashboard page', () => {
  it('When the coordinator of 44 signs in and opens it, then « now », today and each chart with its table show the calls made, in French, and axe finds no violation', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      const refused = await page.goto(`${harness.app.httpBase}/tableau-de-bord`);
      expect(refused?.status()).toBe(401);
      await expectNoWcagViolations(page, 'before signing in');
      await page.getByRole('link', { name: 'Se connecter' }).click();
      await page.getByRole('heading', { name: 'Choisir un compte de test' }).waitFor({ timeout: WAIT });
      await page.getByRole('button', { name: /Damien Leroy/ }).click();
      await page.waitForURL(`${harness.app.httpBase}/console`, { timeout: WAIT });

      const answer = await page.goto(`${harness.app.httpBase}/tableau-de-bord`);
      expect(answer?.status()).toBe(200);
      await expect(page.title()).resolves.toBe('44 Loire-Atlantique – Tableau de bord du 360');
      await page.getByRole('heading', { level: 1, name: 'Tableau de bord : 44 Loire-Atlantique' }).waitFor();
      // The last 30 days, dates the French way.
      await expect(page.locator('.fr-text--lead').textContent()).resolves.toBe('Du dimanche 25 octobre 2026 au lundi 23 novembre 2026. Aujourd’hui : lundi 23 novembre 2026.');

      await expect(rowCells(page, 'Maintenant', 'Appels en attente')).resolves.toEqual(['0']);
      const today = 'Aujourd’hui et du dimanche 25 octobre 2026 au lundi 23 novembre 2026';
      await expect(rowCells(page, today, 'Appels terminés')).resolves.toEqual(['2', '2']);
      await expect(rowCells(page, today, 'Appels abandonnés (menu ou file d’attente)')).resolves.toEqual(['1', '1']);
      await expect(rowCells(page, today, 'Part des appels abandonnés')).resolves.toEqual(['50 %', '50 %']);
      await expect(rowCells(page, today, 'Attente dans la file : neuf personnes sur dix')).resolves.toEqual(['au plus 10 min', 'au plus 10 min']);

      // Each chart is a named picture, followed by its table with the same figures, one row per day.
      for (const title of ['Contacts par jour et par canal', 'Appels répondus et abandonnés par jour', 'Contacts par besoin sur la période']) {
        await expect(page.getByRole('img', { name: title }).count()).resolves.toBe(1);
        const figure = page.locator('figure', { has: page.getByRole('img', { name: title }) });
        const next = await figure.evaluate((f) => f.nextElementSibling?.querySelector('caption')?.textContent ?? '');
        expect(next).toBe(title);
      }
      await expect(rowCells(page, 'Contacts par jour et par canal', 'lun. 23 nov.')).resolves.toEqual(['2', '0']);
      await expect(rowCells(page, 'Contacts par jour et par canal', 'dim. 22 nov.')).resolves.toEqual(['0', '0']);
      await expect(rowCells(page, 'Contacts par besoin sur la période', 'Se loger')).resolves.toEqual(['2']);
      // DSFR's stylesheet is applied, not just linked.
      await expect(page.evaluate<string>('getComputedStyle(document.body).fontFamily')).resolves.toContain('Marianne');
      await expectNoWcagViolations(page, 'signed in');

      // The keyboard: the skip link first, then into the content; every table's region takes the focus.
      await page.keyboard.press('Tab');
      await expect(page.evaluate('document.activeElement.textContent')).resolves.toBe('Aller au contenu');
      await page.keyboard.press('Enter');
      await expect(page.evaluate('location.hash')).resolves.toBe('#contenu');
      const focusable = await page.locator('.fr-table__container[tabindex="0"]').count();
      expect(focusable).toBe(await page.locator('table').count());

      // 200 % zoom of a 1280-pixel screen: 640 CSS pixels; nothing scrolls sideways.
      await page.setViewportSize({ width: 640, height: 450 });
      await expectNoSidewaysScroll(page);
      await expectNoWcagViolations(page, 'at 640 CSS pixels wide (200 % zoom)');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('When the advisor of 44 asks for it, then a French page says it is not for her', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${harness.app.httpBase}/auth/login`);
      await page.getByRole('button', { name: /Alice Bernard/ }).click();
      await page.waitForURL(`${harness.app.httpBase}/console`, { timeout: WAIT });
      const answer = await page.goto(`${harness.app.httpBase}/tableau-de-bord`);
      expect(answer?.status()).toBe(403);
      await page.getByRole('heading', { level: 1, name: 'Pas d’accès à ce tableau de bord' }).waitFor();
      await expectNoWcagViolations(page, 'refused');
    } finally {
      await context.close();
    }
  });
});
