/**
 * The directory and the callback target in the studio page, in Chromium, signed in through the real
 * local OpenID provider, on the live configuration (versions in the real Redis):
 * - the coordinator of 44 adds an organisation with an offer into a draft (a field forgotten first),
 *   changes an offer's availability, removes an organisation, sets the callback target to 72 hours,
 *   reads it all in the draft's diff, is refused the FINESS sample (it holds 35's establishments: each
 *   line named), publishes, and an advisor of 44 finds the new offer in the directory's search (API);
 * - a national admin imports the FINESS sample into a draft and reads how many were added.
 * axe finds no WCAG 2.1 AA violation on these screens; at 640 px nothing scrolls sideways.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { findRepoRoot } from '../../src/config/env';
import { CONSOLE_WAIT, expectNoSidewaysScroll, expectNoWcagViolations } from '../support/consolePage';
import { until } from '../support/publicChat';
import { StaffBrowser } from '../support/signIn';
import { signInToStudio, useStudioBrowser, withStudioPage } from '../support/studioPage';

const SAMPLE = readFileSync(join(findRepoRoot(), 'samples/finess-etablissements-44-35.csv'));
/** The sample's lines of establishments of 35 (its columns: departement is the 14th). */
const LINES_OF_35 = SAMPLE.toString('utf8')
  .split('\n')
  .map((line, index) => [index + 1, line.split(';')] as const)
  .filter(([, columns]) => columns[0] === 'structureet' && columns[13] === '35')
  .map(([line]) => line);
const NEW = 'Accueil de jour Les Tilleuls';
jest.setTimeout(240_000);

const studio = useStudioBrowser('studio-directory-browser');

async function openStudioAs(page: Page, who: RegExp): Promise<Locator> {
  await signInToStudio(page, studio.harness.app.httpBase, who);
  const directory = page.getByRole('region', { name: 'Répertoire' });
  await directory.locator('#directory-count').waitFor({ timeout: CONSOLE_WAIT });
  return directory;
}

const withPage = (work: (page: Page) => Promise<void>): Promise<void> => withStudioPage(studio.browser, work);

const diffLine = (page: Page, text: string) => page.locator('#diff li', { hasText: text }).waitFor({ timeout: CONSOLE_WAIT });

describe('the directory in the studio page', () => {
  it('When the coordinator of 44 adds an organisation with an offer, changes and removes others and sets the callback target, then the diff says so, and once published an advisor finds the offer', async () => {
    await withPage(async (page) => {
      const directory = await openStudioAs(page, /Damien Leroy/);
      await expect(directory.locator('#directory-count').textContent()).resolves.toMatch(/^\d+ organisations dans la version publiée\.$/);
      await directory.getByRole('heading', { name: 'SAVS Nantes Est (exemple)' }).waitFor({ timeout: CONSOLE_WAIT });
      // An MDPH stays in the directory: it can be changed, not removed.
      await expect(directory.getByRole('button', { name: /^Retirer : MDPH/ }).count()).resolves.toBe(0);
      await expect(directory.getByRole('button', { name: /^Modifier : MDPH/ }).count()).resolves.toBe(1);

      // A new organisation, its name forgotten first: the field says so and has the focus.
      await directory.getByRole('button', { name: 'Ajouter une organisation' }).click();
      const form = page.getByRole('form', { name: 'Ajouter une organisation au 44' });
      await form.getByRole('button', { name: 'Enregistrer l’organisation dans le brouillon' }).click();
      await expect(page.locator('#directory-form-error').textContent()).resolves.toContain('Donnez le nom de l’organisation.');
      await expect(page.evaluate('document.activeElement.id')).resolves.toBe('dir-name');
      await expectNoWcagViolations(page, 'the directory form, a name missing');

      await form.getByLabel(/^Nom de l’organisation/).fill(NEW);
      await form.getByLabel(/^Code INSEE de la commune/).fill('44109');
      await form.getByLabel(/^Nom de la commune/).fill('Nantes');
      await form.getByLabel(/^Téléphone public/).fill('02 40 12 34 56');
      const offer = form.getByRole('group', { name: 'Offre 1' });
      await offer.getByLabel(/^Nom de l’offre/).fill('Accueil de jour pour adultes');
      await offer.getByLabel('Type d’offre').selectOption('accueil_de_jour');
      const needs = offer.getByRole('group', { name: /^Besoins couverts/ });
      // DSFR draws the checkboxes: the person clicks their labels.
      await needs.getByText('Soutien et répit pour l’aidant').click();
      await needs.getByText('Accompagnement à l’autonomie, accompagnement médico-social').click();
      await offer.getByRole('group', { name: /^Âges des personnes accueillies/ }).getByText('Enfants (moins de 18 ans)').click();
      await offer.getByRole('group', { name: /^Types de handicap/ }).getByText('Handicap psychique').click();
      await offer.getByLabel('Disponibilité', { exact: true }).selectOption('places');
      await offer.getByLabel(/^Date de la dernière vérification/).fill('2026-11-20');
      await form.getByRole('button', { name: 'Enregistrer l’organisation dans le brouillon' }).click();
      await page.getByText(`« ${NEW} » est enregistrée dans le brouillon. Voyez « Ce qui change ».`).waitFor({ timeout: CONSOLE_WAIT });
      await diffLine(page, `44 : ajout de « ${NEW} »`);
      await directory.getByRole('heading', { name: NEW }).waitFor({ timeout: CONSOLE_WAIT });
      await expect(directory.locator('#directory-count').textContent()).resolves.toMatch(/dans le brouillon\.$/);
      await directory.getByText('Disponibilité : Places disponibles, vérifié le vendredi 20 novembre 2026.').waitFor({ timeout: CONSOLE_WAIT });

      // An offer's availability changed; an organisation removed after a confirmation.
      await directory.getByRole('button', { name: 'Modifier : SAVS Nantes Est (exemple)' }).click();
      const edit = page.getByRole('form', { name: 'Modifier « SAVS Nantes Est (exemple) »' });
      await edit.getByLabel('Disponibilité', { exact: true }).selectOption('complet');
      await edit.getByRole('button', { name: 'Enregistrer l’organisation dans le brouillon' }).click();
      await diffLine(page, '44 : offre « Accompagnement à la vie sociale (SAVS) » de « SAVS Nantes Est (exemple) » changée (disponibilité)');
      // Only what changed: the offer's needs, kept in their order, are not « changed ».
      await expect(page.locator('#diff li', { hasText: 'SAVS Nantes Est' }).allTextContents().then((lines) => lines.join('\n'))).resolves.not.toMatch(/besoins|personnes accueillies/);
      await directory.getByRole('button', { name: 'Retirer : Club handisport nantais (exemple)' }).click();
      await page.getByRole('button', { name: 'Confirmer le retrait' }).click();
      await diffLine(page, '44 : retrait de « Club handisport nantais (exemple) »');
      // The list is drawn again after the diff: wait for the removed organisation to leave it.
      await directory.getByRole('heading', { name: 'Club handisport nantais (exemple)' }).waitFor({ state: 'detached', timeout: CONSOLE_WAIT });
      await expect(directory.getByRole('heading', { name: 'Club handisport nantais (exemple)' }).count()).resolves.toBe(0);

      // The callback target, in the territory's welcome.
      const target = page.getByLabel(/^Délai pour rappeler \(heures\)/);
      await expect(target.inputValue()).resolves.toBe('48');
      await target.fill('72');
      await page.getByRole('button', { name: 'Enregistrer l’accueil du 44 dans le brouillon' }).click();
      await diffLine(page, '44 : délai des rappels 48 h (par défaut) → 72 h');

      // The FINESS sample holds establishments of 35, which this coordinator does not coordinate: nothing is imported, each line named.
      const changes = await page.locator('#diff li').count();
      await directory.getByLabel(/^Fichier CSV d’établissements à importer/).setInputFiles({ name: 'finess.csv', mimeType: 'text/csv', buffer: SAMPLE });
      await directory.getByRole('button', { name: 'Importer le CSV dans le brouillon' }).click();
      await page.locator('#directory-import-result li').first().waitFor({ timeout: CONSOLE_WAIT });
      await expect(page.locator('#directory-import-result li').allTextContents()).resolves.toEqual(LINES_OF_35.map((line) => `Ligne ${line} : département 35 : vous ne coordonnez pas ce territoire.`));
      await expect(page.locator('#directory-import-result').textContent()).resolves.toContain('Rien n’a été importé.');
      await expect(page.locator('#diff li').count()).resolves.toBe(changes);
      await expectNoWcagViolations(page, 'the directory changed in a draft, an import refused');
      await page.setViewportSize({ width: 640, height: 900 });
      await expectNoSidewaysScroll(page);
      await page.setViewportSize({ width: 1280, height: 900 });

      await page.getByLabel(/Commentaire de la version/).fill('Répertoire du 44');
      await page.getByRole('button', { name: 'Publier le brouillon…' }).click();
      await page.getByRole('button', { name: 'Confirmer la publication' }).click();
      await page.getByText('La version 2 est publiée. Les prochains appels l’utilisent.').waitFor({ timeout: CONSOLE_WAIT });
      // The list is drawn again from the published version after the notice: wait for its count.
      await until(async () => /dans la version publiée\.$/.test((await directory.locator('#directory-count').textContent()) ?? ''), 'the published directory count');
      await directory.getByRole('heading', { name: NEW }).waitFor({ timeout: CONSOLE_WAIT });
      await expect(page.getByLabel(/^Délai pour rappeler \(heures\)/).inputValue()).resolves.toBe('72');
    });

    // An advisor of 44 searches the directory for respite for a carer, adult, psychic disability, in Nantes.
    const advisor = new StaffBrowser(studio.harness.app.httpBase);
    await advisor.signIn('advisor44');
    const found = await advisor.call('GET', '/api/directory?territory=44&need=soutien_aidant&commune=44109&public=adulte,psychique');
    expect(found.status).toBe(200);
    const names = (found.body.results as Array<{ organisation: { name: string }; offers: Array<{ label: string; availability: unknown }> }>).map((result) => result.organisation.name);
    expect(names).toContain(NEW);
    const ours = found.body.results.find((result: { organisation: { name: string } }) => result.organisation.name === NEW);
    expect(ours.organisation).toMatchObject({ territory: '44', commune: { code: '44109', name: 'Nantes' }, contact: { phone: '02 40 12 34 56', email: null, web: null }, source: { kind: 'coordinator' } });
    expect(ours.offers).toEqual([
      expect.objectContaining({ label: 'Accueil de jour pour adultes', type: 'accueil_de_jour', needs: ['accompagnement', 'soutien_aidant'], public: { ages: ['adulte', 'senior'], disabilities: ['psychique'] }, availability: { status: 'places', confirmedAt: '2026-11-20' } }),
    ]);
  });

  it('When a national admin imports the FINESS sample into a draft, then the page says how many establishments were added and the diff names them', async () => {
    await withPage(async (page) => {
      const directory = await openStudioAs(page, /Nadia Martin/);
      await page.getByLabel('Territoire à afficher').selectOption('35');
      await directory.getByRole('heading', { name: 'ESAT de Rennes (exemple)' }).waitFor({ timeout: CONSOLE_WAIT });
      await directory.getByLabel(/^Fichier CSV d’établissements à importer/).setInputFiles({ name: 'finess.csv', mimeType: 'text/csv', buffer: SAMPLE });
      await directory.getByRole('button', { name: 'Importer le CSV dans le brouillon' }).click();
      await page.locator('#directory-import-result', { hasText: 'Le fichier est importé dans le brouillon : 12 établissements, 12 ajoutés, 0 changé' }).waitFor({ timeout: CONSOLE_WAIT });
      await expect(page.locator('#directory-import-result').textContent()).resolves.toContain('Départements : 35, 44.');
      await diffLine(page, '35 : ajout de « FAM LES REMPARTS (EXEMPLE) »');
      await diffLine(page, '44 : ajout de « IME LES PETITS PAS (EXEMPLE) »');
      // The list of 35 is the draft's: the imported establishments are in it.
      await directory.getByRole('heading', { name: 'FAM LES REMPARTS (EXEMPLE)' }).waitFor({ timeout: CONSOLE_WAIT });
      expect(new URL(page.url()).searchParams.get('brouillon')).toMatch(/^D-[0-9a-f]{16}$/);
      await expectNoWcagViolations(page, 'the FINESS sample imported into a draft');
    });
  });
});
