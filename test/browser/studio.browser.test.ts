/**
 * The studio page in Chromium, signed in through the real local OpenID provider, on the live
 * configuration (versions in the real Redis): the coordinator of 44 changes Monday's hours to open at
 * 08:30, reads the diff, verifies the draft, tries a call on Monday at 08:45 in the draft (it reaches
 * cercle-44, with the whisper), publishes with a confirmation, and a real signed call at that time
 * then reaches cercle-44; roll back. axe finds no WCAG 2.1 AA violation on any screen; at 200 % zoom
 * nothing scrolls sideways. An advisor of 44 reads it without any way to change it; an authority is
 * refused in French. (Emergencies, the territory's welcome, national settings, the chat trial, YAML files and
 * the two-person approval: studioEmergency and studioDrafts.)
 */
import type { Page } from 'playwright-core';
import { SimulatedCall } from '../support/callHarness';
import { CONSOLE_WAIT, expectNoSidewaysScroll, expectNoWcagViolations, signInThroughProvider } from '../support/consolePage';
import { twilioSide } from '../support/testApp';
import { until } from '../support/publicChat';
import { signInToStudio, useStudioBrowser } from '../support/studioPage';

/** Monday 23 November 2026, 08:45 in Paris: the shipped 44 opens at 09:00. */
const MONDAY_0845_PARIS = '2026-11-23T07:45:00.000Z';
/** Aidant, logement, 44000, « yes, that is my département ». */
const TO_44 = ['2', '1', '3', '44000', '1'];
jest.setTimeout(180_000);

const studio = useStudioBrowser('studio-browser');

async function openStudioAs(page: Page, who: RegExp): Promise<void> {
  await signInToStudio(page, studio.harness.app.httpBase, who);
}

async function callFrom44AtMonday0845(): Promise<SimulatedCall> {
  studio.harness.clock.set(MONDAY_0845_PARIS);
  const call = await new SimulatedCall(twilioSide(studio.harness.app)).dial();
  for (const key of TO_44) await call.press(key);
  return call;
}

describe('the studio page', () => {
  it('When the coordinator of 44 opens Monday at 08:30, tries a call at 08:45 and publishes, then a real call at 08:45 reaches cercle-44; axe finds no violation on any screen', async () => {
    const before = await callFrom44AtMonday0845();
    expect(before.end()).not.toMatchObject({ kind: 'queue' });

    const context = await studio.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await page.goto(`${studio.harness.app.httpBase}/studio`);
      await page.getByRole('heading', { name: 'Connexion' }).waitFor({ timeout: CONSOLE_WAIT });
      await expectNoWcagViolations(page, 'before signing in');

      await openStudioAs(page, /Damien Leroy/);
      await expect(page.locator('#who').textContent()).resolves.toBe('Connecté : Damien Leroy (coordinateur, département 44)');
      await expect(page.locator('#territory-list').textContent()).resolves.toContain('44 : Communauté 360');
      const monday = page.getByRole('group', { name: 'Lundi' });
      await expect(monday.getByLabel('Ouvre à', { exact: true }).inputValue()).resolves.toBe('09:00');
      await expectNoWcagViolations(page, 'the studio, signed in');

      // A time typed wrong is refused in French, on its field.
      await monday.getByLabel('Ouvre à', { exact: true }).fill('8h30');
      await page.getByRole('button', { name: 'Enregistrer les horaires du 44 dans le brouillon' }).click();
      await expect(page.locator('#hours-error').textContent()).resolves.toContain('Lundi, « Ouvre à » : écrivez l’heure ainsi : 08:30.');
      await expect(monday.getByLabel('Ouvre à', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
      await expectNoWcagViolations(page, 'with a time typed wrong');

      await monday.getByLabel('Ouvre à', { exact: true }).fill('08:30');
      await page.getByRole('button', { name: 'Enregistrer les horaires du 44 dans le brouillon' }).click();
      await page.locator('#diff li', { hasText: '44 : lundi 09:00–18:00 → 08:30–18:00' }).waitFor({ timeout: CONSOLE_WAIT });
      await expect(page.locator('#diff li').allTextContents()).resolves.toEqual(['44 : lundi 09:00–18:00 → 08:30–18:00']);

      await page.getByRole('button', { name: 'Vérifier le brouillon' }).click();
      await page.getByText('Le brouillon peut être publié : aucun problème ne bloque.').waitFor({ timeout: 60_000 });
      await expectNoWcagViolations(page, 'the draft verified');

      await page.getByLabel('Date de l’appel').fill('2026-11-23');
      await page.getByLabel('Heure de l’appel').fill('08:45');
      await page.getByLabel('Ce que fait la personne qui appelle, une étape par ligne').fill(TO_44.join('\n'));
      await page.getByRole('button', { name: 'Essayer l’appel' }).click();
      const ending = page.getByText('Fin de l’appel : mis en relation avec les conseillers de la file « cercle-44 ».');
      await ending.waitFor({ timeout: 60_000 });
      await expect(page.locator('#trial-result').textContent()).resolves.toMatch(/appel du lundi 23 novembre 2026 à 08:45 .*La personne tape : 44000.*Le conseiller entend avant de décrocher : « Appel du numéro 360\..*Département 44, Loire-Atlantique\./);
      await expectNoWcagViolations(page, 'the trial played');

      await page.getByLabel(/Commentaire de la version/).fill('Ouverture plus tôt le lundi');
      await page.getByRole('button', { name: 'Publier le brouillon…' }).click();
      await page.getByRole('group', { name: 'Confirmation' }).waitFor();
      // The keyboard is taken to the question; Tab reaches « Confirmer la publication ».
      await expect(page.evaluate('document.activeElement.textContent')).resolves.toMatch(/^Publier le brouillon \? .*44 : lundi 09:00–18:00 → 08:30–18:00/);
      await page.keyboard.press('Tab');
      await expect(page.evaluate('document.activeElement.textContent')).resolves.toBe('Confirmer la publication');
      await expectNoWcagViolations(page, 'the confirmation of publishing');
      await page.keyboard.press('Enter');
      await page.getByText('La version 2 est publiée. Les prochains appels l’utilisent.').waitFor({ timeout: CONSOLE_WAIT });
      const published = page.getByRole('row', { name: /^2 Publication/ });
      await published.getByText('Publiée').waitFor({ timeout: CONSOLE_WAIT });
      await expect(published.textContent()).resolves.toContain('Ouverture plus tôt le lundi');
      await expectNoWcagViolations(page, 'after publishing');

      const after = await callFrom44AtMonday0845();
      expect(after.end()).toMatchObject({ kind: 'queue', name: 'cercle-44' });

      // Roll back to version 1: a new version 3, and the shipped hours again.
      await page.getByRole('button', { name: 'Revenir à la version 1' }).click();
      await page.getByRole('button', { name: 'Confirmer le retour en arrière' }).click();
      await page.getByText('La version 3 est publiée : c’est la version 1 à nouveau.').waitFor({ timeout: CONSOLE_WAIT });
      await until(async () => (await page.locator('#hours-mon-open').inputValue()) === '09:00', 'Monday to open at 09:00 again');
      const rolledBack = await callFrom44AtMonday0845();
      expect(rolledBack.end()).not.toMatchObject({ kind: 'queue' });

      // 200 % zoom of a 1280-pixel screen: 640 CSS pixels; nothing scrolls sideways (the versions' table scrolls in its own frame).
      await page.setViewportSize({ width: 640, height: 900 });
      await expectNoSidewaysScroll(page);
      await expectNoWcagViolations(page, 'at 640 CSS pixels wide (200 % zoom)');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('When an advisor of 44 opens it, then the studio reads only: no saving, no trial, no publishing, no roll back', async () => {
    const context = await studio.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await openStudioAs(page, /Alice Bernard/);
      await page.getByText('Vous pouvez lire le studio. Seuls les coordinateurs et l’équipe nationale peuvent le modifier.').waitFor();
      await expect(page.getByRole('group', { name: 'Lundi' }).getByLabel('Ouvre à', { exact: true }).isEditable()).resolves.toBe(false);
      await expect(page.getByLabel('Nom de la communauté 360').isEditable()).resolves.toBe(false);
      for (const name of [/Enregistrer/, /Publier/, /Essayer/, /Revenir à la version/, /Importer/, /Fermer le 44/, /bascule de crise/, /Commencer la conversation/]) await expect(page.getByRole('button', { name }).count()).resolves.toBe(0);
      // Export stays open to readers.
      await page.getByRole('link', { name: /^Télécharger config\/territories\.yaml de la version \d+ \(publiée\)$/ }).waitFor();
      await expectNoWcagViolations(page, 'read only, for an advisor');
    } finally {
      await context.close();
    }
  });

  it('When an authority opens it, then the studio refuses them in French and shows nothing of it', async () => {
    const seeder = { subject: 'test-seed', role: 'national_admin', territories: 'all' } as const;
    const made = await studio.harness.app.app.staff.create(seeder, { email: 'sans.compte@360.test', role: 'authority', territories: ['44'] });
    expect(made.ok).toBe(true);
    const context = await studio.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await signInThroughProvider(page, studio.harness.app.httpBase, /Sam Durand/);
      await page.waitForURL(`${studio.harness.app.httpBase}/observatoire`, { timeout: CONSOLE_WAIT });
      await page.goto(`${studio.harness.app.httpBase}/studio`);
      await page.locator('main[data-ready="true"]').waitFor({ timeout: CONSOLE_WAIT });
      await page.getByRole('heading', { name: 'Le studio ne vous est pas ouvert' }).waitFor();
      await expect(page.locator('#refused-text').textContent()).resolves.toContain('Votre rôle ne donne pas accès au studio.');
      await expect(page.locator('#workspace').isHidden()).resolves.toBe(true);
      await expectNoWcagViolations(page, 'refused, for an authority');
    } finally {
      await context.close();
    }
  });
});
