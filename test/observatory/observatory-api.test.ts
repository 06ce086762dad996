/**
 * The observatory over HTTP, on the real app and Redis: tickets with phone numbers, e-mails,
 * postcodes and transcripts are created through the app's ticket store, unmet needs are escalated to
 * N3 through the advisor API, then the authority of 44 reads the published figures as JSON, CSV and
 * page. Nothing personal comes out, no count from 1 to 10, no secret count an attacker can narrow.
 */
import { randomBytes } from 'node:crypto';
import { createAuditTrail } from '../../src/advisors/audit';
import type { Principal } from '../../src/advisors/principal';
import type { Publication } from '../../src/observatory/publication';
import { ObservatoryPublicationSchema } from '../../src/observatory/schemas';
import { SECRET } from '../../src/observatory/suppression';
import { sealText } from '../../src/security/seal';
import { ticketRefFor } from '../../src/tickets/ref';
import type { Ticket } from '../../src/tickets/ticket';
import { PEOPLE, call, startAdvisorApp, tokenOf, type AdvisorHarness } from '../advisors/helpers';
import { TEST_DATA_KEY } from '../support/testApp';
import { expectSafe } from './attack';

const AUTHORITY_44: Principal = { subject: 'ars-pdl', name: 'ARS Pays de la Loire', role: 'authority', territories: ['44', '85'] };

let harness: AdvisorHarness;
const personal: string[] = [];
const created: Ticket[] = [];
let n = 0;

interface Shape {
  departement: string | null;
  need?: Ticket['need'];
  profile?: Ticket['profile'];
  channel: 'voice' | 'chat';
}

async function ticket(shape: Shape): Promise<Ticket> {
  n += 1;
  const conversationId = `CA${randomBytes(16).toString('hex')}`;
  const phone = `+336${String(10_000_000 + n * 7919).slice(0, 8)}`;
  const email = `personne.${n}@exemple.fr`;
  const postcode = shape.departement === '44' ? `44${String(100 + n).padStart(3, '0')}` : `35${String(100 + n).padStart(3, '0')}`;
  const words = `Mon fils Kevin Dupont${n} n'a plus de place en IME`;
  personal.push(phone, email, postcode, words, conversationId);
  const saved = await harness.app.app.tickets.createOrUpdate({
    ref: ticketRefFor(shape.departement, conversationId),
    channel: shape.channel,
    kind: 'callback',
    ...(shape.profile ? { profile: shape.profile } : {}),
    ...(shape.need ? { need: shape.need } : {}),
    departement: shape.departement,
    priority: 'normale',
    choices: [{ step: 'postcode', value: postcode, via: 'dtmf' }],
    conversationId,
    callback:
      n % 2 === 0
        ? { contact: 'phone', numberSealed: sealText(TEST_DATA_KEY, phone), lastDigits: phone.slice(-2), consent: true, requestedAt: harness.clock.now().toISOString() }
        : { contact: 'email', emailSealed: sealText(TEST_DATA_KEY, email), emailHint: 'p…@exemple.fr', consent: true, requestedAt: harness.clock.now().toISOString() },
    summary: words,
    transcript: [{ from: 'user', text: words, at: harness.clock.now().toISOString() }],
  });
  personal.push(saved.ref);
  created.push(saved);
  return saved;
}

async function many(count: number, shape: Shape): Promise<Ticket[]> {
  const made: Ticket[] = [];
  for (let i = 0; i < count; i++) made.push(await ticket(shape));
  return made;
}

async function toN3(t: Ticket, missing: string[]): Promise<void> {
  const token = await tokenOf(PEOPLE.coordinator44);
  expect((await call(harness, 'POST', `/api/advisor/tickets/${t.ref}/take`, token, {})).status).toBe(200);
  expect((await call(harness, 'POST', `/api/advisor/tickets/${t.ref}/level`, token, { level: 2, staffDate: '2026-11-24' })).status).toBe(200);
  expect((await call(harness, 'POST', `/api/advisor/tickets/${t.ref}/level`, token, { level: 3, missing })).status).toBe(200);
}

async function raw(path: string, principal: Principal | null): Promise<Response> {
  return fetch(`${harness.app.httpBase}${path}`, principal ? { headers: { authorization: `Bearer ${await tokenOf(principal)}` } } : {});
}

/** The counters are written just after each ticket (fire and forget): wait until all are there. */
async function publicationOnceCounted(expectedContacts: number): Promise<Publication> {
  for (let attempt = 0; ; attempt++) {
    const answer = await call(harness, 'GET', '/api/observatory/44?month=2026-11', await tokenOf(AUTHORITY_44));
    expect(answer.status).toBe(200);
    if (answer.body.tables[0].grandTotal === expectedContacts || attempt > 100) return answer.body as Publication;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let publication: Publication;

beforeAll(async () => {
  harness = await startAdvisorApp('observatory-api');
  harness.clock.set('2026-10-12T10:00:00.000Z');
  await many(20, { departement: '44', need: 'logement', profile: 'aidant', channel: 'voice' });
  harness.clock.set('2026-11-23T09:00:00.000Z');
  const housing = await many(14, { departement: '44', need: 'logement', profile: 'aidant', channel: 'voice' });
  await many(3, { departement: '44', need: 'sante', profile: 'personne', channel: 'chat' });
  await many(12, { departement: '44', need: 'emploi', profile: 'professionnel', channel: 'voice' });
  await many(2, { departement: '44', channel: 'chat' });
  await many(15, { departement: '35', need: 'logement', profile: 'aidant', channel: 'voice' });
  await many(4, { departement: null, need: 'sante', profile: 'aidant', channel: 'voice' });
  for (const t of housing.slice(0, 12)) await toN3(t, ['no_place_available']);
  for (const t of housing.slice(12)) await toN3(t, ['no_transport', 'no_funding']);
  publication = await publicationOnceCounted(20 + 14 + 3 + 12 + 2);
}, 120_000);
afterAll(async () => {
  await harness.close();
});

const table = (id: string) => publication.tables.find((t) => t.id === id)!;
const cell = (id: string, row: string, column: string) => {
  const t = table(id);
  return t.cells[t.rows.findIndex((r) => r.id === row)]![t.columns.findIndex((c) => c.id === column)];
};

describe('the observatory API', () => {
  it('When the authority of 44 reads its figures, then contacts are counted by need and month, profile and channel, and unmet needs by what was missing', () => {
    expect(publication).toMatchObject({ territory: '44', from: '2025-12', to: '2026-11', threshold: 11, suppressed: 'secret', territoryName: 'Loire-Atlantique' });
    expect(cell('contacts_besoin_mois', 'logement', '2026-10')).toBe(20);
    expect(cell('contacts_besoin_mois', 'logement', '2026-11')).toBe(14);
    // 3 (santé) and 2 (not said) are secret; together under 11, so the next smallest of the month (12) is too.
    expect(cell('contacts_besoin_mois', 'emploi', '2026-11')).toBe(SECRET);
    expect(cell('contacts_besoin_mois', 'non_precise', '2026-11')).toBe(SECRET);
    expect(cell('contacts_besoin_mois', 'sante', '2026-11')).toBe(SECRET);
    expect(table('contacts_besoin_mois').grandTotal).toBe(51);
    expect(cell('contacts_profil_canal', 'aidant', 'voice')).toBe(34);
    expect(table('contacts_profil_canal').grandTotal).toBe(51);
    expect(cell('sans_solution_besoin_manque', 'logement', 'no_place_available')).toBe(SECRET);
    expect(cell('sans_solution_besoin_manque', 'logement', 'no_transport')).toBe(SECRET);
    expect(table('sans_solution_besoin_manque').grandTotal).toBe(16);
    expect(table('sans_solution_besoin_manque').columns.find((c) => c.id === 'no_place_available')?.label).toBe('Pas de place disponible');
    expect(cell('sans_solution_mois', '2026-11', 'situations')).toBe(14);
  });

  it('When any table is published, then no count from 1 to 10 is shown and no secret count can be computed back from the totals', () => {
    for (const t of publication.tables) {
      try {
        expectSafe({ rows: t.rows.map((r) => r.id), columns: t.columns.map((c) => c.id), cells: t.cells, rowTotals: t.rowTotals, columnTotals: t.columnTotals, grandTotal: t.grandTotal });
      } catch (error) {
        throw new Error(`${t.id}: ${(error as Error).message}`);
      }
    }
  });

  it('When the JSON, the CSV and the page are read, then none holds a phone number, e-mail, postcode, transcript, ref or conversation id of the tickets', async () => {
    expect(personal.length).toBeGreaterThan(300);
    for (const path of ['/api/observatory/44?month=2026-11', '/api/observatory/44/export.csv?month=2026-11', '/observatoire?territory=44&month=2026-11']) {
      const answer = await raw(path, AUTHORITY_44);
      expect(answer.status).toBe(200);
      const text = await answer.text();
      expect(text.length).toBeGreaterThan(1000);
      expect(personal.filter((value) => text.includes(value))).toEqual([]);
      expect(text).not.toMatch(/\+33\d|@|T-44-/);
    }
  });

  it('When the CSV is downloaded, then it is UTF-8 with a BOM, `;`-separated, with French headers and « secret » for suppressed counts', async () => {
    const answer = await raw('/api/observatory/44/export.csv?month=2026-11', AUTHORITY_44);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toBe('attachment; filename="observatoire-44-2025-12-2026-11.csv"');
    const bytes = new Uint8Array(await answer.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1).split('\r\n');
    expect(lines[0]).toBe('Territoire;Période;Tableau;Unité;Ligne;Colonne;Effectif');
    expect(lines.at(-1)).toBe('');
    const rows = lines.slice(1, -1).map((line) => line.split(';'));
    expect(rows.every((r) => r.length === 7)).toBe(true);
    expect(rows).toContainEqual(['44 Loire-Atlantique', 'décembre 2025 – novembre 2026', 'Contacts par besoin et par mois', 'contacts', 'Se loger', 'novembre 2026', '14']);
    expect(rows).toContainEqual(['44 Loire-Atlantique', 'décembre 2025 – novembre 2026', 'Contacts par besoin et par mois', 'contacts', 'Être en bonne santé, soins médicaux et paramédicaux', 'novembre 2026', 'secret']);
    const counts = rows.map((r) => r[6]!);
    expect(counts.every((c) => c === 'secret' || /^(0|[1-9]\d+)$/.test(c))).toBe(true);
    expect(counts.filter((c) => c !== 'secret').map(Number).filter((v) => v > 0 && v < 11)).toEqual([]);
  });

  it('When the authority asks for another territory, the national level, or a malformed one, then it is refused (403 for another territory, 400 for XX or a malformed code)', async () => {
    expect((await raw('/api/observatory/35', AUTHORITY_44)).status).toBe(403);
    expect((await raw('/api/observatory/XX', AUTHORITY_44)).status).toBe(400);
    expect((await raw('/api/observatory/35/export.csv', AUTHORITY_44)).status).toBe(403);
    expect((await raw('/api/observatory/4X', AUTHORITY_44)).status).toBe(400);
    expect((await raw('/observatoire?territory=35', AUTHORITY_44)).status).toBe(403);
    expect((await raw('/api/observatory/85', AUTHORITY_44)).status).toBe(200);
  });

  it('When the month or a query parameter is malformed, then the answer is 400 and names the problem', async () => {
    const bad = await raw('/api/observatory/44?month=2026-13', AUTHORITY_44);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('AAAA-MM');
    expect((await raw('/api/observatory/44?territory=35', AUTHORITY_44)).status).toBe(400);
  });

  it('When an advisor, a coordinator or a national admin asks, then only coordinators and admins of the territory read it', async () => {
    expect((await raw('/api/observatory/44', PEOPLE.advisor44)).status).toBe(403);
    expect((await raw('/api/observatory/44', PEOPLE.coordinator44)).status).toBe(200);
    expect((await raw('/api/observatory/35', PEOPLE.coordinator44)).status).toBe(403);
    expect((await raw('/api/observatory/35', PEOPLE.admin)).status).toBe(200);
    expect((await raw('/api/observatory/44', null)).status).toBe(401);
    const page = await raw('/observatoire', null);
    expect(page.status).toBe(401);
    expect(await page.text()).toContain('Se connecter');
  });

  it('When the authority reaches for a ticket, a chat, a callback, the event stream or staff accounts, then every door is shut', async () => {
    const own = created.find((t) => t.departement === '44')!;
    const refused = [
      ['GET', '/api/advisor/me'],
      ['GET', '/api/advisor/tickets?territory=44'],
      ['GET', `/api/advisor/tickets/${own.ref}`],
      ['GET', '/api/advisor/callbacks?territory=44'],
      ['GET', '/api/advisor/chats?territory=44'],
      ['GET', '/api/advisor/observatory/unmet-needs'],
      ['GET', '/api/advisor/events'],
      ['GET', `/api/tickets/${own.ref}`],
      ['GET', `/api/calls/${own.conversationId}/ticket`],
      ['GET', '/api/admin/staff'],
    ] as const;
    for (const [method, path] of refused) {
      const answer = await call(harness, method, path, await tokenOf(AUTHORITY_44));
      expect({ path, status: answer.status }).toEqual({ path, status: 403 });
      expect(JSON.stringify(answer.body)).not.toContain(own.conversationId);
    }
    const chat = await call(harness, 'POST', `/api/chats/${own.conversationId}/take`, await tokenOf(AUTHORITY_44), {});
    expect(chat.status).toBe(404);
  });

  it('When the answer is read, then it matches the schema the OpenAPI document publishes, and the document lists the JSON, CSV and page', async () => {
    expect(ObservatoryPublicationSchema.safeParse(publication).error).toBeUndefined();
    const doc = (await call(harness, 'GET', '/api/openapi.json', null)).body as { paths: Record<string, { get: { responses: Record<string, unknown> } }>; components: { schemas: Record<string, unknown> } };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/observatory/{territory}', '/api/observatory/{territory}/export.csv', '/observatoire']));
    expect(Object.keys(doc.paths['/api/observatory/{territory}/export.csv']!.get.responses['200'] as object)).toContain('content');
    expect(doc.components.schemas.ObservatoryPublication).toBeDefined();
  });

  it('When a national admin creates an authority account, then it is kept; a coordinator may not create one', async () => {
    const body = { email: 'observatoire@ars.sante.fr', role: 'authority', territories: ['44'] };
    expect((await call(harness, 'POST', '/api/admin/staff', await tokenOf(PEOPLE.coordinator44), body)).status).toBe(403);
    const made = await call(harness, 'POST', '/api/admin/staff', await tokenOf(PEOPLE.admin), body);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ email: 'observatoire@ars.sante.fr', role: 'authority', territories: ['44'] });
  });

  it('When a contact is counted, then its counter names no person, and lives five years, beyond the ticket’s 90 days', async () => {
    const key = harness.redis.keys.counter('observatory-contacts', '44', '2026-11', 'logement', 'aidant', 'voice');
    expect(await harness.redis.store.get(key)).toBe('14');
    const ttl = await harness.redis.store.ttl(key);
    expect(ttl).toBeGreaterThan(4.9 * 365 * 24 * 3600);
  });

  it('When the authority reads the figures, then the read is in the audit trail (who, which territory, which format)', async () => {
    const trail = createAuditTrail(harness.redis.store, harness.redis.keys, { ticketTtlDays: 90, clock: harness.clock });
    const reads = (await trail.ofDay('2026-11-23')).filter((e) => e.action === 'observatory.read' && e.actor.subject === 'ars-pdl');
    expect(reads.map((e) => e.territory)).toEqual(expect.arrayContaining(['44', '85']));
    expect(new Set(reads.map((e) => e.detail?.format))).toEqual(new Set(['json', 'csv', 'page']));
  });
});
