/**
 * The observatory page in Chromium, as the authority of 44 (a bearer token on every request, as an
 * API client would send it): the DSFR tables with their captions and « secret » cells, the CSV link,
 * DSFR's style really loaded from node_modules, and no WCAG 2.1 AA violation found by axe.
 */
import AxeBuilder from '@axe-core/playwright';
import { randomBytes } from 'node:crypto';
import type { Principal } from '../../src/advisors/principal';
import { ticketRefFor } from '../../src/tickets/ref';
import { startAdvisorApp, tokenOf, type AdvisorHarness } from '../advisors/helpers';
import { describeAxeViolations, launchBrowser, type TestBrowser } from '../support/browser';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const AUTHORITY: Principal = { subject: 'cd-44', name: 'Conseil départemental', role: 'authority', territories: ['44', '85'] };
jest.setTimeout(120_000);

let harness: AdvisorHarness;
let browser: TestBrowser;
beforeAll(async () => {
  harness = await startAdvisorApp('observatory-browser');
  const make = async (need: 'logement' | 'sante' | 'emploi', count: number) => {
    for (let i = 0; i < count; i++) {
      const conversationId = `CA${randomBytes(16).toString('hex')}`;
      await harness.app.app.tickets.createOrUpdate({
        ref: ticketRefFor('44', conversationId),
        channel: 'voice',
        kind: 'routed',
        profile: 'aidant',
        need,
        departement: '44',
        priority: 'normale',
        conversationId,
      });
    }
  };
  await make('logement', 25);
  await make('sante', 4);
  await make('emploi', 15);
  // The counters are written just after each ticket (fire and forget): wait until all 44 are there.
  const token = await tokenOf(AUTHORITY);
  for (let attempt = 0; attempt < 100; attempt++) {
    const answer = await fetch(`${harness.app.httpBase}/api/observatory/44`, { headers: { authorization: `Bearer ${token}` } });
    if (((await answer.json()) as { tables: Array<{ grandTotal: unknown }> }).tables[0]?.grandTotal === 44) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

describe('the observatory page', () => {
  it('When the authority of 44 opens /observatoire, then it sees captioned DSFR tables with « secret » for small counts, a CSV link, and axe finds no violation', async () => {
    const context = await browser.newContext({ extraHTTPHeaders: { authorization: `Bearer ${await tokenOf(AUTHORITY)}` }, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      const answer = await page.goto(`${harness.app.httpBase}/observatoire`);
      expect(answer?.status()).toBe(200);
      await expect(page.title()).resolves.toBe('44 Loire-Atlantique – Observatoire du 360');
      await page.getByRole('heading', { level: 1, name: 'Observatoire du 360 : 44 Loire-Atlantique' }).waitFor();
      const captions = await page.locator('table caption').allTextContents();
      expect(captions.map((c) => c.replace(/\s+/g, ' ').trim())).toEqual([
        'Contacts par besoin, sur douze mois',
        'Contacts par besoin et par mois (nombre de contacts)',
        'Contacts par profil et par canal, sur douze mois (nombre de contacts)',
        'Besoins sans solution par besoin, sur douze mois (mentions)',
        'Besoins sans solution : ce qui manquait, par besoin, sur douze mois (une situation peut citer plusieurs manques) (nombre de mentions)',
        'Besoins sans solution par mois (nombre de situations)',
      ]);
      const firstTable = page.getByRole('table', { name: /Contacts par besoin et par mois/ });
      await expect(firstTable.getByRole('row', { name: /Se loger/ }).getByRole('cell').last().textContent()).resolves.toBe('25');
      const santeRow = firstTable.getByRole('row', { name: /Être en bonne santé/ });
      await expect(santeRow.getByRole('cell').last().textContent()).resolves.toBe('secret');
      // Each chart is a named picture, followed by its table: « secret » draws no bar and reads « secret ».
      await expect(page.getByRole('img', { name: 'Contacts par besoin, sur douze mois' }).count()).resolves.toBe(1);
      const chartTable = page.getByRole('table', { name: 'Contacts par besoin, sur douze mois' });
      await expect(chartTable.getByRole('row', { name: /Se loger/ }).getByRole('cell').last().textContent()).resolves.toBe('25');
      await expect(chartTable.getByRole('row', { name: /Être en bonne santé/ }).getByRole('cell').last().textContent()).resolves.toBe('secret');
      await expect(page.getByRole('link', { name: 'Télécharger le tableau (CSV)' }).getAttribute('href')).resolves.toBe('/api/observatory/44/export.csv?month=2026-11');
      await expect(page.getByRole('link', { name: '85 Vendée' }).getAttribute('href')).resolves.toBe('/observatoire?territory=85');
      // DSFR's stylesheet is applied (its Marianne font), not just linked.
      const font = await page.evaluate<string>('getComputedStyle(document.body).fontFamily');
      expect(font).toContain('Marianne');
      const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
      if (results.violations.length > 0) throw new Error(`axe (WCAG 2.1 AA):\n${describeAxeViolations(results.violations)}`);
      expect(results.passes.length).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });

  it('When nobody is signed in, then the page says so in French, offers to sign in, and axe finds no violation', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      const answer = await page.goto(`${harness.app.httpBase}/observatoire`);
      expect(answer?.status()).toBe(401);
      await page.getByRole('heading', { level: 1, name: 'Connectez-vous' }).waitFor();
      await expect(page.getByRole('link', { name: 'Se connecter' }).getAttribute('href')).resolves.toBe('/auth/login');
      const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
      if (results.violations.length > 0) throw new Error(`axe (WCAG 2.1 AA):\n${describeAxeViolations(results.violations)}`);
    } finally {
      await context.close();
    }
  });
});
