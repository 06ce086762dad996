/**
 * Signing in to the console in Chromium through the real local OpenID Connect provider
 * (scripts/dev-oidc-provider.mjs): the advisor of 44 lands in the console with territory 44 and signs
 * out of both; the person with no staff account is refused in French; the coordinator of 44 adds an
 * advisor of 44 from the console. axe finds no WCAG 2.1 AA violation on the sign-in pages.
 */
import type { Page } from 'playwright-core';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { expectNoWcagViolations, signInThroughProvider } from '../support/consolePage';
import { startSignInApp, type SignInHarness } from '../support/signIn';

const WAIT = 15_000;
jest.setTimeout(120_000);

let harness: SignInHarness;
let browser: TestBrowser;
beforeAll(async () => {
  harness = await startSignInApp('sign-in-browser');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

/** From the console's « Se connecter » to the provider's account form, as `who` (the button's text). */
const signInAs = (page: Page, who: RegExp) => signInThroughProvider(page, harness.app.httpBase, who);

describe('signing in to the console through the provider', () => {
  it('When the advisor of 44 signs in, then the console shows her name and territory 44, the workspace and no staff panel; « Se déconnecter » ends both sessions', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await page.goto(`${harness.app.httpBase}/console`);
      await page.getByRole('link', { name: 'Se connecter' }).waitFor({ timeout: WAIT });
      await expectNoWcagViolations(page, 'on the console’s sign-in');
      await page.getByRole('link', { name: 'Se connecter' }).click();
      await page.getByRole('heading', { name: 'Choisir un compte de test' }).waitFor({ timeout: WAIT });
      await expectNoWcagViolations(page, 'on the provider’s account form');
      await page.getByRole('button', { name: /Alice Bernard/ }).click();

      await page.waitForURL(`${harness.app.httpBase}/console`, { timeout: WAIT });
      const who = page.locator('#who');
      await who.waitFor({ timeout: WAIT });
      expect(await who.innerText()).toBe('Connecté : Alice Bernard (conseiller, département 44)');
      await page.locator('#waiting-empty', { hasText: 'Personne n’attend.' }).waitFor({ timeout: WAIT });
      expect(await page.locator('#sign-in').isHidden()).toBe(true);
      expect(await page.locator('#staff').isHidden()).toBe(true);
      await page.locator('#live-state', { hasText: 'Mises à jour en direct : actives.' }).waitFor({ timeout: WAIT });
      await expectNoWcagViolations(page, 'signed in');

      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await page.getByRole('heading', { name: 'Se déconnecter' }).waitFor({ timeout: WAIT });
      await expectNoWcagViolations(page, 'on the provider’s sign-out');
      await page.getByRole('button', { name: 'Oui, me déconnecter' }).click();
      await page.waitForURL(`${harness.app.httpBase}/console`, { timeout: WAIT });
      await page.getByRole('link', { name: 'Se connecter' }).waitFor({ timeout: WAIT });
      expect(await page.locator('#workspace').isHidden()).toBe(true);
      const session = await page.evaluate(() => fetch('/auth/session').then((r) => r.json()));
      expect(session).toMatchObject({ signedIn: false });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('When the person with no staff account signs in, then a French page says so, with no stack trace, and axe finds no violation', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await signInAs(page, /Sam Durand/);
      const heading = page.getByRole('heading', { level: 1, name: 'Vous n’avez pas accès à la console' });
      await heading.waitFor({ timeout: WAIT });
      const text = await page.locator('main').innerText();
      expect(text).toContain('Demandez à votre coordinateur');
      expect(text).not.toMatch(/Error|stack|\.ts:/);
      expect(await page.getAttribute('html', 'lang')).toBe('fr');
      await expectNoWcagViolations(page, 'on the refusal page');
      await page.getByRole('link', { name: 'Revenir à la page de connexion' }).click();
      await page.getByRole('link', { name: 'Se connecter' }).waitFor({ timeout: WAIT });
    } finally {
      await context.close();
    }
  });

  it('When the coordinator of 44 signs in, then the console’s staff panel lists the advisors of 44 and adds one (3 chats at once at most); an advisor of 35 is refused in French', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await signInAs(page, /Damien Leroy/);
      await page.locator('#who', { hasText: 'Connecté : Damien Leroy (coordinateur, département 44)' }).waitFor({ timeout: WAIT });
      const list = page.locator('#staff-list');
      await list.locator('li', { hasText: 'conseil.44@360.test' }).waitFor({ timeout: WAIT });
      expect(await list.innerText()).not.toContain('conseil.35@360.test');

      await page.getByLabel('Adresse e-mail (celle de ProConnect)').fill('renfort.44@360.test');
      await page.getByLabel('Départements, séparés par des virgules').fill('44');
      await page.getByLabel('Chats en même temps au plus').fill('3');
      await page.getByRole('button', { name: 'Ajouter le compte' }).click();
      await list.locator('li', { hasText: 'renfort.44@360.test' }).filter({ hasText: '3 chats en même temps au plus' }).waitFor({ timeout: WAIT });

      await page.getByLabel('Adresse e-mail (celle de ProConnect)').fill('renfort.35@360.test');
      await page.getByLabel('Départements, séparés par des virgules').fill('35');
      await page.getByRole('button', { name: 'Ajouter le compte' }).click();
      await page.locator('#staff-error', { hasText: 'Vous ne pouvez gérer que les conseillers de vos départements.' }).waitFor({ timeout: WAIT });
      await expectNoWcagViolations(page, 'with the staff panel and an error');

      await page.getByRole('button', { name: 'Retirer le compte renfort.44@360.test' }).click();
      await list.locator('li', { hasText: 'renfort.44@360.test' }).waitFor({ state: 'detached', timeout: WAIT });
    } finally {
      await context.close();
    }
  });
});
