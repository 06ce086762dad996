/**
 * Drafts in the studio page, in Chromium, signed in through the real local OpenID provider, on the live
 * configuration (versions in the real Redis):
 * - the coordinator of 44 changes what happens when 44 is closed (a message) and the callback wait,
 *   converses with the draft's chat (its replies and suggested buttons), publishes, and a real call on
 *   Saturday hears the new message;
 * - a national admin imports a broken territories file and reads its problem with its line number;
 * - the two-person rule: a national admin's draft that changes an emergency number waits for a second
 *   national admin, who opens it from its address and approves it; then the first one publishes it.
 * axe finds no WCAG 2.1 AA violation on these screens.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { findRepoRoot } from '../../src/config/env';
import { SimulatedCall } from '../support/callHarness';
import { CONSOLE_WAIT, expectNoSidewaysScroll, expectNoWcagViolations, signInThroughProvider } from '../support/consolePage';
import { twilioSide } from '../support/testApp';
import { signInToStudio, useStudioBrowser, withStudioPage } from '../support/studioPage';

/** Saturday 28 November 2026, 10:00 in Paris: 44 is closed. */
const SATURDAY_1000_PARIS = '2026-11-28T09:00:00.000Z';
/** Aidant, logement, 44000, « yes, that is my département ». */
const TO_44 = ['2', '1', '3', '44000', '1'];
const SAFETY = 'content/fr/safety.yaml';
const shipped = (path: string) => readFileSync(join(findRepoRoot(), path), 'utf8');
jest.setTimeout(240_000);

const studio = useStudioBrowser('studio-drafts-browser');

async function openStudioAs(page: Page, who: RegExp): Promise<void> {
  await signInToStudio(page, studio.harness.app.httpBase, who);
}

const withPage = (work: (page: Page) => Promise<void>): Promise<void> => withStudioPage(studio.browser, work);

async function publish(page: Page, comment: string): Promise<void> {
  await page.getByLabel(/Commentaire de la version/).fill(comment);
  await page.getByRole('button', { name: 'Publier le brouillon…' }).click();
  await page.getByRole('button', { name: 'Confirmer la publication' }).click();
}

describe('drafts in the studio page', () => {
  it('When the coordinator of 44 has a message said when closed, tries the chat and publishes, then a real call on Saturday hears that message', async () => {
    await withPage(async (page) => {
      await openStudioAs(page, /Damien Leroy/);
      await expect(page.getByLabel('Nom de la communauté 360').inputValue()).resolves.toBe('Communauté 360 Loire-Atlantique');
      await expect(page.getByLabel('Nom de la file, numéro ou adresse').first().inputValue()).resolves.toBe('cercle-44');
      await expect(page.getByLabel('Proposer à la personne d’être rappelée').isChecked()).resolves.toBe(true);
      // National settings are the national team's.
      await expect(page.locator('#national').isHidden()).resolves.toBe(true);

      // DSFR draws the radio button: the person clicks its label.
      await page.getByText('Dire le message ci-dessous, puis raccrocher').click();
      await expect(page.getByLabel('Dire le message ci-dessous, puis raccrocher').isChecked()).resolves.toBe(true);
      await page.getByRole('button', { name: 'Enregistrer l’accueil du 44 dans le brouillon' }).click();
      await expect(page.locator('#fields-error').textContent()).resolves.toContain('Écrivez le message à dire quand le territoire est fermé.');
      await expect(page.evaluate('document.activeElement.id')).resolves.toBe('field-closed-message');
      await expectNoWcagViolations(page, 'the welcome fields, a message missing');

      await page.getByLabel(/Message dit quand le territoire est fermé/).fill('Nous rouvrons lundi à 9 heures.');
      await page.getByLabel(/Attente avant de proposer un rappel/).fill('90');
      await page.getByRole('button', { name: 'Enregistrer l’accueil du 44 dans le brouillon' }).click();
      await page.getByText('L’accueil du 44 est enregistré dans le brouillon. Voyez « Ce qui change ».').waitFor({ timeout: CONSOLE_WAIT });
      const diff = await page.locator('#diff li').allTextContents();
      expect(diff).toEqual(expect.arrayContaining(['44 : message de fermeture ajouté : Nous rouvrons lundi à 9 heures.']));
      expect(diff.join('\n')).toMatch(/44 : .*120.*90/);
      expect(diff).toHaveLength(3);
      // The draft stays in the page's address: a reload opens it again, its fields as saved.
      await page.reload();
      await page.locator('main[data-ready="true"]').waitFor({ timeout: CONSOLE_WAIT });
      await page.locator('#field-closed-message').waitFor({ timeout: CONSOLE_WAIT });
      await expect(page.getByLabel(/Message dit quand le territoire est fermé/).inputValue()).resolves.toBe('Nous rouvrons lundi à 9 heures.');
      await expect(page.getByLabel('Dire le message ci-dessous, puis raccrocher').isChecked()).resolves.toBe(true);
      await expect(page.locator('#diff li').allTextContents()).resolves.toEqual(diff);

      // The chat of the draft: its welcome and buttons, a button pressed, a message written.
      await page.getByLabel('Date de la conversation').fill('2026-11-23');
      await page.getByLabel('Heure de la conversation').fill('10:00');
      await page.getByRole('button', { name: 'Commencer la conversation' }).click();
      await page.locator('#chat-transcript li', { hasText: 'Le service répond' }).first().waitFor({ timeout: 60_000 });
      const offered = page.locator('#chat-buttons button');
      await offered.first().waitFor({ timeout: CONSOLE_WAIT });
      const title = (await offered.first().textContent()) ?? '';
      expect(title).not.toBe('');
      await expect(page.locator('#chat-announce').textContent()).resolves.not.toBe('');
      await expectNoWcagViolations(page, 'the chat trial started');
      await offered.first().click();
      await page.locator('#chat-transcript li', { hasText: `Vous appuyez sur : ${title}` }).waitFor({ timeout: 60_000 });
      const linesBefore = await page.locator('#chat-transcript li').count();
      await page.getByLabel(/Votre message/).fill('Je cherche un logement adapté');
      await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
      await page.locator('#chat-transcript li', { hasText: 'Vous écrivez : Je cherche un logement adapté' }).waitFor({ timeout: 60_000 });
      expect(await page.locator('#chat-transcript li').count()).toBeGreaterThan(linesBefore + 1);
      await expect(page.locator('#chat-transcript li').last().textContent()).resolves.toMatch(/^(Le service répond|Passage à un conseiller)/);
      await expectNoWcagViolations(page, 'the chat trial going on');

      await publish(page, 'Message le samedi');
      await page.getByText('La version 2 est publiée. Les prochains appels l’utilisent.').waitFor({ timeout: CONSOLE_WAIT });
      // The fields show the version now published.
      await page.locator('#field-callback-wait[value="90"]').waitFor({ timeout: CONSOLE_WAIT });
      await expect(page.getByLabel(/Attente avant de proposer un rappel/).inputValue()).resolves.toBe('90');

      studio.harness.clock.set(SATURDAY_1000_PARIS);
      const call = await new SimulatedCall(twilioSide(studio.harness.app)).dial();
      for (const key of TO_44) await call.press(key);
      expect(call.spoken()).toContain('Nous rouvrons lundi à 9 heures.');
      expect(call.end()).not.toMatchObject({ kind: 'queue' });
    });
  });

  it('When a national admin imports a territories file with a mistake, then the page names its line in French and the draft cannot be published; a postcode override goes into a new draft', async () => {
    await withPage(async (page) => {
      await openStudioAs(page, /Nadia Martin/);
      const broken = shipped('config/territories.yaml').replace('mon: ["09:00-18:00"]', 'mon: ["9h-18h"]');
      const line = broken.split('\n').findIndex((text) => text.includes('9h-18h')) + 1;
      await page.getByLabel(/^Fichier Les fichiers YAML/).selectOption('config/territories.yaml');
      await page.getByLabel(/Fichier YAML à importer/).setInputFiles({ name: 'territories.yaml', mimeType: 'application/yaml', buffer: Buffer.from(broken, 'utf8') });
      await page.getByRole('button', { name: 'Importer dans le brouillon' }).click();
      await page.locator('#import-result li', { hasText: `Ligne ${line} du fichier config/territories.yaml : territories.01.hours.mon[0]` }).waitFor({ timeout: 60_000 });
      await expect(page.locator('#import-result').textContent()).resolves.toContain('Le brouillon ne peut pas être publié avant.');
      await expectNoWcagViolations(page, 'a broken file imported');
      await page.getByRole('button', { name: 'Abandonner le brouillon' }).click();
      await page.getByRole('button', { name: 'Confirmer l’abandon' }).click();
      await page.getByText(/Aucun brouillon en cours/).waitFor({ timeout: CONSOLE_WAIT });

      // The national settings: a postcode tied to another département, a line typed wrong first.
      const overrides = page.getByLabel(/Codes postaux rattachés à un autre département/);
      await expect(overrides.inputValue()).resolves.toBe('97133 971\n97150 971');
      await overrides.fill('97133 971\n97150 971\n44999 en Loire');
      await page.getByRole('button', { name: 'Enregistrer les réglages nationaux dans le brouillon' }).click();
      await expect(page.locator('#national-error').textContent()).resolves.toContain('« 44999 en Loire » : écrivez le code postal, un espace, puis le département');
      await expect(overrides.getAttribute('aria-invalid')).resolves.toBe('true');
      await expectNoWcagViolations(page, 'the national settings, a line typed wrong');
      await overrides.fill('97133 971\n97150 971\n44999 44');
      await page.getByRole('button', { name: 'Enregistrer les réglages nationaux dans le brouillon' }).click();
      await page.getByText('Les réglages nationaux sont enregistrés dans le brouillon. Voyez « Ce qui change ».').waitFor({ timeout: CONSOLE_WAIT });
      await page.locator('#diff li', { hasText: '44999' }).waitFor({ timeout: CONSOLE_WAIT });
    });
  });

  it('When a national admin changes an emergency number, then a second national admin approves it from its address before the first one can publish it', async () => {
    const seeder = { subject: 'test-seed', role: 'national_admin', territories: 'all' } as const;
    expect((await studio.harness.app.app.staff.create(seeder, { email: 'sans.compte@360.test', role: 'national_admin', territories: 'all' })).ok).toBe(true);
    const changed = shipped(SAFETY).replace(
      'dial: "15"\n    say: "C\'est une urgence médicale. Le 15, le SAMU, peut vous aider tout de suite."',
      'dial: "112"\n    say: "C\'est une urgence médicale. Le 112 peut vous aider tout de suite."',
    );
    expect(changed).not.toBe(shipped(SAFETY));
    let address = '';
    await withPage(async (page) => {
      await openStudioAs(page, /Nadia Martin/);
      await page.getByLabel(/^Fichier Les fichiers YAML/).selectOption(SAFETY);
      await page.getByLabel(/Fichier YAML à importer/).setInputFiles({ name: 'safety.yaml', mimeType: 'application/yaml', buffer: Buffer.from(changed, 'utf8') });
      await page.getByRole('button', { name: 'Importer dans le brouillon' }).click();
      await page.getByText('Le fichier est importé dans le brouillon, sans erreur. Le brouillon peut être publié.').waitFor({ timeout: 60_000 });
      await page.getByRole('heading', { name: 'Une seconde approbation est nécessaire' }).waitFor({ timeout: CONSOLE_WAIT });
      await expect(page.getByRole('button', { name: 'Publier le brouillon…' }).count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: 'Approuver' }).count()).resolves.toBe(0);
      // The draft's file, exported: the changed number.
      const href = (await page.getByRole('link', { name: `Télécharger ${SAFETY} du brouillon` }).getAttribute('href')) ?? '';
      await expect(page.evaluate(`fetch(${JSON.stringify(href)}).then((r) => r.text())`)).resolves.toBe(changed);
      await expectNoWcagViolations(page, 'a draft waiting for a second approval');
      // 200 % zoom of a 1280-pixel screen: the draft's long address wraps, nothing scrolls sideways.
      await page.setViewportSize({ width: 640, height: 900 });
      await expectNoSidewaysScroll(page);
      address = page.url();
      expect(address).toMatch(/\?brouillon=D-[0-9a-f]{16}$/);
    });

    await withPage(async (page) => {
      await signInThroughProvider(page, studio.harness.app.httpBase, /Sam Durand/);
      await page.waitForURL(`${studio.harness.app.httpBase}/console`, { timeout: CONSOLE_WAIT });
      await page.goto(address);
      await page.locator('main[data-ready="true"]').waitFor({ timeout: CONSOLE_WAIT });
      await expect(page.locator('#diff').textContent()).resolves.toContain('15 → 112');
      await page.getByRole('button', { name: 'Approuver' }).click();
      await page.getByRole('heading', { name: 'Vous avez approuvé ce brouillon' }).waitFor({ timeout: CONSOLE_WAIT });
      await expect(page.getByRole('button', { name: 'Publier le brouillon…' }).count()).resolves.toBe(0);
      await expectNoWcagViolations(page, 'a draft just approved');
    });

    await withPage(async (page) => {
      await signInThroughProvider(page, studio.harness.app.httpBase, /Nadia Martin/);
      await page.waitForURL(`${studio.harness.app.httpBase}/console`, { timeout: CONSOLE_WAIT });
      await page.goto(address);
      await page.locator('main[data-ready="true"]').waitFor({ timeout: CONSOLE_WAIT });
      await page.getByRole('heading', { name: 'Approuvé par un second administrateur national' }).waitFor({ timeout: CONSOLE_WAIT });
      await publish(page, 'Le 112 pour les urgences médicales');
      await page.getByText(/La version \d+ est publiée\. Les prochains appels l’utilisent\./).waitFor({ timeout: CONSOLE_WAIT });
      await page.getByRole('row', { name: /Le 112 pour les urgences médicales/ }).getByText('Publiée').waitFor({ timeout: CONSOLE_WAIT });
      expect(new URL(page.url()).searchParams.get('brouillon')).toBeNull();
    });
  });
});
