/**
 * The directory through the real API and Redis: search from a ticket (need, commune, people served),
 * territory isolation, who edits what (audited), the FINESS import (all or nothing), a partner picked
 * from the directory on an N2 case file, and the OpenAPI document.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PEOPLE, call, makeTicket, startAdvisorApp, tokenOf, type AdvisorHarness } from '../advisors/helpers';

const SAMPLE = readFileSync(path.join(__dirname, '..', '..', 'samples', 'finess-etablissements-44-35.csv'));

let harness: AdvisorHarness;
let alice: string;
let chloe: string;
let dora: string;
let eve: string;
beforeAll(async () => {
  harness = await startAdvisorApp('directory-api', { live: true });
  [alice, chloe, dora, eve] = await Promise.all([tokenOf(PEOPLE.advisor44), tokenOf(PEOPLE.advisor35), tokenOf(PEOPLE.coordinator44), tokenOf(PEOPLE.admin)]);
});
afterAll(async () => {
  await harness.close();
});

const api = (method: string, url: string, token: string | null, body?: unknown) => call(harness, method, url, token, body);
const offerIds = (body: { results: Array<{ offers: Array<{ id: string }> }> }) => body.results.flatMap((result) => result.offers.map((offer) => offer.id));

async function importCsv(token: string, bytes: Buffer) {
  const response = await fetch(`${harness.app.httpBase}/api/directory/import`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body: bytes });
  return { status: response.status, body: (await response.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON read back by the test
}

describe('the directory API', () => {
  it('When an advisor searches their territory by need, commune and people served, then only the offers that fit come back, those of the commune first', async () => {
    const byNeed = await api('GET', '/api/directory?territory=44&need=soutien_aidant', alice);
    expect(byNeed.status).toBe(200);
    expect(offerIds(byNeed.body)).toEqual(['exemple-44-repit-aidants-repit']);

    const loisirs = await api('GET', '/api/directory?territory=44&need=loisirs', alice);
    expect(offerIds(loisirs.body)).toEqual(['exemple-44-handisport-nantes-sport']);
    // The same need in Saint-Nazaire: the Nantes club serves its commune only.
    expect(offerIds((await api('GET', '/api/directory?territory=44&need=loisirs&commune=44184', alice)).body)).toEqual([]);

    const nazaire = await api('GET', '/api/directory?territory=44&commune=44184', alice);
    const ids = offerIds(nazaire.body);
    expect(ids[0]).toBe('exemple-44-sessad-saint-nazaire-ecole');
    // Offers for the whole département (the MDPH, the respite platform) come after those of the commune.
    expect(ids).toEqual(expect.arrayContaining(['mdph-44-accueil', 'exemple-44-repit-aidants-repit']));
    expect(ids).not.toContain('exemple-44-savs-nantes-accompagnement');

    const children = await api('GET', '/api/directory?territory=44&need=accompagnement&public=enfant,autisme', alice);
    expect(offerIds(children.body)).toEqual(['exemple-44-sessad-saint-nazaire-ecole']);
    const adults = await api('GET', '/api/directory?territory=44&need=accompagnement&public=adulte,psychique', alice);
    expect(offerIds(adults.body)).toEqual(['exemple-44-savs-nantes-accompagnement']);
    expect(adults.body.results[0].organisation).toMatchObject({ name: 'SAVS Nantes Est (exemple)', commune: { code: '44109', name: 'Nantes' } });
    expect(adults.body.results[0].organisation).not.toHaveProperty('offers');
  });

  it('When a query is malformed or names a territory not theirs, then it is refused; an organisation of another territory does not exist for them', async () => {
    expect((await api('GET', '/api/directory?territory=44&need=voler', alice)).status).toBe(400);
    expect((await api('GET', '/api/directory?territory=44&commune=Nantes', alice)).status).toBe(400);
    expect((await api('GET', '/api/directory?need=logement', alice)).status).toBe(400);
    expect((await api('GET', '/api/directory?territory=44', null)).status).toBe(401);
    expect((await api('GET', '/api/directory?territory=44', chloe)).status).toBe(403);
    expect((await api('GET', '/api/directory?territory=35', chloe)).status).toBe(200);
    expect((await api('GET', '/api/directory/organisations/exemple-44-savs-nantes', chloe)).status).toBe(404);
    expect((await api('GET', '/api/directory/organisations/exemple-44-savs-nantes', alice)).body).toMatchObject({ id: 'exemple-44-savs-nantes', offers: [expect.objectContaining({ type: 'accompagnement_domicile' })] });
    const authority = await tokenOf({ subject: 'ars-44', role: 'authority', territories: ['44'] });
    expect((await api('GET', '/api/directory?territory=44', authority)).status).toBe(403);
  });

  it('When a coordinator of 44 edits the directory, then 44 changes and is audited, but 35 stays out of reach; an advisor edits nothing', async () => {
    const savs = (await api('GET', '/api/directory/organisations/exemple-44-savs-nantes', alice)).body;
    const confirmed = { ...savs, contact: { ...savs.contact, phone: '02 61 91 04 40' }, offers: [{ ...savs.offers[0], availability: { status: 'places', confirmedAt: '2026-11-23' } }] };
    expect((await api('PUT', '/api/directory/organisations/exemple-44-savs-nantes', alice, confirmed)).status).toBe(403);
    const saved = await api('PUT', '/api/directory/organisations/exemple-44-savs-nantes', dora, confirmed);
    expect(saved.status).toBe(200);
    expect((await api('GET', '/api/directory/organisations/exemple-44-savs-nantes', alice)).body).toMatchObject({ contact: { phone: '02 61 91 04 40' }, offers: [{ availability: { status: 'places', confirmedAt: '2026-11-23' } }] });

    const esat = (await api('GET', '/api/directory/organisations/exemple-35-esat-rennes', eve)).body;
    expect((await api('PUT', '/api/directory/organisations/exemple-35-esat-rennes', dora, { ...esat, name: 'ESAT pris' })).status).toBe(403);
    // Moving it into 44 does not work either: the organisation is of 35.
    expect((await api('PUT', '/api/directory/organisations/exemple-35-esat-rennes', dora, { ...esat, territory: '44', commune: { code: '44109', name: 'Nantes' } })).status).toBe(403);
    expect((await api('DELETE', '/api/directory/organisations/exemple-35-esat-rennes', dora)).status).toBe(404);
    expect((await api('GET', '/api/directory/organisations/exemple-35-esat-rennes', eve)).body.name).toBe('ESAT de Rennes (exemple)');

    expect((await api('PUT', '/api/directory/organisations/exemple-44-autre', dora, { ...confirmed, id: 'exemple-44-savs-nantes' })).status).toBe(400);
    expect((await api('PUT', '/api/directory/organisations/exemple-44-savs-nantes', dora, { ...confirmed, commune: { code: '35238', name: 'Rennes' } })).status).toBe(400);
    expect((await api('DELETE', '/api/directory/organisations/mdph-44', dora)).status).toBe(409);
    const mdph = (await api('GET', '/api/directory/organisations/mdph-44', dora)).body;
    expect((await api('PUT', '/api/directory/organisations/mdph-44', dora, { ...mdph, offers: [{ ...mdph.offers[0], type: 'information' }] })).status).toBe(409);
    expect((await api('DELETE', '/api/directory/organisations/exemple-44-handisport-nantes', dora)).body).toEqual({ removed: 'exemple-44-handisport-nantes' });
    expect((await api('GET', '/api/directory/organisations/exemple-44-handisport-nantes', dora)).status).toBe(404);

    const audit = await harness.redis.store.listRange(harness.redis.keys.auditOfDay('2026-11-23'), 0, -1);
    const entries = audit.map((line) => JSON.parse(line) as { action: string; actor: { subject: string }; territory?: string; detail?: Record<string, unknown> });
    expect(entries.filter((entry) => entry.action.startsWith('directory.')).map((entry) => [entry.action, entry.actor.subject, entry.territory, entry.detail?.organisation])).toEqual([
      ['directory.update', 'dora-44', '44', 'exemple-44-savs-nantes'],
      ['directory.delete', 'dora-44', '44', 'exemple-44-handisport-nantes'],
    ]);
  });

  it('When a coordinator imports the FINESS sample with establishments of a territory not theirs, then nothing is imported and the lines are named; a national admin imports it all', async () => {
    const refused = await importCsv(dora, SAMPLE);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toContain('Rien n’a été importé');
    expect(refused.body.problems).toEqual([8, 9, 10, 11, 12, 13].map((line) => ({ line, message: 'département 35 : vous ne coordonnez pas ce territoire' })));
    expect((await api('GET', '/api/directory/organisations/finess-440099001', dora)).status).toBe(404);

    const broken = Buffer.from(SAMPLE.toString('utf8').replace(';440099003;', ';4400;'));
    const refusedLine = await importCsv(eve, broken);
    expect(refusedLine).toMatchObject({ status: 422, body: { problems: [{ line: 4, message: expect.stringContaining('numéro FINESS') }] } });
    expect((await api('GET', '/api/directory/organisations/finess-440099001', eve)).status).toBe(404);

    const imported = await importCsv(eve, SAMPLE);
    expect(imported).toEqual({ status: 200, body: { organisations: 12, created: 12, replaced: 0, unclassified: 1, territories: ['35', '44'] } });
    expect((await importCsv(eve, SAMPLE)).body).toMatchObject({ created: 0, replaced: 12 });
    const ime = await api('GET', '/api/directory?territory=44&need=scolarite&public=enfant,intellectuel&commune=44109', alice);
    expect(offerIds(ime.body)).toEqual(['finess-440099001-183']);
    expect(ime.body.results[0].organisation.source).toEqual({ kind: 'finess', finess: '440099001', at: '2026-11-23' });
    expect((await importCsv(alice, SAMPLE)).status).toBe(403);
    expect((await fetch(`${harness.app.httpBase}/api/directory/import`, { method: 'POST', headers: { authorization: `Bearer ${eve}`, 'content-type': 'application/json' }, body: '{}' })).status).toBe(415);
  });

  it('When an advisor adds a partner from the directory to an N2 case, then the case file names it; free text stays possible; another territory’s offer is refused', async () => {
    const ticket = await makeTicket(harness, '44');
    await api('POST', `/api/advisor/tickets/${ticket.ref}/take`, alice, {});
    await api('POST', `/api/advisor/tickets/${ticket.ref}/level`, alice, { level: 2, staffDate: '2026-12-01' });
    const picked = await api('POST', `/api/advisor/tickets/${ticket.ref}/partners`, alice, { organisationId: 'exemple-44-repit-aidants', offerId: 'exemple-44-repit-aidants-repit' });
    expect(picked.status).toBe(201);
    expect(picked.body.case.partners).toEqual(['Plateforme de répit des aidants (exemple) — Écoute, conseils et solutions de répit pour les proches aidants (Nantes)']);
    expect((await api('POST', `/api/advisor/tickets/${ticket.ref}/partners`, alice, { organisationId: 'exemple-44-repit-aidants', offerId: 'exemple-44-repit-aidants-repit' })).status).toBe(409);
    const written = await api('POST', `/api/advisor/tickets/${ticket.ref}/partners`, alice, { text: 'Voisine de confiance' });
    expect(written.body.case.partners).toHaveLength(2);
    expect((await api('POST', `/api/advisor/tickets/${ticket.ref}/partners`, alice, { organisationId: 'exemple-35-gem-rennes' })).status).toBe(404);
    expect((await api('POST', `/api/advisor/tickets/${ticket.ref}/partners`, alice, { organisationId: 'exemple-44-repit-aidants', text: 'les deux' })).status).toBe(400);
    expect((await api('POST', `/api/advisor/tickets/${ticket.ref}/partners`, chloe, { text: 'Autre' })).status).toBe(404);

    const read = await api('GET', `/api/advisor/tickets/${ticket.ref}`, alice);
    expect(read.body.case).toMatchObject({ status: 'n2_on_agenda', partners: [expect.stringContaining('Plateforme de répit'), 'Voisine de confiance'] });
    // With actions agreed, the N2 case moves on as with partners written in the form.
    const agreed = await api('PATCH', `/api/advisor/tickets/${ticket.ref}`, alice, { actions: ['Demande de répit'] });
    expect(agreed.body.case.status).toBe('n2_actions_recorded');
    const audit = await api('GET', `/api/advisor/tickets/${ticket.ref}/audit`, dora);
    expect(audit.body.entries.map((entry: { action: string; detail?: { fields?: string[] } }) => [entry.action, entry.detail?.fields])).toEqual(expect.arrayContaining([['ticket.update', ['addPartner']]]));
    expect(JSON.stringify(audit.body)).not.toContain('Voisine');
  });

  it('When the OpenAPI document is read, then it documents the directory', async () => {
    const document = (await api('GET', '/api/openapi.json', null)).body;
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/directory', '/api/directory/organisations/{id}', '/api/directory/import', '/api/advisor/tickets/{ref}/partners']));
    expect(document.paths['/api/directory'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['territory', 'need', 'commune', 'public']);
  });
});
