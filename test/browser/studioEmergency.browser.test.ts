/**
 * The studio's emergencies in Chromium, signed in through the real local OpenID provider, on the live
 * configuration (versions in the real Redis): the national admin turns the crisis switch on from a
 * DSFR dialog (the reason is required), and the next real call hears the crisis message; off again,
 * calls reach cercle-44. The coordinator of 44 reaches the studio from the console's header, sees no
 * crisis switch, closes 44 exceptionally with its message (heard by the next call), then reopens it.
 * axe finds no WCAG 2.1 AA violation, dialogs open.
 */
import type { Page } from 'playwright-core';
import { SimulatedCall } from '../support/callHarness';
import { CONSOLE_WAIT, expectNoWcagViolations, signInThroughProvider } from '../support/consolePage';
import { twilioSide } from '../support/testApp';
import { useStudioBrowser, withStudioPage } from '../support/studioPage';

/** Monday 23 November 2026, 10:00 in Paris: 44 is open. */
const MONDAY_1000_PARIS = '2026-11-23T09:00:00.000Z';
/** Aidant, logement, 44000, « yes, that is my département ». */
const TO_44 = ['2', '1', '3', '44000', '1'];
jest.setTimeout(180_000);

const studio = useStudioBrowser('studio-emergency-browser');

async function callFrom44(): Promise<SimulatedCall> {
  studio.harness.clock.set(MONDAY_1000_PARIS);
  const call = await new SimulatedCall(twilioSide(studio.harness.app)).dial();
  for (const key of TO_44) await call.press(key);
  return call;
}

const withPage = (work: (page: Page, errors: string[]) => Promise<void>): Promise<void> => withStudioPage(studio.browser, work);

const ready = (page: Page) => page.locator('main[data-ready="true"]').waitFor({ timeout: CONSOLE_WAIT });

describe('the studio’s emergencies', () => {
  it('When the national admin turns the crisis switch on with its reason, then the next call hears the crisis message; off again, calls reach cercle-44', async () => {
    await withPage(async (page) => {
      await signInThroughProvider(page, studio.harness.app.httpBase, /Nadia Martin/);
      await page.waitForURL(`${studio.harness.app.httpBase}/console`, { timeout: CONSOLE_WAIT });
      await page.goto(`${studio.harness.app.httpBase}/studio`);
      await ready(page);
      await expect(page.locator('#crisis-state').textContent()).resolves.toContain('Désactivée.');

      await page.getByRole('button', { name: 'Activer la bascule de crise…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Activer la bascule de crise' });
      await dialog.waitFor();
      // The focus is in the dialog, on its first field: the message heard, already written.
      await expect(page.evaluate('document.activeElement.id')).resolves.toBe('crisis-message');
      await dialog.getByLabel(/Le message entendu au début de chaque appel/).fill('Une panne touche le réseau. Nous vous mettons en relation avec l’équipe nationale.');
      await dialog.getByRole('button', { name: 'Confirmer : activer' }).click();
      await expect(dialog.getByText('Écrivez la raison, en quelques mots (3 caractères au moins).').isVisible()).resolves.toBe(true);
      await expect(dialog.getByLabel(/La raison de ce changement/).getAttribute('aria-invalid')).resolves.toBe('true');
      await expectNoWcagViolations(page, 'the crisis dialog, reason missing');
      await dialog.getByLabel(/La raison de ce changement/).fill('Panne du réseau en Pays de la Loire');
      await dialog.getByRole('button', { name: 'Confirmer : activer' }).click();
      await page.getByText(/La bascule de crise est activée\. C’est la version 2, en service maintenant\./).waitFor({ timeout: CONSOLE_WAIT });
      await page.locator('dialog').waitFor({ state: 'detached', timeout: CONSOLE_WAIT });
      await page.locator('#crisis-state', { hasText: 'Activée. Tous les appels vont vers la file « cercle-national »' }).waitFor({ timeout: CONSOLE_WAIT });
      await page.getByRole('row', { name: /^2 Urgence/ }).getByText('Publiée').waitFor({ timeout: CONSOLE_WAIT });
      // The keyboard's focus is not lost when the panel is drawn again: it is on the new action.
      await page.locator('button:focus', { hasText: 'Désactiver la bascule de crise…' }).waitFor({ timeout: CONSOLE_WAIT });
      await expectNoWcagViolations(page, 'the crisis switch on');

      const call = await new SimulatedCall(twilioSide(studio.harness.app)).dial();
      await call.press('0');
      expect(call.spoken()).toContain('Une panne touche le réseau. Nous vous mettons en relation avec l’équipe nationale.');
      expect(call.end()).toMatchObject({ kind: 'queue', name: 'cercle-national' });

      // Off again, with the keyboard only: Escape first closes the dialog and changes nothing.
      await page.getByRole('button', { name: 'Désactiver la bascule de crise…' }).click();
      await page.getByRole('dialog', { name: 'Désactiver la bascule de crise' }).waitFor();
      await page.keyboard.press('Escape');
      // The dialog leaves the page at its « close » event (a task later).
      await page.locator('dialog').waitFor({ state: 'detached', timeout: CONSOLE_WAIT });
      await expect(page.evaluate('document.activeElement.textContent')).resolves.toBe('Désactiver la bascule de crise…');
      await page.keyboard.press('Enter');
      await expect(page.evaluate('document.activeElement.id')).resolves.toBe('crisis-reason');
      await page.keyboard.type('Fin de la panne');
      await page.getByRole('button', { name: 'Confirmer : désactiver' }).click();
      await page.getByText(/La bascule de crise est désactivée\. C’est la version 3/).waitFor({ timeout: CONSOLE_WAIT });
      await page.locator('#crisis-state', { hasText: 'Désactivée.' }).waitFor({ timeout: CONSOLE_WAIT });
      expect((await callFrom44()).end()).toMatchObject({ kind: 'queue', name: 'cercle-44' });
    });
  });

  it('When the coordinator of 44 follows « Studio » from the console and closes 44 exceptionally, then the next call hears its message; reopened, calls reach cercle-44', async () => {
    await withPage(async (page) => {
      await signInThroughProvider(page, studio.harness.app.httpBase, /Damien Leroy/);
      await page.waitForURL(`${studio.harness.app.httpBase}/console`, { timeout: CONSOLE_WAIT });
      await page.getByRole('link', { name: 'Studio' }).waitFor({ timeout: CONSOLE_WAIT });
      await expect(page.getByRole('link', { name: 'Tableau de bord' }).getAttribute('href')).resolves.toBe('/tableau-de-bord');
      await expectNoWcagViolations(page, 'the console with its links to the studio and the dashboard');
      await page.getByRole('link', { name: 'Studio' }).click();
      await page.waitForURL(`${studio.harness.app.httpBase}/studio`, { timeout: CONSOLE_WAIT });
      await ready(page);
      await expect(page.getByRole('link', { name: 'Espace conseillers' }).getAttribute('href')).resolves.toBe('/console');
      await expect(page.getByRole('link', { name: 'Tableau de bord' }).getAttribute('href')).resolves.toBe('/tableau-de-bord');
      // The crisis switch is the national team's.
      await expect(page.getByRole('button', { name: /bascule de crise/ }).count()).resolves.toBe(0);
      await expect(page.locator('#closure-state').textContent()).resolves.toContain('Pas de fermeture exceptionnelle');

      await page.getByRole('button', { name: 'Fermer le 44 exceptionnellement…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Fermer le 44 exceptionnellement' });
      await dialog.getByRole('button', { name: 'Confirmer : fermer' }).click();
      await expect(dialog.getByText('Écrivez le message que les personnes entendront.').isVisible()).resolves.toBe(true);
      await expect(page.evaluate('document.activeElement.id')).resolves.toBe('closure-message');
      await dialog.getByLabel(/Le message entendu par les personnes qui appellent/).fill('L’équipe est en formation aujourd’hui. Rappelez demain.');
      await dialog.getByLabel(/La raison de ce changement/).fill('Formation de toute l’équipe');
      await expectNoWcagViolations(page, 'the closure dialog');
      await dialog.getByRole('button', { name: 'Confirmer : fermer' }).click();
      await page.getByText(/Le 44 est fermé exceptionnellement\. C’est la version \d+/).waitFor({ timeout: CONSOLE_WAIT });
      await page.locator('#closure-state', { hasText: 'Fermé exceptionnellement. Les personnes entendent : « L’équipe est en formation aujourd’hui. Rappelez demain. »' }).waitFor({ timeout: CONSOLE_WAIT });
      await expectNoWcagViolations(page, '44 closed exceptionally');

      const closed = await callFrom44();
      expect(closed.spoken()).toContain('L’équipe est en formation aujourd’hui. Rappelez demain.');
      expect(closed.end()).not.toMatchObject({ kind: 'queue', name: 'cercle-44' });

      await page.getByRole('button', { name: 'Rouvrir le 44…' }).click();
      const reopen = page.getByRole('dialog', { name: 'Rouvrir le 44' });
      await reopen.getByLabel(/La raison de ce changement/).fill('Formation finie');
      await reopen.getByRole('button', { name: 'Confirmer : rouvrir' }).click();
      await page.getByText(/Le 44 suit de nouveau ses horaires\./).waitFor({ timeout: CONSOLE_WAIT });
      await page.locator('#closure-state', { hasText: 'Pas de fermeture exceptionnelle' }).waitFor({ timeout: CONSOLE_WAIT });
      expect((await callFrom44()).end()).toMatchObject({ kind: 'queue', name: 'cercle-44' });
    });
  });

  it('When an advisor signs in, then the console shows no link to the studio or the dashboard', async () => {
    await withPage(async (page) => {
      await signInThroughProvider(page, studio.harness.app.httpBase, /Alice Bernard/);
      await page.waitForURL(`${studio.harness.app.httpBase}/console`, { timeout: CONSOLE_WAIT });
      await page.locator('#who').waitFor({ state: 'visible', timeout: CONSOLE_WAIT });
      await expect(page.getByRole('link', { name: 'Studio' }).count()).resolves.toBe(0);
      await expect(page.getByRole('link', { name: 'Tableau de bord' }).count()).resolves.toBe(0);
    });
  });
});
