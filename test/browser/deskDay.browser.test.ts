/**
 * An advisor's day at the desk in Chromium, signed in through the real local OpenID provider, on the
 * real app and a real Redis. Alice and Bruno (advisors of 44) are at the desk; Bruno's account allows 3
 * chats at once and he takes a break; Alice takes one chat at a time. A priority chat arrives: Alice,
 * available with room, is alerted; Bruno is not. She takes it and answers (the person reads it); a
 * second chat is offered to the coordinator, who has room, not to her, who is full. She hands the first
 * back to the robot and closes it with a wrap-up code the coordinator of 44 has just added to 44's own
 * list; the coordinator sees who is available and their load. Then the same number calls twice: the second ticket shows the first
 * contact, its outcome and its referent under « Contacts précédents », and its next action, once
 * due, comes back to the waiting list as « rappel dû », announced. axe finds no WCAG 2.1 AA
 * violation on these screens. No sleeps: every step waits for what a person would wait for.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { CONSOLE_WAIT as WAIT, closeWith, expectNoWcagViolations, signInThroughProvider } from '../support/consolePage';
import { priorityChatTo44, until } from '../support/publicChat';
import { SIGN_IN_NOW, startSignInApp, type SignInHarness } from '../support/signIn';
import { callFrom, TO_44 } from '../people/support';

const BROWSER_TEST_TIMEOUT = 120_000;
const BASE_TITLE = 'Orientation 360 — Espace conseillers';
const ESAT = 'Orientée vers un ESAT (établissement et service d’aide par le travail)';

let harness: SignInHarness;
let browser: TestBrowser;
beforeAll(async () => {
  harness = await startSignInApp('desk-day-browser');
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

interface Desk {
  page: Page;
  context: BrowserContext;
  errors: string[];
}

async function openDesk(who: RegExp): Promise<Desk> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await signInThroughProvider(page, harness.app.httpBase, who);
  await page.locator('#live-state', { hasText: 'Mises à jour en direct : actives.' }).waitFor({ timeout: WAIT });
  return { page, context, errors };
}

describe('a day at the desk in Chromium', () => {
  it(
    'When a priority chat arrives, then the available advisor is alerted and the paused one is not; she takes it and answers; at capacity she is not offered the next chat; she hands it back and closes it with a wrap-up code of 44’s own list; the coordinator sees the team’s load; axe finds no violation',
    async () => {
      const alice = await openDesk(/Alice Bernard/);
      const bruno = await openDesk(/Bruno Moreau/);
      const damien = await openDesk(/Damien Leroy/);
      try {
        // Presence: Alice available for 2 chats (the default), then 1; Bruno, whose account allows 3, pauses.
        await alice.page.locator('#presence-state-text', { hasText: 'Vous êtes disponible pour 2 chats à la fois' }).waitFor({ timeout: WAIT });
        await alice.page.locator('#presence-capacity').fill('1');
        await alice.page.locator('#presence-capacity').blur();
        await alice.page.locator('#presence-state-text', { hasText: 'Vous êtes disponible pour 1 chat à la fois' }).waitFor();
        await bruno.page.locator('#presence-capacity-hint', { hasText: 'De 1 à 3.' }).waitFor({ timeout: WAIT });
        await bruno.page.getByLabel('Ma disponibilité').selectOption('paused');
        await bruno.page.locator('#presence-state-text', { hasText: 'Vous êtes en pause' }).waitFor();

        // The coordinator adds a wrap-up code to 44's own list (the national list until then).
        await damien.page.getByLabel('Département des codes').selectOption('44');
        await damien.page.getByRole('button', { name: 'Afficher les codes' }).click();
        await damien.page.locator('#wrap-up-content', { hasText: 'Le 44 utilise la liste nationale' }).waitFor({ timeout: WAIT });
        await damien.page.getByLabel('Libellé du nouveau code').fill(ESAT);
        await damien.page.getByRole('button', { name: 'Ajouter le code' }).click();
        await damien.page.locator('#wrap-up-content', { hasText: 'Le 44 a sa propre liste' }).waitFor({ timeout: WAIT });
        await damien.page.locator('#wrap-up-content li', { hasText: ESAT }).waitFor();
        await expectNoWcagViolations(damien.page, 'with the wrap-up codes of 44', '#wrap-up');

        // A priority chat: Alice is told at once (assertive, a distinct title); Bruno only sees it listed.
        const person = await priorityChatTo44(harness.app.httpBase);
        await alice.page.locator('#announcer', { hasText: 'Contact prioritaire en attente : un chat.' }).waitFor({ timeout: WAIT });
        expect(await alice.page.locator('#announcer').getAttribute('aria-live')).toBe('assertive');
        expect(await alice.page.title()).toBe(`Prioritaire en attente — ${BASE_TITLE}`);
        await bruno.page.locator(`#waiting-list li[data-ref="${person.ref}"]`).waitFor({ timeout: WAIT });
        expect(await bruno.page.locator('#announcer').innerText()).not.toContain('Contact prioritaire');
        expect(await bruno.page.title()).toBe(BASE_TITLE);
        await expectNoWcagViolations(alice.page, 'with a priority chat announced');

        // Alice takes it and answers: the person reads her reply.
        await alice.page.getByRole('button', { name: `Prendre le chat ${person.ref}` }).click();
        await alice.page.locator(`#my-chats-list li[data-ref="${person.ref}"]`).waitFor({ timeout: WAIT });
        const reply = 'Bonjour, je suis Alice, conseillère. Je regarde avec vous les solutions de répit.';
        await alice.page.getByLabel('Votre message à la personne').fill(reply);
        await alice.page.getByRole('button', { name: 'Envoyer', exact: true }).click();
        await alice.page.locator('#chat-messages', { hasText: reply }).waitFor({ timeout: WAIT });
        expect(await person.heard()).toContain(reply);
        await alice.page.locator('#presence-state-text', { hasText: 'Vous avez 1 chat en cours.' }).waitFor({ timeout: WAIT });

        // The coordinator sees who is available in 44 and their load, those with room first.
        await damien.page.getByLabel('Département de l’équipe').selectOption('44');
        await damien.page.getByRole('button', { name: 'Voir qui est disponible' }).click();
        const team = damien.page.locator('#team-content table');
        await team.locator('tr', { hasText: 'Alice' }).filter({ hasText: 'Disponible' }).filter({ hasText: '1 sur 1' }).waitFor({ timeout: WAIT });
        await team.locator('tr', { hasText: 'Bruno' }).filter({ hasText: 'En pause' }).waitFor();
        // Damien (available, no chat) has room; Alice (one chat of one) is full; Bruno is on a break.
        expect(await damien.page.locator('#team-content').innerText()).toContain('2 disponibles dans le 44, dont 1 avec de la place pour un chat de plus.');
        expect(await team.locator('tbody tr td:first-child').allInnerTexts()).toEqual(['Damien Leroy', 'Alice Bernard', 'Bruno Moreau']);
        await expectNoWcagViolations(damien.page, 'with the team’s availability and load', '#team');

        // Another chat: Alice, at capacity, is not offered it (no alert, no « Prendre le chat »); Damien, who has room, is.
        const another = await priorityChatTo44(harness.app.httpBase);
        await until(async () => (await damien.page.title()) === `Prioritaire en attente — ${BASE_TITLE}`, 'Damien to be told of the second chat');
        const full = alice.page.locator(`#waiting-list li[data-ref="${another.ref}"]`);
        await full.getByText('c’est votre maximum').waitFor({ timeout: WAIT });
        expect(await full.getByRole('button', { name: `Prendre le chat ${another.ref}` }).count()).toBe(0);
        expect(await alice.page.title()).toBe(BASE_TITLE);
        await expectNoWcagViolations(alice.page, 'at capacity, with a chat waiting');

        // Back to the robot, a note, then closed with the code Damien added.
        await alice.page.getByRole('button', { name: 'Rendre la main au robot' }).click();
        await alice.page.locator('#status', { hasText: `Le robot a repris la conversation du dossier ${person.ref}.` }).waitFor({ timeout: WAIT });
        await alice.page.getByLabel('Note', { exact: true }).fill('La personne cherche un accueil de jour pour son fils.');
        await alice.page.getByRole('button', { name: 'Enregistrer la note' }).click();
        const panel = alice.page.locator('#ticket-panel');
        await panel.getByText('N1 en cours · niveau N1').waitFor({ timeout: WAIT });
        await expectNoWcagViolations(alice.page, 'on the ticket panel with the close form', '#ticket-panel');
        await closeWith(alice.page, ESAT, 'Rendez-vous pris avec l’ESAT de Rezé.');
        await panel.getByText('Résolu · niveau N1').waitFor({ timeout: WAIT });
        await panel.locator('dd', { hasText: ESAT }).waitFor();
        await panel.locator('dd', { hasText: 'Rendez-vous pris avec l’ESAT de Rezé.' }).waitFor();
        await alice.page.locator('#status', { hasText: `Dossier clôturé : ${ESAT}.` }).waitFor();
        await expectNoWcagViolations(alice.page, 'on a closed ticket', '#ticket-panel');

        // Back to the national list.
        await damien.page.getByRole('button', { name: 'Revenir à la liste nationale' }).click();
        await damien.page.locator('#wrap-up-content', { hasText: 'Le 44 utilise la liste nationale' }).waitFor({ timeout: WAIT });
        expect({ alice: alice.errors, bruno: bruno.errors, damien: damien.errors }).toEqual({ alice: [], bruno: [], damien: [] });
      } finally {
        await Promise.all([alice.context.close(), bruno.context.close(), damien.context.close()]);
      }
    },
    BROWSER_TEST_TIMEOUT,
  );

  it(
    'When the same number calls twice, then the second ticket shows the first contact under « Contacts précédents » (date, channel, need, outcome, referent, in French); its next action, once due, is in the waiting list as « rappel dû » and announced; a third call tells the referent; axe finds no violation',
    async () => {
      const alice = await openDesk(/Alice Bernard/);
      try {
        const panel = alice.page.locator('#ticket-panel');
        const first = await callFrom(harness, '+33611223344', TO_44);
        await alice.page.getByRole('button', { name: `Voir le dossier ${first.ref}` }).click({ timeout: WAIT });
        await alice.page.locator('#ticket-title', { hasText: `Dossier ${first.ref}` }).waitFor({ timeout: WAIT });
        await panel.locator('#ticket-history', { hasText: 'Aucun contact précédent connu pour cette personne.' }).waitFor();
        await alice.page.getByRole('button', { name: 'Prendre le dossier' }).click();
        await panel.getByText('Pris en charge · niveau N1').waitFor({ timeout: WAIT });
        await alice.page.getByLabel('Note', { exact: true }).fill('Cherche un logement adapté.');
        await alice.page.getByRole('button', { name: 'Enregistrer la note' }).click();
        await panel.getByText('N1 en cours · niveau N1').waitFor({ timeout: WAIT });
        await closeWith(alice.page, 'Orientée vers un partenaire', 'Orientée vers le service logement du département.');
        await panel.getByText('Résolu · niveau N1').waitFor({ timeout: WAIT });

        // Twenty minutes later, the same number calls again.
        harness.clock.set(new Date(Date.parse(SIGN_IN_NOW) + 20 * 60_000).toISOString());
        const second = await callFrom(harness, '+33611223344', TO_44);
        await alice.page.getByRole('button', { name: `Voir le dossier ${second.ref}` }).click({ timeout: WAIT });
        await alice.page.locator('#ticket-title', { hasText: `Dossier ${second.ref}` }).waitFor({ timeout: WAIT });
        const history = panel.locator('#ticket-history');
        await history.getByRole('heading', { name: 'Contacts précédents (1)' }).waitFor({ timeout: WAIT });
        const row = history.locator(`tr[data-ref="${first.ref}"]`);
        const cells = await row.locator('td').allInnerTexts();
        expect(cells.slice(1)).toEqual(['Appel', 'Se loger', '44', 'Résolu : Orientée vers un partenaire', 'Alice Bernard', first.ref]);
        expect(cells[0]).toBe('23 novembre à 10:00');
        expect(await history.innerText()).not.toContain('+336');
        await expectNoWcagViolations(alice.page, 'on a ticket with its earlier contacts', '#ticket-panel');

        // She takes it and sets the next action for 10:15, already past (it is 10:20 in Paris): it comes
        // back to the waiting list as « rappel dû » and is announced like a new contact.
        await alice.page.getByRole('button', { name: 'Prendre le dossier' }).click();
        await panel.getByText('Pris en charge · niveau N1').waitFor({ timeout: WAIT });
        await alice.page.locator(`#waiting-list li[data-ref="${second.ref}"]`).waitFor({ state: 'detached', timeout: WAIT });
        await alice.page.getByLabel('Prochaine action à faire').fill('Rappeler la personne pour le logement');
        await alice.page.getByLabel('Date et heure de la prochaine action').fill('23/11/2026 10:15');
        await alice.page.getByRole('button', { name: 'Enregistrer partenaires et actions' }).click();
        await panel.getByText('Rappeler la personne pour le logement (lundi 23 novembre 2026 à 10:15)').waitFor({ timeout: WAIT });
        const reminder = alice.page.locator(`#waiting-list li[data-ref="${second.ref}"]`);
        await reminder.waitFor({ timeout: WAIT });
        expect(await reminder.locator('.reminder').textContent()).toBe('Rappel dû Rappeler la personne pour le logement (prévu lundi 23 novembre 2026 à 10:15)');
        await alice.page.locator('#announcer-polite', { hasText: 'Nouveau contact en attente : un rappel dû.' }).waitFor({ timeout: WAIT });
        expect(await alice.page.title()).toBe(`(1) Nouveau contact — ${BASE_TITLE}`);
        await expectNoWcagViolations(alice.page, 'with a reminder due in the waiting list');

        // The person calls a third time while Alice's case is open: she, its referent, is told.
        const third = await callFrom(harness, '+33611223344', TO_44);
        await alice.page.locator('#status', { hasText: `La personne du dossier ${second.ref} a recontacté le service : nouveau dossier ${third.ref}.` }).waitFor({ timeout: WAIT });
        expect(alice.errors).toEqual([]);
      } finally {
        await alice.context.close();
      }
    },
    BROWSER_TEST_TIMEOUT,
  );
});
