/**
 * The directory panel of the console in Chromium, on the real app, the real local OpenID Connect
 * provider and a real Redis: the advisor of 44 signs in, opens a 44 ticket (aidant, logement), takes
 * it, finds the offers of her département for the ticket's need, narrows the search to adults in
 * Nantes, and adds the SAVS as a partner: the case file names it. axe finds no WCAG 2.1 AA violation
 * with the results on screen. At 200 % zoom the panel does not scroll sideways, and the keyboard alone
 * searches and adds a partner. No sleeps: every step waits for what a person would wait for.
 */
import type { Page } from 'playwright-core';
import { makeTicket, type AdvisorHarness } from '../advisors/helpers';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { expectNoWcagViolations } from '../support/pageChecks';
import { startSignInApp, type SignInHarness } from '../support/signIn';

const WAIT = 15_000;
jest.setTimeout(120_000);

let harness: SignInHarness;
let browser: TestBrowser;
beforeAll(async () => {
  harness = await startSignInApp('directory-browser');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
});


async function signInAsAlice(page: Page): Promise<void> {
  await page.goto(`${harness.app.httpBase}/console`);
  await page.getByRole('link', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: 'Choisir un compte de test' }).waitFor({ timeout: WAIT });
  await page.getByRole('button', { name: /Alice Bernard/ }).click();
  await page.waitForURL(`${harness.app.httpBase}/console`, { timeout: WAIT });
}

describe('the directory in the console', () => {
  it('When the advisor of 44 searches the directory from a ticket and adds an offer as a partner, then the case file names it, and axe finds nothing', async () => {
    const ticket = await makeTicket({ app: harness.app } as AdvisorHarness, '44');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await signInAsAlice(page);
      await page.getByRole('button', { name: `Voir le dossier ${ticket.ref}` }).first().click({ timeout: WAIT });
      await page.getByRole('button', { name: 'Prendre le dossier' }).click({ timeout: WAIT });
      const directory = page.getByRole('region', { name: 'Répertoire : les solutions du département' });
      await directory.waitFor({ timeout: WAIT });
      // The ticket's need is chosen; the département's offers for it are listed at once.
      expect(await directory.getByLabel('Besoin à couvrir', { exact: true }).inputValue()).toBe('logement');
      await directory.getByRole('heading', { name: 'SAVS Nantes Est (exemple)' }).waitFor({ timeout: WAIT });

      await directory.getByLabel('Commune de l’offre', { exact: true }).selectOption({ label: 'Nantes' });
      await directory.getByLabel('Âge de la personne', { exact: true }).selectOption('adulte');
      await directory.getByLabel('Type de handicap', { exact: true }).selectOption('psychique');
      await directory.getByRole('button', { name: 'Chercher les offres' }).click();
      await page.locator('#directory-count', { hasText: '1 offre trouvée.' }).waitFor({ timeout: WAIT });
      expect(await directory.getByText('Liste d’attente (vérifié le lundi 2 novembre 2026).', { exact: false }).count()).toBe(1);
      await expectNoWcagViolations(page, 'with the directory’s results on screen');

      await directory.getByRole('button', { name: 'Ajouter comme partenaire : SAVS Nantes Est (exemple)' }).click();
      await page.locator('#status', { hasText: 'Partenaire ajouté au dossier : SAVS Nantes Est (exemple).' }).waitFor({ timeout: WAIT });
      await page.locator('#ticket-fields', { hasText: 'SAVS Nantes Est (exemple) — Accompagnement à la vie sociale (SAVS) (Nantes)' }).waitFor({ timeout: WAIT });
      // The search stays as it was after the ticket is re-rendered.
      expect(await directory.getByLabel('Commune de l’offre', { exact: true }).inputValue()).toBe('44109');
      // Added twice: refused in French.
      await directory.getByRole('button', { name: 'Ajouter comme partenaire : SAVS Nantes Est (exemple)' }).click();
      await page.locator('#ticket-error', { hasText: 'Ce partenaire est déjà sur le dossier.' }).waitFor({ timeout: WAIT });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('When the console is zoomed to 200 %, then the directory panel does not scroll sideways, and the keyboard alone searches and adds a partner', async () => {
    const ticket = await makeTicket({ app: harness.app } as AdvisorHarness, '44');
    // 200 % zoom of a 1280 × 800 screen: 640 × 400 CSS pixels, two device pixels each.
    const context = await browser.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await signInAsAlice(page);
      await page.getByRole('button', { name: `Voir le dossier ${ticket.ref}` }).first().click({ timeout: WAIT });
      await page.getByRole('button', { name: 'Prendre le dossier' }).click({ timeout: WAIT });
      const directory = page.getByRole('region', { name: 'Répertoire : les solutions du département' });
      await directory.getByRole('heading', { name: 'SAVS Nantes Est (exemple)' }).waitFor({ timeout: WAIT });
      const widths = (await page.evaluate("(() => { const s = document.getElementById('directory-panel'); return [s.scrollWidth, s.clientWidth]; })()")) as [number, number];
      expect({ scrollWidth: widths[0], clientWidth: widths[1], scrollsSideways: widths[0] > widths[1] }).toMatchObject({ scrollsSideways: false });

      // The keyboard alone: choose every need, move to « Chercher les offres », press Enter; then to the offer's button.
      await directory.getByLabel('Besoin à couvrir', { exact: true }).focus();
      await page.keyboard.press('Home'); // « Tous » : every need
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await page.evaluate('document.activeElement.textContent')).toBe('Chercher les offres');
      await page.keyboard.press('Enter');
      await page.locator('#directory-count', { hasText: 'offres trouvées.' }).waitFor({ timeout: WAIT });
      await directory.getByRole('button', { name: /^Ajouter comme partenaire/ }).first().focus();
      await page.keyboard.press('Enter');
      await page.locator('#status', { hasText: 'Partenaire ajouté au dossier' }).waitFor({ timeout: WAIT });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
