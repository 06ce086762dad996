/**
 * The advisor console in a real browser (Debian's Chromium, playwright-core), on the real app and a
 * real Redis, at Monday 10:00 in Paris. A person escalates in the public chat (aidant, logement,
 * 44000, « Oui »: a T-44 chat ticket); an advisor of 44 signed in on /console sees the chat appear
 * live, takes it, reads the transcript and the pre-filled ticket, and writes; the person reads the
 * reply in Web Chat and the bot stays quiet until the advisor hands back. An advisor of 35 signed in
 * at the same time never sees it (neither in the lists nor on the event stream), but does get the
 * screen pop of a call transferred to 35, without the focus moving. axe finds no WCAG 2.1 AA
 * violation with content on screen. Then the ticket actions (take, note, level, close) and an API
 * refusal shown in French. Hand-offs nobody could answer at once: one before any orientation (the
 * département declined) reaches the national advisor's console only; one at 06:44 from 44000 reaches
 * the 44 advisor's console only, and the person is told the hours instead of a promise.
 * No sleeps: every step waits for what a person would wait for.
 */
import { randomBytes } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import type { Principal } from '../../src/advisors/principal';
import { ticketRefFor } from '../../src/tickets/ref';
import type { Ticket } from '../../src/tickets/ticket';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { closeWith, expectNoWcagViolations, openConsoleWithToken, type ConsoleTab } from '../support/consolePage';
import { TestClock, startTestApp, testRedis, type RunningTestApp } from '../support/testApp';

const BROWSER_TEST_TIMEOUT = 90_000;
/** Everything answers in milliseconds on loopback: only the ceiling before a readable failure. */
const WAIT = 15_000;
const NOW = '2026-11-23T09:00:00.000Z'; // Monday 10:00 in Paris: the 44 and 35 CERCLEs are open.

const ALICE_44: Principal = { subject: 'alice-44', name: 'Alice', role: 'advisor', territories: ['44'] };
const BRUNO_44: Principal = { subject: 'bruno-44', name: 'Bruno', role: 'advisor', territories: ['44'] };
const CHLOE_35: Principal = { subject: 'chloe-35', name: 'Chloé', role: 'advisor', territories: ['35'] };
/** An advisor of the national team: the national list (XX). */
const NINA_NATIONAL: Principal = { subject: 'nina-national', name: 'Nina', role: 'advisor', territories: ['XX'] };
const EARLY_MONDAY_PARIS = '2026-11-23T05:44:00.000Z'; // 06:44 in Paris: every territory is closed.

/**
 * Records what the console's EventSource receives (in the page, before its scripts; Playwright injects
 * it outside the page's CSP). Plain source text: the project's tsconfig has no DOM lib.
 */
const RECORD_EVENTS = `
  window.__sse = [];
  (function () {
    var Original = window.EventSource;
    function Recording(url, options) {
      var source = new Original(url, options);
      ['ready', 'ticket.created', 'ticket.updated', 'chat.message'].forEach(function (type) {
        source.addEventListener(type, function (e) { window.__sse.push({ type: type, data: e.data }); });
      });
      return source;
    }
    Recording.prototype = Original.prototype;
    Recording.CONNECTING = 0; Recording.OPEN = 1; Recording.CLOSED = 2;
    window.EventSource = Recording;
  })();
`;

const clock = new TestClock(NOW);
let redis: Awaited<ReturnType<typeof testRedis>>;
let app: RunningTestApp;
let browser: TestBrowser;

beforeAll(async () => {
  redis = await testRedis('console-browser');
  app = await startTestApp({ store: redis.store, keys: redis.keys, clock });
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await redis?.cleanup();
});

// ---- The person's side: the public chat page (as in chat.browser.test.ts) ----------------------------

const BOT_MESSAGES = '#webchat article.webchat__basic-transcript__activity:not(:has(.webchat__bubble--from-user)) .webchat__text-content';
const sendBox = (page: Page): Locator => page.locator('#webchat [data-id="webchat-sendbox-input"]');
const suggested = (page: Page, title: string): Locator => page.locator('#webchat .webchat__suggested-actions').getByRole('button', { name: title, exact: true });
const botSaid = (page: Page, text: string | RegExp): Promise<void> => page.locator(BOT_MESSAGES, { hasText: text }).first().waitFor({ timeout: WAIT });

async function typeAndSend(page: Page, text: string): Promise<void> {
  await sendBox(page).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Orients to 44000 and confirms: the hand-off to the advisors of 44. Returns the ticket ref the person reads. */
async function escalateTo44(page: Page): Promise<string> {
  await page.goto(`${app.httpBase}/`);
  await botSaid(page, 'Vous écrivez pour qui ?');
  await suggested(page, 'Pour un proche que vous aidez').click();
  await botSaid(page, 'De quoi avez-vous besoin ?');
  await suggested(page, "Se laver, manger, se déplacer, le logement, l'argent").click();
  await botSaid(page, 'Précisez votre besoin');
  await suggested(page, 'Se loger').click();
  await botSaid(page, 'code postal');
  await typeAndSend(page, '44000');
  await botSaid(page, 'Loire-Atlantique');
  await suggested(page, 'Oui').click();
  const handed = page.locator(BOT_MESSAGES, { hasText: /numéro de dossier est :\s+T-44-[0-9A-Z]{6}/ }).first();
  await handed.waitFor({ timeout: WAIT });
  const ref = /T-44-[0-9A-Z]{6}/.exec((await handed.textContent()) ?? '')?.[0];
  if (!ref) throw new Error('no ticket ref in the hand-off message');
  return ref;
}

// ---- The advisor's side: the console ------------------------------------------------------------------

async function openConsole(principal: Principal): Promise<ConsoleTab> {
  const tab = await openConsoleWithToken(browser, app.httpBase, principal, { initScript: RECORD_EVENTS });
  await tab.page.locator('#who', { hasText: principal.name ?? principal.subject }).waitFor();
  return tab;
}

/** The events the console's EventSource received, as [type, data] texts. */
async function eventsSeen(page: Page): Promise<Array<{ type: string; data: string }>> {
  return JSON.parse((await page.evaluate('JSON.stringify(window.__sse)')) as string) as Array<{ type: string; data: string }>;
}

const focusedId = (page: Page) => page.evaluate('document.activeElement ? document.activeElement.id : null') as Promise<string | null>;
/** Waits until the element with this id has the focus (a click's effect may take a fetch). */
const focusReaches = (page: Page, id: string) => page.waitForFunction(`document.activeElement && document.activeElement.id === ${JSON.stringify(id)}`, undefined, { timeout: WAIT });

/** A transferred call: the ticket the voice flow writes when it routes a caller to a territory. */
function transferredCall(departement: string | null, priority: 'normale' | 'prioritaire' = 'normale'): Promise<Ticket> {
  const conversationId = `CA${randomBytes(16).toString('hex')}`;
  return app.app.tickets.createOrUpdate({
    ref: ticketRefFor(departement, conversationId),
    channel: 'voice',
    kind: 'routed',
    profile: 'personne',
    need: 'sante',
    departement,
    territoryName: departement === null ? 'national' : `Communauté 360 ${departement}`,
    priority,
    choices: [
      { step: 'profile', value: 'personne', via: 'dtmf' },
      { step: 'need', value: 'sante', via: 'speech' },
    ],
    conversationId,
  });
}

describe('the advisor console in Chromium', () => {
  it(
    'When a person escalates a chat to 44, then the 44 advisor sees it live, takes it, reads transcript and ticket, and writes to the person, while the 35 advisor never sees it but gets the screen pop of a 35 call; axe finds no WCAG 2.1 AA violation',
    async () => {
      // The sign-in form, before anyone signs in.
      const signInContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const signInPage = await signInContext.newPage();
      await signInPage.goto(`${app.httpBase}/console`);
      await signInPage.getByLabel('Jeton d’accès').waitFor();
      expect(await signInPage.getByLabel('Jeton d’accès').getAttribute('type')).toBe('password');
      await signInPage.getByRole('button', { name: 'Se connecter' }).click();
      await signInPage.locator('#token-error', { hasText: 'Collez votre jeton d’accès.' }).waitFor();
      await signInPage.getByLabel('Jeton d’accès').fill('pas-un-jeton');
      await signInPage.getByRole('button', { name: 'Se connecter' }).click();
      await signInPage.locator('#token-error', { hasText: 'Ce jeton n’est pas valide ou a expiré.' }).waitFor({ timeout: WAIT });
      await expectNoWcagViolations(signInPage, 'on the sign-in form with an error');
      await signInContext.close();

      const alice = await openConsole(ALICE_44);
      const chloe = await openConsole(CHLOE_35);
      const userContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const user = await userContext.newPage();
      const userErrors: string[] = [];
      user.on('pageerror', (error) => userErrors.push(error.message));
      try {
        await alice.page.locator('#waiting-empty', { hasText: 'Personne n’attend.' }).waitFor();
        const beforeAxe = await expectNoWcagViolations(alice.page, 'signed in, lists empty');
        expect(beforeAxe).toBeGreaterThan(0);

        // The person escalates; the waiting chat appears live on the 44 console (no reload).
        const ref = await escalateTo44(user);
        const waiting = alice.page.locator(`#waiting-list li[data-ref="${ref}"]`);
        await waiting.waitFor({ timeout: WAIT });
        expect(await waiting.innerText()).toMatch(/Chat[^]*Aidant \(proche\)[^]*Se loger[^]*Loire-Atlantique \(44\)/i); // DSFR badges are in capitals
        await expectNoWcagViolations(alice.page, 'with a waiting chat on screen');

        // She takes it: the transcript and the pre-filled ticket.
        await alice.page.getByRole('button', { name: `Prendre le chat ${ref}` }).click();
        await alice.page.locator('#chat-title', { hasText: `Chat en direct : dossier ${ref}` }).waitFor({ timeout: WAIT });
        const chatLog = alice.page.locator('#chat-messages');
        // The postcode the person typed reaches the advisor as its département only.
        await chatLog.locator('li[data-from="user"]', { hasText: '[code postal du département 44]' }).waitFor({ timeout: WAIT });
        expect(await chatLog.innerText()).not.toContain('44000');
        expect(await chatLog.innerText()).toContain('Vous écrivez pour qui ?');
        await alice.page.locator('#ticket-title', { hasText: `Dossier ${ref}` }).waitFor({ timeout: WAIT });
        const ticketPanel = await alice.page.locator('#ticket-panel').innerText();
        expect(ticketPanel).toMatch(/Aidant \(proche\)/);
        expect(ticketPanel).toMatch(/Se loger/);
        expect(ticketPanel).toMatch(/Pris en charge/);
        expect(ticketPanel).toContain('Alice');
        expect(await alice.page.locator('#ticket-summary').innerText()).toMatch(/^Chat : .*département 44/);
        // Taking it moved the focus (the advisor's own action) to the message field.
        await focusReaches(alice.page, 'chat-text');
        await alice.page.locator(`#waiting-list li[data-ref="${ref}"]`).waitFor({ state: 'detached', timeout: WAIT });
        await alice.page.locator(`#my-chats-list li[data-ref="${ref}"]`).waitFor({ timeout: WAIT });

        // The person is told, then reads the advisor's reply in Web Chat.
        await botSaid(user, 'Un conseiller vous répond.');
        const reply = 'Bonjour, je suis Alice, conseillère de Loire-Atlantique. Que se passe-t-il ?';
        await alice.page.getByLabel('Votre message à la personne').fill(reply);
        await alice.page.getByRole('button', { name: 'Envoyer', exact: true }).click();
        await chatLog.locator('li[data-from="advisor"]', { hasText: reply }).waitFor({ timeout: WAIT });
        await botSaid(user, reply);

        // The person answers: it reaches the console live (chat.message), and the bot stays quiet.
        await typeAndSend(user, 'Ma mère ne peut plus rester seule.');
        await chatLog.locator('li[data-from="user"]', { hasText: 'Ma mère ne peut plus rester seule.' }).waitFor({ timeout: WAIT });
        const second = 'Je cherche une solution avec vous.';
        await alice.page.getByLabel('Votre message à la personne').fill(second);
        await alice.page.keyboard.press('Tab');
        await alice.page.keyboard.press('Enter'); // « Envoyer », by keyboard
        await chatLog.locator('li[data-from="advisor"]', { hasText: second }).waitFor({ timeout: WAIT });
        await botSaid(user, second);
        const lines = await Promise.all((await chatLog.locator('li').all()).map((item) => item.getAttribute('data-from')));
        const fromHandOn = lines.slice(lines.lastIndexOf('advisor') - 2);
        expect(fromHandOn).toEqual(['advisor', 'user', 'advisor']);

        // Content on screen: lists, the live chat, the ticket panel.
        await expectNoWcagViolations(alice.page, 'with a live chat and its ticket on screen');

        // 35 never saw the 44 chat: not in its lists, not on its event stream.
        const chloeSees = await chloe.page.locator('#workspace').innerText();
        expect(chloeSees).not.toContain(ref);
        const chloeEvents = await eventsSeen(chloe.page);
        expect(chloeEvents.map((e) => e.type)).toContain('ready');
        expect(JSON.stringify(chloeEvents)).not.toContain(ref);
        const aliceEvents = await eventsSeen(alice.page);
        expect(aliceEvents.filter((e) => e.data.includes(ref)).map((e) => e.type)).toEqual(expect.arrayContaining(['ticket.created', 'ticket.updated', 'chat.message']));

        // A call transferred to 35: the screen pop on Chloé's console, announced, the focus left where it was.
        await chloe.page.getByRole('heading', { name: /Dossiers ouverts/ }).click();
        const focusBefore = await focusedId(chloe.page);
        const call35 = await transferredCall('35', 'prioritaire');
        await chloe.page.locator('#screen-pop', { hasText: call35.ref }).waitFor({ timeout: WAIT });
        await chloe.page.locator('#announcer', { hasText: `Appel transféré vers vous. Prioritaire. Personne concernée. Besoin : Être en bonne santé, soins médicaux et paramédicaux.` }).waitFor({ timeout: WAIT });
        expect(await chloe.page.locator('#announcer').getAttribute('aria-live')).toBe('assertive');
        await chloe.page.locator('#ticket-title', { hasText: `Dossier ${call35.ref}` }).waitFor({ timeout: WAIT });
        expect(await focusedId(chloe.page)).toBe(focusBefore);
        await chloe.page.locator(`#waiting-list li[data-ref="${call35.ref}"]`).waitFor({ timeout: WAIT });
        await expectNoWcagViolations(chloe.page, 'with a screen pop on screen');
        await chloe.page.getByRole('button', { name: 'Ouvrir le dossier', exact: true }).click();
        await focusReaches(chloe.page, 'ticket-title');
        expect(await chloe.page.locator('#screen-pop').isHidden()).toBe(true);
        // …and 44 got no screen pop for it.
        expect(await alice.page.locator('#screen-pop').isHidden()).toBe(true);
        expect(JSON.stringify(await eventsSeen(alice.page))).not.toContain(call35.ref);

        // 200 % zoom of a 1280-pixel screen: 640 CSS pixels; nothing scrolls sideways.
        await alice.page.setViewportSize({ width: 640, height: 450 });
        const overflow = (await alice.page.evaluate('({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth })')) as { scrollWidth: number; clientWidth: number };
        expect({ ...overflow, scrollsSideways: overflow.scrollWidth > overflow.clientWidth }).toMatchObject({ scrollsSideways: false });
        await expectNoWcagViolations(alice.page, 'at 640 CSS pixels wide (200 % zoom)');

        // She hands back: the bot speaks again.
        await alice.page.getByRole('button', { name: 'Rendre la main au robot' }).click();
        await botSaid(user, 'Je reste là');
        await alice.page.locator('#chat-panel').waitFor({ state: 'hidden' });

        expect({ alice: alice.errors, chloe: chloe.errors, user: userErrors }).toEqual({ alice: [], chloe: [], user: [] });
      } finally {
        await Promise.all([alice.context.close(), chloe.context.close(), userContext.close()]);
      }
    },
    BROWSER_TEST_TIMEOUT,
  );

  it(
    'When advisors of 44 work a transferred call, then they take it, add a note, close it or raise its level from the console, record partners and actions on the N2 case and close it, and an API refusal is shown in French',
    async () => {
      const alice = await openConsole(ALICE_44);
      const bruno = await openConsole(BRUNO_44);
      try {
        const call = await transferredCall('44');
        // The screen pop, then « Ouvrir le dossier » (keyboard) moves the focus to the ticket.
        await alice.page.locator('#screen-pop', { hasText: call.ref }).waitFor({ timeout: WAIT });
        await alice.page.getByRole('button', { name: 'Ouvrir le dossier', exact: true }).focus();
        await alice.page.keyboard.press('Enter');
        await alice.page.locator('#ticket-title', { hasText: `Dossier ${call.ref}` }).waitFor({ timeout: WAIT });
        await focusReaches(alice.page, 'ticket-title');

        const panel = alice.page.locator('#ticket-panel');
        await alice.page.getByRole('button', { name: 'Prendre le dossier' }).click();
        await alice.page.locator('#status', { hasText: `Vous êtes le référent du dossier ${call.ref}.` }).waitFor({ timeout: WAIT });
        await panel.getByText('Pris en charge · niveau N1').waitFor();
        await alice.page.getByLabel('Note', { exact: true }).fill('Rendez-vous avec le SSIAD demain.');
        await alice.page.getByRole('button', { name: 'Enregistrer la note' }).click();
        await panel.getByText('Rendez-vous avec le SSIAD demain.').waitFor({ timeout: WAIT });
        await panel.getByText('N1 en cours · niveau N1').waitFor();

        // Bruno (44, not the referent) tries to close it: refused by the API, said in French.
        await bruno.page.getByRole('button', { name: `Voir le dossier ${call.ref}` }).first().click({ timeout: WAIT });
        await bruno.page.locator('#ticket-title', { hasText: `Dossier ${call.ref}` }).waitFor({ timeout: WAIT });
        await closeWith(bruno.page, 'Solution mise en place', 'Solution trouvée');
        await bruno.page.locator('#ticket-error', { hasText: 'Seul le référent de ce dossier ou un coordinateur peut le modifier.' }).waitFor({ timeout: WAIT });
        expect(await bruno.page.locator('#ticket-error').getAttribute('role')).toBe('alert');
        await expectNoWcagViolations(bruno.page, 'with an error shown');

        // Alice raises it to N2 (a staff date), on a second call; and closes the first.
        await closeWith(alice.page, 'Solution mise en place', 'Passage du SSIAD deux fois par jour.');
        await panel.getByText('Résolu · niveau N1').waitFor({ timeout: WAIT });
        await panel.locator('dd', { hasText: 'Solution mise en place' }).waitFor();
        await alice.page.locator(`#open-list li[data-ref="${call.ref}"]`).waitFor({ state: 'detached', timeout: WAIT });

        const other = await transferredCall('44', 'prioritaire');
        await alice.page.getByRole('button', { name: `Voir le dossier ${other.ref}` }).first().click({ timeout: WAIT });
        await alice.page.locator('#ticket-title', { hasText: `Dossier ${other.ref}` }).waitFor({ timeout: WAIT });
        await alice.page.getByRole('button', { name: 'Prendre le dossier' }).click();
        await panel.getByText('Pris en charge · niveau N1').waitFor({ timeout: WAIT });
        await alice.page.getByLabel('Nouveau niveau').selectOption('2');
        await alice.page.getByRole('button', { name: 'Changer de niveau', exact: true }).click();
        await alice.page.locator('#ticket-error', { hasText: 'Indiquez la date du staff territorial.' }).waitFor();
        await alice.page.getByLabel('Date du staff territorial').fill('2026-12-01');
        await alice.page.getByRole('button', { name: 'Changer de niveau', exact: true }).click();
        await panel.getByText('N2 : inscrit au staff territorial · niveau N2').waitFor({ timeout: WAIT });
        await panel.getByText('mardi 1 décembre 2026').waitFor();
        await expectNoWcagViolations(alice.page, 'with an N2 ticket on screen');

        // Bruno (44, not the referent) is not offered the partners-and-actions form.
        await bruno.page.getByRole('button', { name: `Voir le dossier ${other.ref}` }).first().click({ timeout: WAIT });
        await bruno.page.locator('#ticket-title', { hasText: `Dossier ${other.ref}` }).waitFor({ timeout: WAIT });
        await bruno.page.locator('#ticket-panel').getByText('Seul le référent de ce dossier ou un coordinateur peut enregistrer les partenaires').waitFor();
        expect(await bruno.page.locator('#update-form').count()).toBe(0);

        // Alice, the referent, records the partners first: the case stays on the agenda.
        const updateButton = alice.page.getByRole('button', { name: 'Enregistrer partenaires et actions', exact: true });
        await alice.page.getByLabel('Partenaires mobilisés', { exact: true }).fill('SSIAD de Nantes\nMDPH de Loire-Atlantique\n');
        await updateButton.click();
        await panel.locator('dd li', { hasText: 'MDPH de Loire-Atlantique' }).waitFor({ timeout: WAIT });
        await panel.getByText('N2 : inscrit au staff territorial · niveau N2').waitFor();
        await focusReaches(alice.page, 'update-title');
        // A next action without its date: refused in French, in the alert region, focus on the date.
        await alice.page.getByLabel('Actions', { exact: true }).fill('Visite à domicile\nDemande de PCH');
        await alice.page.getByLabel('Prochaine action à faire', { exact: true }).fill('Rappeler la MDPH');
        await updateButton.click();
        await alice.page.locator('#ticket-error', { hasText: 'Indiquez la date et l’heure de la prochaine action.' }).waitFor();
        await focusReaches(alice.page, 'update-next-due');
        expect(await alice.page.getByLabel('Date et heure de la prochaine action').getAttribute('aria-invalid')).toBe('true');
        await expectNoWcagViolations(alice.page, 'on the ticket panel with the partners-and-actions form and an error', '#ticket-panel');
        // The date, then « Enregistrer » by keyboard: actions recorded, shown in the panel.
        await alice.page.getByLabel('Date et heure de la prochaine action').fill('15/12/2026 10:00');
        await updateButton.focus();
        await alice.page.keyboard.press('Enter');
        await panel.getByText('N2 : actions enregistrées · niveau N2').waitFor({ timeout: WAIT });
        await alice.page.locator('#status', { hasText: 'le dossier est en « N2 : actions enregistrées »' }).waitFor({ timeout: WAIT });
        await panel.locator('dd li', { hasText: 'Demande de PCH' }).waitFor();
        await panel.locator('dd li', { hasText: 'SSIAD de Nantes' }).waitFor();
        await panel.getByText('Rappeler la MDPH (mardi 15 décembre 2026 à 10:00)').waitFor();
        expect(await alice.page.locator('#ticket-error').innerText()).toBe('');
        await focusReaches(alice.page, 'update-title');
        await expectNoWcagViolations(alice.page, 'on the ticket panel with recorded partners and actions', '#ticket-panel');
        // …and closes it as solved.
        await closeWith(alice.page, 'Orientée vers un partenaire', 'Accueil de jour trouvé avec la MDPH.');
        await panel.getByText('Résolu · niveau N2').waitFor({ timeout: WAIT });
        await alice.page.locator(`#open-list li[data-ref="${other.ref}"]`).waitFor({ state: 'detached', timeout: WAIT });
        expect(await alice.page.locator('#update-form').count()).toBe(0);

        expect({ alice: alice.errors, bruno: bruno.errors }).toEqual({ alice: [], bruno: [] });
      } finally {
        await Promise.all([alice.context.close(), bruno.context.close()]);
      }
    },
    BROWSER_TEST_TIMEOUT,
  );
  it(
    'When a person asks for a human before any orientation and declines the département, and another asks at 06:44 from 44000, then the first waits on the national advisor’s console only and the second on the 44 advisor’s only',
    async () => {
      const nina = await openConsole(NINA_NATIONAL);
      const alice = await openConsole(ALICE_44);
      const userContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const refSaid = async (page: Page, pattern: RegExp): Promise<string> => {
        const said = page.locator(BOT_MESSAGES, { hasText: pattern }).first();
        await said.waitFor({ timeout: WAIT });
        return pattern.exec((await said.textContent()) ?? '')?.[0] ?? '';
      };
      try {
        const early = await userContext.newPage();
        await early.goto(`${app.httpBase}/`);
        await botSaid(early, 'Vous écrivez pour qui ?');
        await suggested(early, 'Parler à un conseiller').click();
        await botSaid(early, 'Écrivez votre code postal');
        await suggested(early, 'Ne pas répondre').click();
        const national = await refSaid(early, /T-XX-[0-9A-Z]{6}/);
        const onNina = nina.page.locator(`#waiting-list li[data-ref="${national}"]`);
        await onNina.waitFor({ timeout: WAIT });
        expect(await onNina.innerText()).toMatch(/Chat[^]*Département non précisé/i); // DSFR badges are in capitals

        clock.set(EARLY_MONDAY_PARIS);
        const night = await userContext.newPage();
        await night.goto(`${app.httpBase}/`);
        await botSaid(night, 'Vous écrivez pour qui ?');
        await suggested(night, 'Parler à un conseiller').click();
        await botSaid(night, 'Écrivez votre code postal');
        await typeAndSend(night, '44000');
        await botSaid(night, 'ne répondent pas en ce moment');
        expect(await night.locator(BOT_MESSAGES, { hasText: 'va vous répondre ici' }).count()).toBe(0);
        const closed = await refSaid(night, /T-44-[0-9A-Z]{6}/);
        await alice.page.locator(`#waiting-list li[data-ref="${closed}"]`).waitFor({ timeout: WAIT });

        // Each console has re-read its lists since both hand-offs (a later national call for Nina): neither sees the other's.
        const marker = await transferredCall(null);
        await nina.page.locator(`#waiting-list li[data-ref="${marker.ref}"]`).waitFor({ timeout: WAIT });
        expect(await nina.page.locator(`#waiting-list li[data-ref="${closed}"]`).count()).toBe(0);
        expect(await alice.page.locator(`#waiting-list li[data-ref="${national}"]`).count()).toBe(0);
        expect(JSON.stringify(await eventsSeen(nina.page))).not.toContain(closed);
        expect(JSON.stringify(await eventsSeen(alice.page))).not.toContain(national);
        expect([...nina.errors, ...alice.errors]).toEqual([]);
      } finally {
        clock.set(NOW);
        await userContext.close();
        await nina.context.close();
        await alice.context.close();
      }
    },
    BROWSER_TEST_TIMEOUT,
  );
});
