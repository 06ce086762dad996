/**
 * The chat page on the French State design system, in Chromium, with an advisor on the other side: the
 * real app on Redis, the real local OpenID provider (Alice, advisor of 44, signs in as a browser does)
 * and our own Direct Line. The person reads the robot's answer with its source as a real link (opening
 * in a new tab, without giving our page away), the ticket reference on a line of its own, and Alice's
 * messages signed « Alice, Conseiller » in a look of their own, the robot's never. The keyboard alone
 * goes through the suggested buttons (Tab, arrows, Enter), and Web Chat's keyboard help never covers
 * the conversation. axe finds no WCAG 2.1 AA violation, at 100 % and at 200 % zoom.
 */
import type { Locator, Page } from 'playwright-core';
import { launchBrowser, type TestBrowser } from '../support/browser';
import {
  BOT_MESSAGES,
  BOT_REPLY_TIMEOUT,
  BROWSER_TEST_TIMEOUT,
  botAnswers,
  expectNoWcagViolations,
  focused,
  openChat,
  sendBox,
  suggested,
  tabUntil,
  typeAndSend,
} from '../support/chatPage';
import { StaffBrowser, startSignInApp, type SignInHarness } from '../support/signIn';

interface PageElement {
  textContent: string | null;
  getBoundingClientRect(): { left: number; top: number; width: number; height: number };
  contains(other: unknown): boolean;
}
declare const document: { elementFromPoint(x: number, y: number): unknown; documentElement: { scrollWidth: number; clientWidth: number } };
declare function getComputedStyle(element: PageElement): { backgroundColor: string };

let harness: SignInHarness;
let browser: TestBrowser;
beforeAll(async () => {
  harness = await startSignInApp('chat-page-advisor');
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

/** A Web Chat message (robot, advisor or person) holding this text: its whole activity, status line included. */
const activityWith = (page: Page, text: string): Locator => page.locator('#webchat article.webchat__basic-transcript__activity', { hasText: text }).last();
const backgroundOf = (activity: Locator) => activity.locator('.webchat__bubble__content').first().evaluate((e: PageElement) => getComputedStyle(e).backgroundColor);
/** The authors Web Chat shows beside the time of each message (« Prénom, Conseiller » for an advisor). */
const authorsOf = (page: Page) => page.locator('#webchat .webchat__activity-status__originator').allTextContents();

/** The person hands over to the advisors of 44; returns the ticket ref they read. */
async function handOverTo44(page: Page): Promise<string> {
  await botAnswers(page, () => page.locator('#ask-human').click(), /Écrivez votre code postal/);
  const handed = await botAnswers(page, () => typeAndSend(page, '44000'), /numéro de dossier est :\s+T-44-[0-9A-Z]{6}/);
  return /T-44-[0-9A-Z]{6}/.exec(handed)?.[0] ?? '';
}

describe('the chat page with an advisor', () => {
  it(
    'When the robot answers with a source and Alice answers after the hand-off, then the source is a safe link, the ticket reference stands on its own line, and Alice’s message shows « Alice, Conseiller » in its own look while the robot’s show no « Conseiller »; axe finds nothing',
    async () => {
      const alice = new StaffBrowser(harness.app.httpBase);
      expect((await alice.signIn('advisor44')).url).toMatch(/\/console$/);
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      try {
        await openChat(page, harness.app.httpBase);
        // DSFR: the Marianne block, the service's name, the footer, the Marianne font.
        await expect(page.locator('header.fr-header .fr-logo').innerText()).resolves.toMatch(/République\s+Française/i);
        await expect(page.locator('header.fr-header .fr-header__service-title').innerText()).resolves.toBe('0 800 360 360 — Communauté 360');
        expect(await page.locator('footer.fr-footer').isVisible()).toBe(true);
        expect(await page.evaluate(() => (document as unknown as { fonts: { check(font: string): boolean } }).fonts.check('1rem Marianne'))).toBe(true);

        // The source of an answer is a link that opens in a new tab without giving our page away; a
        // name that only looks like an address (« Service-Public.fr ») is not a link.
        await botAnswers(page, () => typeAndSend(page, "c'est quoi l'AAH ?"), /allocation aux adultes handicapés/i, /Source :/);
        const answer = page.locator(BOT_MESSAGES, { hasText: 'Source :' }).last();
        const source = answer.locator('a[href="https://www.service-public.fr/particuliers/vosdroits/F12242"]');
        await expect(source.getAttribute('target')).resolves.toBe('_blank');
        await expect(source.getAttribute('rel')).resolves.toMatch(/(?=.*noopener)(?=.*noreferrer)/);
        expect(await answer.locator('a').count()).toBe(1);

        // The ticket reference on a line of its own.
        const ref = await handOverTo44(page);
        const handed = await page.locator(BOT_MESSAGES, { hasText: ref }).last().innerText();
        expect(handed.split('\n').map((line) => line.trim())).toContain(ref);

        // Alice (signed in through the provider) takes the chat and writes.
        const ticket = await harness.app.app.tickets.get(ref);
        const chat = `/api/chats/${ticket?.conversationId ?? ''}`;
        expect((await alice.call('POST', `${chat}/take`, {})).status).toBe(200);
        await page.locator(BOT_MESSAGES, { hasText: 'Un conseiller vous répond.' }).waitFor({ timeout: BOT_REPLY_TIMEOUT });
        expect((await alice.call('POST', `${chat}/messages`, { text: 'Bonjour, je lis votre demande.' })).status).toBe(201);
        const fromAlice = activityWith(page, 'Bonjour, je lis votre demande.');
        await fromAlice.waitFor({ timeout: BOT_REPLY_TIMEOUT });

        await expect(fromAlice.locator('.webchat__activity-status__originator').innerText()).resolves.toBe('Alice, Conseiller');
        // Only Alice's message has an author, and no robot message says « Conseiller » as its author.
        expect(await authorsOf(page)).toEqual(['Alice, Conseiller']);
        const robot = activityWith(page, 'Un conseiller vous répond.');
        expect(await robot.locator('.webchat__activity-status__originator').count()).toBe(0);
        expect(await backgroundOf(fromAlice)).not.toBe(await backgroundOf(robot));
        expect(await page.locator('#webchat').innerText()).not.toContain('@360.test');

        await expectNoWcagViolations(page, 'with the robot’s answer, the hand-off and the advisor’s message');
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    BROWSER_TEST_TIMEOUT,
  );

  it(
    'When a person uses only the keyboard at 200 % zoom, then Tab reaches the suggested buttons, the arrows move between them and Enter presses them, Web Chat’s keyboard help never covers the conversation, nothing scrolls sideways, and axe finds nothing',
    async () => {
      // 200 % zoom of a 1280 × 800 screen: 640 × 400 CSS pixels, two device pixels each.
      const context = await browser.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
      const page = await context.newPage();
      try {
        await openChat(page, harness.app.httpBase);
        const isButton = (title: string) => (f: Awaited<ReturnType<typeof focused>>) => f?.tag === 'button' && f.text === title;

        // Tab from « Parler à un conseiller » enters the conversation: the robot's messages stay
        // readable (Web Chat would draw its keyboard help over them): the last one is the element at
        // its own centre, nothing over it.
        await page.locator('#ask-human').focus();
        await page.keyboard.press('Tab');
        expect(await focused(page)).toMatchObject({ tag: 'div', text: expect.stringContaining('Le 360 a écrit') });
        const last = page.locator(BOT_MESSAGES).last();
        await last.scrollIntoViewIfNeeded();
        const uncovered = await last.evaluate((element: PageElement) => {
          const box = element.getBoundingClientRect();
          return element.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2));
        });
        expect(uncovered).toBe(true);

        // Tab on to the suggested buttons, the arrows along them, Enter presses one.
        await tabUntil(page, 'Tab', isButton('Pour vous-même'), 'the first suggested button', 4);
        await tabUntil(page, 'ArrowRight', isButton('Pour un proche que vous aidez'), '« Pour un proche que vous aidez »', 3);
        await botAnswers(page, () => page.keyboard.press('Enter'), /De quoi avez-vous besoin \?/);

        // The next buttons the same way, back from the send box (Shift+Tab).
        const group = "Se laver, manger, se déplacer, le logement, l'argent";
        await suggested(page, group).waitFor();
        await sendBox(page).focus();
        await tabUntil(page, 'Shift+Tab', (f) => f?.tag === 'button' && f.text !== '', 'a suggested button', 3);
        await tabUntil(page, 'ArrowLeft', isButton(group), 'the first group of needs', 6);
        await botAnswers(page, () => page.keyboard.press('Enter'), /Précisez votre besoin/);
        await suggested(page, 'Se loger').waitFor();

        const width = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
        expect({ ...width, scrollsSideways: width.scrollWidth > width.clientWidth }).toMatchObject({ scrollsSideways: false });
        await expectNoWcagViolations(page, 'at 200 % zoom, keyboard only, with suggested buttons');
      } finally {
        await context.close();
      }
    },
    BROWSER_TEST_TIMEOUT,
  );
});
