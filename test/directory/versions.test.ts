/**
 * The directory as a file of the studio's versions (real app, live configuration, Redis): an edit is
 * a version with its French diff; an edit into a draft waits for its publication; a roll back
 * restores the old entry; a chat pinned to the old version still cites the old entry; the edited
 * copy of the old store key is published once.
 */
import { importStoredDirectory, MIGRATION_PRINCIPAL } from '../../src/directory/migrate';
import { silentLogger } from '../../src/logging';
import { PEOPLE, call, startAdvisorApp, tokenOf, type AdvisorHarness } from '../advisors/helpers';
import { studioClient } from '../studio/helpers';
import { WebChatUser, texts } from '../support/webChatUser';

jest.setTimeout(120_000);

let harness: AdvisorHarness;
let dora: string;
let eve: string;
let alice: string;
beforeAll(async () => {
  harness = await startAdvisorApp('directory-versions', { live: true });
  [dora, eve, alice] = await Promise.all([tokenOf(PEOPLE.coordinator44), tokenOf(PEOPLE.admin), tokenOf(PEOPLE.advisor44)]);
});
afterAll(async () => {
  await harness.close();
});

const api = (method: string, url: string, token: string, body?: unknown) => call(harness, method, url, token, body);
const served = async () => ((await (await fetch(`${harness.app.httpBase}/readyz`)).json()) as { configVersion: string }).configVersion;

async function put(token: string, organisation: { id: string }, draft?: string) {
  const response = await fetch(`${harness.app.httpBase}/api/directory/organisations/${organisation.id}${draft ? `?draft=${draft}` : ''}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(organisation),
  });
  return { status: response.status, version: response.headers.get('x-config-version'), body: (await response.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON read back by the test
}

describe('the directory in the studio’s versions', () => {
  it('When a coordinator changes a phone in 44, then it is a new version served at once, whose diff says so in French; a roll back restores the old entry', async () => {
    const before = await served();
    const savs = (await api('GET', '/api/directory/organisations/exemple-44-savs-nantes', dora)).body;
    const saved = await put(dora, { ...savs, contact: { ...savs.contact, phone: '02 40 11 22 33' } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ id: 'exemple-44-savs-nantes', contact: { phone: '02 40 11 22 33' } });
    expect(Number(saved.version)).toBeGreaterThan(Number(before));
    expect(await served()).toBe(saved.version);

    const version = await studioClient(harness.app, PEOPLE.coordinator44).get(`/versions/${saved.version}`);
    expect(version.body).toMatchObject({
      kind: 'publish',
      author: { subject: 'dora-44' },
      basedOn: Number(before),
      comment: 'Répertoire : modification de « SAVS Nantes Est (exemple) » (44)',
      diff: ['44 : téléphone de « SAVS Nantes Est (exemple) » changé'],
    });
    expect((await api('GET', '/api/directory/organisations/exemple-44-savs-nantes', alice)).body.contact.phone).toBe('02 40 11 22 33');

    const rolledBack = await studioClient(harness.app, PEOPLE.admin).post('/rollback', { to: Number(before), comment: 'mauvais numéro', confirm: true });
    expect(rolledBack.status).toBe(201);
    expect(rolledBack.body.diff).toEqual(['44 : téléphone de « SAVS Nantes Est (exemple) » changé']);
    expect((await api('GET', '/api/directory/organisations/exemple-44-savs-nantes', alice)).body.contact.phone).toBeNull();
  });

  it('When an organisation is added into a draft, then the draft says « ajout » and nobody sees it before the draft is published', async () => {
    const studio = studioClient(harness.app, PEOPLE.coordinator44);
    const draft = await studio.newDraft();
    const savs = (await api('GET', '/api/directory/organisations/exemple-44-savs-nantes', dora)).body;
    const lilas = { ...savs, id: 'sessad-les-lilas', name: 'SESSAD Les Lilas', offers: [{ ...savs.offers[0], id: 'sessad-les-lilas-offre' }] };
    const before = await served();
    const written = await put(dora, lilas, draft);
    expect(written.status).toBe(200);
    expect(written.version).toBeNull();
    expect(written.body).toMatchObject({ result: { id: 'sessad-les-lilas' }, draft: { id: draft, files: ['config/directory.yaml'], diff: ['44 : ajout de « SESSAD Les Lilas »'] } });
    expect(await served()).toBe(before);
    expect((await api('GET', '/api/directory/organisations/sessad-les-lilas', alice)).status).toBe(404);

    // Another territory's organisation does not go into the coordinator's draft; nor does a draft that is not one.
    const esat = (await api('GET', '/api/directory/organisations/exemple-35-esat-rennes', eve)).body;
    expect((await put(dora, { ...esat, name: 'ESAT pris' }, draft)).status).toBe(403);
    expect((await put(dora, lilas, 'D-pas-un-brouillon')).status).toBe(400);

    const published = await studio.post(`/drafts/${draft}/publish`, { comment: 'Nouveau SESSAD' });
    expect(published.status).toBe(201);
    expect(published.body.diff).toEqual(['44 : ajout de « SESSAD Les Lilas »']);
    expect((await api('GET', '/api/directory/organisations/sessad-les-lilas', alice)).body.name).toBe('SESSAD Les Lilas');
  });

  it('When the MDPH of 44 changes while a chat is open, then that chat still cites the MDPH of its own version, and a new chat the new one', async () => {
    const open = new WebChatUser(harness.app);
    await open.open();
    const mdph = (await api('GET', '/api/directory/organisations/mdph-44', eve)).body;
    const saved = await put(eve, { ...mdph, contact: { phone: '02 61 91 00 44', email: null, web: null } });
    expect(saved.status).toBe(200);

    const orient = async (user: WebChatUser) => {
      await user.press('Pour un proche que vous aidez', '2');
      await user.press("Se laver, manger, se déplacer, le logement, l'argent", '1');
      await user.press('Se loger', '3');
      await user.write('44000');
      return texts(await user.press('Oui', '1'));
    };
    const old = await orient(open);
    expect(old).toContain('Votre MDPH : MDPH de la Loire-Atlantique. Adresse et horaires : https://www.monparcourshandicap.gouv.fr/annuaire');
    expect(old).not.toContain('02 61 91 00 44');

    const fresh = new WebChatUser(harness.app);
    await fresh.open();
    expect(await orient(fresh)).toContain('Votre MDPH : MDPH de la Loire-Atlantique. Téléphone : 02 61 91 00 44.');
  });

  it('When the store still holds the directory as edited before the studio, then it is published once as a version and the key is deleted', async () => {
    const { store, keys } = harness.redis;
    const current = harness.app.app.live.current().config.directory;
    const edited = {
      organisations: current.organisations
        .filter((organisation) => organisation.id !== 'exemple-44-repit-aidants')
        .map((organisation) => (organisation.id === 'exemple-35-esat-rennes' ? { ...organisation, hours: 'Du lundi au jeudi' } : organisation)),
    };
    await store.set(keys.directory(), JSON.stringify(edited), 3600);
    const studio = { ...harness.app.app.studio.studio, publish: harness.app.app.studio.publishing.publish };
    expect(await importStoredDirectory({ store, keys, studio, logger: silentLogger() })).toBe('published');
    expect(await store.get(keys.directory())).toBeNull();
    const version = await studioClient(harness.app, PEOPLE.admin).get(`/versions/${await served()}`);
    expect(version.body).toMatchObject({ author: { subject: MIGRATION_PRINCIPAL.subject }, diff: ['44 : retrait de « Plateforme de répit des aidants (exemple) »', '35 : horaires de « ESAT de Rennes (exemple) » changé'] });
    expect((await api('GET', '/api/directory/organisations/exemple-35-esat-rennes', eve)).body.hours).toBe('Du lundi au jeudi');
    expect(await importStoredDirectory({ store, keys, studio, logger: silentLogger() })).toBe('none');
  });
});
