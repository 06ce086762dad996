/**
 * The bot cites the person's MDPH and local offers once it knows their département: after a chat
 * orientation in Loire-Atlantique, with the directory as a coordinator edited it (real app, Direct
 * Line, Redis).
 */
import { PEOPLE, call, startAdvisorApp, tokenOf, type AdvisorHarness } from '../advisors/helpers';
import { WebChatUser, texts } from '../support/webChatUser';

let harness: AdvisorHarness;
beforeAll(async () => {
  harness = await startAdvisorApp('directory-bot', { live: true });
});
afterAll(async () => {
  await harness.close();
});

async function orientInLoireAtlantique(user: WebChatUser): Promise<string> {
  await user.open();
  await user.press('Pour un proche que vous aidez', '2');
  await user.press("Se laver, manger, se déplacer, le logement, l'argent", '1');
  await user.press('Se loger', '3');
  expect(texts(await user.write('44000'))).toContain('Loire-Atlantique');
  return texts(await user.press('Oui', '1'));
}

describe('the bot and the directory', () => {
  it('When a person is oriented in 44, then the bot cites the MDPH of 44 as edited, and the local offers for their need that still take people', async () => {
    const eve = await tokenOf(PEOPLE.admin);
    const mdph = (await call(harness, 'GET', '/api/directory/organisations/mdph-44', eve)).body;
    const edited = { ...mdph, contact: { phone: '02 61 91 00 44', email: 'accueil@mdph44.example.fr', web: 'https://mdph44.example.fr' } };
    expect((await call(harness, 'PUT', '/api/directory/organisations/mdph-44', eve, edited)).status).toBe(200);

    const said = await orientInLoireAtlantique(new WebChatUser(harness.app));
    expect(said).toMatch(/numéro de dossier est :\s+T-44-/);
    expect(said).toContain('Votre MDPH : MDPH de la Loire-Atlantique. Téléphone : 02 61 91 00 44. E-mail : accueil@mdph44.example.fr. Adresse et horaires : https://mdph44.example.fr');
    expect(said).toContain('Près de chez vous, ces services peuvent aussi vous aider :');
    expect(said).toContain('• Accompagnement à la vie sociale (SAVS) : SAVS Nantes Est (exemple), Nantes. Liste d’attente.');
    // After the news that the request is passed on.
    expect(said.indexOf('Votre MDPH')).toBeGreaterThan(said.indexOf('numéro de dossier'));
  });

  it('When a person is oriented where the directory lists no offer for their need, then the bot cites the MDPH only', async () => {
    const user = new WebChatUser(harness.app);
    await user.open();
    await user.press('Pour vous-même', '1');
    await user.press("Se laver, manger, se déplacer, le logement, l'argent", '1');
    await user.press('Se loger', '3');
    await user.write('22000');
    const said = texts(await user.press('Oui', '1'));
    expect(said).toContain("Votre MDPH : MDPH des Côtes-d'Armor. Adresse et horaires : https://www.monparcourshandicap.gouv.fr/annuaire");
    expect(said).not.toContain('Près de chez vous');
  });
});
