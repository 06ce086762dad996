/** The ticket's life through the real API and Redis: transitions, refusals, audit trail, observatory, callbacks, live events, OpenAPI. */
import { PEOPLE, call, makeTicket, startAdvisorApp, tokenOf, type AdvisorHarness } from './helpers';

let harness: AdvisorHarness;
let alice: string;
let bruno: string;
let dora: string;
let eve: string;
beforeAll(async () => {
  harness = await startAdvisorApp('advisor-lifecycle');
  [alice, bruno, dora, eve] = await Promise.all([tokenOf(PEOPLE.advisor44), tokenOf(PEOPLE.otherAdvisor44), tokenOf(PEOPLE.coordinator44), tokenOf(PEOPLE.admin)]);
});
afterAll(async () => {
  await harness.close();
});

const api = (method: string, path: string, token: string, body?: unknown) => call(harness, method, `/api/advisor${path}`, token, body);

describe('the ticket lifecycle through the API', () => {
  it('When an advisor takes, works and closes an N1 ticket, then each step is recorded and audited with who, when and what', async () => {
    const ticket = await makeTicket(harness, '44');
    expect((await api('GET', `/tickets/${ticket.ref}`, alice)).body).toMatchObject({ case: { status: 'new', level: 1 }, allowedEvents: expect.arrayContaining(['TAKE']) });
    const taken = await api('POST', `/tickets/${ticket.ref}/take`, alice, {});
    expect(taken.body.case).toMatchObject({ status: 'taken', referent: { subject: 'alice-44', name: 'Alice', role: 'advisor' } });
    const updated = await api('PATCH', `/tickets/${ticket.ref}`, alice, { partners: ['SSIAD Rezé'], nextAction: { text: 'Rappeler le SSIAD', due: '25/11/2026 14:30' } });
    expect(updated.body.case).toMatchObject({ status: 'n1_in_progress', partners: ['SSIAD Rezé'], nextAction: { due: '2026-11-25T13:30:00.000Z', timeZone: 'Europe/Paris' } });
    expect((await api('POST', `/tickets/${ticket.ref}/comments`, alice, { text: 'La personne est rassurée' })).status).toBe(201);
    const closed = await api('POST', `/tickets/${ticket.ref}/close`, alice, { wrapUp: 'solution_in_place', note: 'Passage du SSIAD deux fois par jour' });
    expect(closed.body.case).toMatchObject({
      status: 'solved',
      wrapUp: { id: 'solution_in_place', label: 'Solution mise en place', note: 'Passage du SSIAD deux fois par jour' },
      closedAt: '2026-11-23T09:00:00.000Z',
    });

    const audit = await api('GET', `/tickets/${ticket.ref}/audit`, dora);
    expect(audit.status).toBe(200);
    const entries = audit.body.entries as Array<{ action: string; actor: { subject: string }; at: string; detail?: Record<string, unknown> }>;
    expect(entries.map((e) => [e.action, e.actor.subject])).toEqual([
      ['ticket.read', 'alice-44'],
      ['ticket.take', 'alice-44'],
      ['ticket.update', 'alice-44'],
      ['ticket.comment', 'alice-44'],
      ['ticket.close', 'alice-44'],
      ['ticket.audit_read', 'dora-44'],
    ]);
    expect(entries[1]).toMatchObject({ at: '2026-11-23T09:00:00.000Z', detail: { from: 'new', to: 'taken', level: 1 } });
    expect(entries[2]?.detail).toMatchObject({ fields: ['partners', 'nextAction'] });
    // The trail names fields, never their content.
    expect(JSON.stringify(entries)).not.toContain('SSIAD');
  });

  it('When an N2 case finds no solution, then a coordinator records the unmet need, and the observatory gets it without personal data', async () => {
    const ticket = await makeTicket(harness, '44', { priority: 'prioritaire' });
    await api('POST', `/tickets/${ticket.ref}/take`, alice, {});
    const n2 = await api('POST', `/tickets/${ticket.ref}/level`, alice, { level: 2, staffDate: '2026-12-01' });
    expect(n2.body.case).toMatchObject({ status: 'n2_on_agenda', level: 2, staffDate: '2026-12-01' });
    const agenda = await api('GET', '/agenda?territory=44', alice);
    expect(agenda.body.staffs).toEqual(expect.arrayContaining([expect.objectContaining({ staffDate: '2026-12-01', tickets: expect.arrayContaining([expect.objectContaining({ ticket: expect.objectContaining({ ref: ticket.ref }) })]) })]));
    const recorded = await api('PATCH', `/tickets/${ticket.ref}`, alice, { partners: ['MDPH 44', 'SAVS'], actions: ['Demande de PAG'] });
    expect(recorded.body.case.status).toBe('n2_actions_recorded');

    expect(await api('POST', `/tickets/${ticket.ref}/level`, alice, { level: 3, missing: ['no_place_available'] })).toMatchObject({ status: 403 });
    const n3 = await api('POST', `/tickets/${ticket.ref}/level`, dora, { level: 3, missing: ['no_place_available', 'waiting_time_too_long'] });
    expect(n3.body.case).toMatchObject({ status: 'unmet_need', level: 3, unmetNeed: { need: 'logement' } });
    expect(n3.body.case.levelHistory.map((h: { level: number }) => h.level)).toEqual([1, 2, 3]);

    const observatory = await api('GET', '/observatory/unmet-needs?month=2026-11', dora);
    expect(observatory.body.records).toContainEqual({ month: '2026-11', territory: '44', need: 'logement', missing: ['no_place_available', 'waiting_time_too_long'] });
    expect(JSON.stringify(observatory.body)).not.toMatch(/T-44|aidant|alice|dora|CA[0-9a-f]{8}/);
    expect(observatory.body.countsByTerritoryAndNeed['44'].logement).toBeGreaterThanOrEqual(1);
    // A coordinator of 35 would not see 44's records.
    const other = await api('GET', '/observatory/unmet-needs?month=2026-11', await tokenOf({ subject: 'c35', role: 'coordinator', territories: ['35'] }));
    expect(other.body.records.filter((r: { territory: string }) => r.territory === '44')).toEqual([]);
  });

  it('When a step is not allowed in the current state, then it is refused (409) and nothing changes', async () => {
    const ticket = await makeTicket(harness, '44');
    expect((await api('POST', `/tickets/${ticket.ref}/close`, alice, { wrapUp: 'other' })).status).toBe(409);
    expect((await api('POST', `/tickets/${ticket.ref}/level`, alice, { level: 2, staffDate: '2026-12-01' })).status).toBe(409);
    expect((await api('PATCH', `/tickets/${ticket.ref}`, alice, { actions: ['x'] })).status).toBe(409);
    await api('POST', `/tickets/${ticket.ref}/take`, alice, {});
    expect((await api('POST', `/tickets/${ticket.ref}/take`, bruno, {})).status).toBe(409);
    expect((await api('POST', `/tickets/${ticket.ref}/close`, alice, { wrapUp: 'other' })).status).toBe(409);
    expect((await api('POST', `/tickets/${ticket.ref}/level`, alice, { level: 3, missing: ['other'] })).status).toBe(403);
    expect((await api('POST', `/tickets/${ticket.ref}/level`, dora, { level: 3, missing: ['other'] })).status).toBe(409);
    expect((await api('PATCH', `/tickets/${ticket.ref}`, alice, { staffDate: '2026-12-01' })).status).toBe(409);
    expect((await api('POST', `/tickets/${ticket.ref}/callback-attempts`, alice, { reached: true })).status).toBe(409);
    await api('POST', `/tickets/${ticket.ref}/level`, alice, { level: 2, staffDate: '2026-12-01' });
    expect((await api('POST', `/tickets/${ticket.ref}/level`, alice, { level: 1 })).status).toBe(409);
    expect((await api('POST', `/tickets/${ticket.ref}/close`, alice, { wrapUp: 'other' })).status).toBe(409);
    expect((await api('GET', `/tickets/${ticket.ref}`, alice)).body.case.status).toBe('n2_on_agenda');
  });

  it('When someone other than the referent changes a case, then only a coordinator may; anyone of the territory may comment', async () => {
    const ticket = await makeTicket(harness, '44');
    await api('POST', `/tickets/${ticket.ref}/take`, alice, {});
    expect((await api('PATCH', `/tickets/${ticket.ref}`, bruno, { actions: ['x'] })).status).toBe(403);
    expect((await api('POST', `/tickets/${ticket.ref}/comments`, bruno, { text: 'Je connais la famille' })).status).toBe(201);
    expect((await api('PATCH', `/tickets/${ticket.ref}`, alice, { referent: { subject: 'bruno-44', role: 'advisor' } })).status).toBe(403);
    const handed = await api('PATCH', `/tickets/${ticket.ref}`, dora, { referent: { subject: 'bruno-44', role: 'advisor' } });
    expect(handed.body.case.referent).toEqual({ subject: 'bruno-44', role: 'advisor' });
    expect((await api('PATCH', `/tickets/${ticket.ref}`, bruno, { actions: ['Visite'] })).status).toBe(200);
  });

  it('When a request sets a field the service owns (territory, level history, author…), then it is rejected, not applied', async () => {
    const ticket = await makeTicket(harness, '44');
    await api('POST', `/tickets/${ticket.ref}/take`, alice, {});
    for (const body of [{ territory: '35' }, { levelHistory: [] }, { author: 'x', actions: ['y'] }, { departement: '35' }, { status: 'solved' }]) {
      const answer = await api('PATCH', `/tickets/${ticket.ref}`, alice, body);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatch(/remplis par le service/);
    }
    expect((await api('POST', `/tickets/${ticket.ref}/comments`, alice, { text: 'x', by: { subject: 'someone-else' } })).status).toBe(400);
    expect((await api('POST', `/tickets/${ticket.ref}/take`, alice, { referent: 'x' })).status).toBe(400);
    const read = await api('GET', `/tickets/${ticket.ref}`, alice);
    expect(read.body).toMatchObject({ territory: '44', case: { status: 'taken', territory: '44', levelHistory: [{ level: 1 }] } });
  });

  it('When advisors list with filters, then they get their territory’s matching tickets, priority first', async () => {
    const normal = await makeTicket(harness, '44', { channel: 'chat' });
    harness.clock.set('2026-11-23T09:05:00.000Z');
    const urgent = await makeTicket(harness, '44', { priority: 'prioritaire', channel: 'chat' });
    harness.clock.set('2026-11-23T09:00:00.000Z');
    const listed = await api('GET', '/tickets?channel=chat&status=new&limit=500', alice);
    const refs = (listed.body.tickets as Array<{ ticket: { ref: string; priority: string } }>).map((t) => t.ticket.ref);
    expect(refs.indexOf(urgent.ref)).toBeLessThan(refs.indexOf(normal.ref));
    expect(refs.indexOf(normal.ref)).toBeGreaterThanOrEqual(0);
    const onlyUrgent = await api('GET', '/tickets?priority=prioritaire&channel=chat', alice);
    expect(onlyUrgent.body.tickets.every((t: { ticket: { priority: string } }) => t.ticket.priority === 'prioritaire')).toBe(true);
    expect((await api('GET', '/tickets?level=4', alice)).status).toBe(400);
    expect((await api('GET', '/tickets?unknown=1', alice)).status).toBe(400);
    harness.clock.set('2026-11-23T12:00:00.000Z');
    const old = await api('GET', '/tickets?minAgeHours=2&channel=chat', alice);
    expect(old.body.tickets.map((t: { ticket: { ref: string } }) => t.ticket.ref)).toEqual(expect.arrayContaining([normal.ref, urgent.ref]));
    expect((await api('GET', '/tickets?maxAgeHours=1&channel=chat', alice)).body.tickets).toEqual([]);
    harness.clock.set('2026-11-23T09:00:00.000Z');
  });

  it('When callbacks are listed, then the number is shown to the territory’s own advisors only, attempts are counted, and each number shown is audited', async () => {
    const ticket = await makeTicket(harness, '44', { callback: '+33612345678' });
    const forAlice = await api('GET', '/callbacks?territory=44', alice);
    const mine = forAlice.body.callbacks.find((c: { ticket: { ref: string } }) => c.ticket.ref === ticket.ref);
    expect(mine).toMatchObject({ ticket: { callback: { contact: 'phone', lastDigits: '78', number: '+33612345678' } }, case: { callback: { state: 'to_call', attempts: 0 } } });
    const forEve = await api('GET', '/callbacks?territory=44', eve);
    const seenByAdmin = forEve.body.callbacks.find((c: { ticket: { ref: string } }) => c.ticket.ref === ticket.ref);
    expect(seenByAdmin.ticket.callback).toEqual({ contact: 'phone', lastDigits: '78', requestedAt: expect.any(String) });
    expect((await api('GET', `/tickets/${ticket.ref}`, alice)).body.ticket.callback.number).toBeUndefined();

    await api('POST', `/tickets/${ticket.ref}/take`, alice, {});
    expect((await api('POST', `/tickets/${ticket.ref}/callback-attempts`, alice, { reached: false })).body.case.callback).toMatchObject({ state: 'to_call', attempts: 1, lastOutcome: 'not_reached' });
    expect((await api('POST', `/tickets/${ticket.ref}/callback-attempts`, alice, { reached: true })).body.case.callback).toMatchObject({ state: 'called', attempts: 2, lastOutcome: 'reached' });
    const audit = await api('GET', `/tickets/${ticket.ref}/audit`, dora);
    expect(audit.body.entries.filter((e: { action: string }) => e.action === 'callback.contact_read')).toEqual([
      expect.objectContaining({ actor: expect.objectContaining({ subject: 'alice-44' }), detail: { contact: 'phone' } }),
    ]);
  });

  it('When the case file exists, then it expires with the ticket (the retention)', async () => {
    const ticket = await makeTicket(harness, '44');
    await api('POST', `/tickets/${ticket.ref}/take`, alice, {});
    const ticketTtl = await harness.redis.store.ttl(harness.redis.keys.ticket(ticket.ref));
    const caseTtl = await harness.redis.store.ttl(harness.redis.keys.ticketCase(ticket.ref));
    expect(caseTtl).toBeGreaterThan(0);
    expect(Math.abs(caseTtl - ticketTtl)).toBeLessThan(5);
    expect(await harness.redis.store.ttl(harness.redis.keys.auditOfTicket(ticket.ref))).toBeGreaterThanOrEqual(ticketTtl);
  });
});

describe('live events for the console', () => {
  it('When tickets are created or change, then the SSE stream of a 44 advisor tells them about 44 only', async () => {
    const controller = new AbortController();
    const response = await fetch(`${harness.app.httpBase}/api/advisor/events?access_token=${alice}`, { signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
      }
    };
    await readUntil(/event: ready/);
    const other = await makeTicket(harness, '35');
    const mine = await makeTicket(harness, '44', { priority: 'prioritaire' });
    await api('POST', `/tickets/${mine.ref}/take`, alice, {});
    await readUntil(new RegExp(`ticket.updated[^]*${mine.ref}`));
    controller.abort();
    expect(text).toContain(`"ref":"${mine.ref}"`);
    expect(text).toMatch(new RegExp(`event: ticket.created\\ndata: \\{"type":"ticket.created","ref":"${mine.ref}","territory":"44","channel":"voice","kind":"routed","priority":"prioritaire","status":"new","level":1`));
    expect(text).toMatch(/"type":"ticket.updated".*"status":"taken"/);
    expect(text).not.toContain(other.ref);
  });

  it('When the stream is opened without a valid token, then it answers 401', async () => {
    expect((await fetch(`${harness.app.httpBase}/api/advisor/events`)).status).toBe(401);
    expect((await fetch(`${harness.app.httpBase}/api/advisor/events?access_token=nope`)).status).toBe(401);
  });
});

describe('the OpenAPI document', () => {
  it('When it is fetched, then it is OpenAPI 3.1, generated from the zod schemas, and names every advisor endpoint', async () => {
    const response = await fetch(`${harness.app.httpBase}/api/openapi.json`);
    const doc = (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, { properties?: Record<string, unknown> }> } };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/advisor/tickets',
        '/api/advisor/tickets/{ref}',
        '/api/advisor/tickets/{ref}/take',
        '/api/advisor/tickets/{ref}/comments',
        '/api/advisor/tickets/{ref}/level',
        '/api/advisor/tickets/{ref}/close',
        '/api/advisor/agenda',
        '/api/advisor/callbacks',
        '/api/advisor/events',
      ]),
    );
    expect(Object.keys(doc.components.schemas.CaseFile?.properties ?? {})).toEqual(expect.arrayContaining(['status', 'level', 'referent', 'levelHistory', 'partners', 'nextAction']));
    expect(JSON.stringify(doc.paths['/api/advisor/tickets/{ref}/level'])).toContain('no_place_available');
  });
});

describe('the OpenAPI document’s refusals', () => {
  type Doc = { paths: Record<string, Record<string, { responses: Record<string, { description: string }> }>> };
  const documented = async (path: string, method: string, status: number): Promise<string> => {
    const doc = (await (await fetch(`${harness.app.httpBase}/api/openapi.json`)).json()) as Doc;
    return doc.paths[path]?.[method]?.responses[String(status)]?.description ?? `(no ${status} documented for ${method} ${path})`;
  };

  it('When the API refuses a request, then the document’s description of that refusal says the French sentence of the body', async () => {
    const [alice, bruno, chloe, dora] = await Promise.all([tokenOf(PEOPLE.advisor44), tokenOf(PEOPLE.otherAdvisor44), tokenOf(PEOPLE.advisor35), tokenOf(PEOPLE.coordinator44)]);
    const ticket = await makeTicket(harness, '44');
    expect((await api('POST', `/tickets/${ticket.ref}/take`, alice, {})).status).toBe(200);
    const refusals: Array<[string, string, Promise<{ status: number; body: unknown }>]> = [
      ['/api/advisor/tickets', 'get', call(harness, 'GET', '/api/advisor/tickets', null)],
      ['/api/advisor/tickets/{ref}', 'get', api('GET', '/tickets/T-44-ZZZZZZ', alice)],
      ['/api/advisor/tickets/{ref}/take', 'post', api('POST', `/tickets/${ticket.ref}/take`, chloe, {})],
      ['/api/advisor/tickets/{ref}/close', 'post', api('POST', `/tickets/${ticket.ref}/close`, bruno, { wrapUp: 'solution_in_place', note: 'x' })],
      ['/api/advisor/tickets/{ref}/level', 'post', api('POST', `/tickets/${ticket.ref}/level`, alice, { level: 1 })],
      ['/api/admin/gdpr/export', 'post', call(harness, 'POST', '/api/admin/gdpr/export', dora, { phone: '06 12 34 56 78' })],
    ];
    const seen: number[] = [];
    for (const [path, method, answer] of refusals) {
      const { status, body } = await answer;
      const sentence = (body as { error: string }).error;
      seen.push(status);
      expect({ path, status, described: (await documented(path, method, status)).includes(`« ${sentence} »`) }).toEqual({ path, status, described: true });
    }
    expect(seen).toEqual([401, 404, 404, 403, 409, 403]);
  });

  it('When it is fetched, then no refusal is described in English', async () => {
    const doc = (await (await fetch(`${harness.app.httpBase}/api/openapi.json`)).json()) as Doc;
    const english = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).flatMap(([method, operation]) =>
        Object.entries(operation.responses ?? {})
          .filter(([status, response]) => Number(status) >= 400 && !/[«’éèàùç]/.test(response.description))
          .map(([status, response]) => `${method} ${path} ${status}: ${response.description}`),
      ),
    );
    expect(english).toEqual([]);
  });
});
