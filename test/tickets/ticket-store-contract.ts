/**
 * The behaviour of the ticket store, run on the memory store and on the real Redis.
 */
import { openText, sealText } from '../../src/security/seal';
import type { KeyValueStore } from '../../src/domain/ports';
import type { StoreKeys } from '../../src/storage/keys';
import { ticketRefFor } from '../../src/tickets/ref';
import { TicketSchema, type TicketDraft } from '../../src/tickets/ticket';
import {
  createTicketStore,
  TicketConflictError,
  TicketCorruptError,
  TicketValidationError,
  type TicketStore,
} from '../../src/tickets/ticket-store';
import { createFakeClock, type FakeClock } from '../storage/fake-clock';

export interface TicketStoreHarness {
  kv: KeyValueStore;
  keys: StoreKeys;
  dispose(): Promise<void>;
}

const TTL_DAYS = 90;
const DAY_SECONDS = 24 * 60 * 60;
const DATA_KEY = Buffer.alloc(32, 3);
const PHONE = '+33612345645';

export function describeTicketStoreContract(name: string, createHarness: () => Promise<TicketStoreHarness>): void {
  describe(`ticket store on ${name}`, () => {
    let harness: TicketStoreHarness;
    let clock: FakeClock;
    let tickets: TicketStore;
    const used = new Set<string>();
    let counter = 0;

    /** A draft for a fresh conversation; its keys are deleted after the test. */
    function draftFor(overrides: Partial<TicketDraft> = {}): TicketDraft {
      const conversationId = overrides.conversationId ?? `CA${process.pid}x${Date.now()}x${counter++}`;
      const departement = overrides.departement === undefined ? '44' : overrides.departement;
      const ref = overrides.ref ?? ticketRefFor(departement, conversationId);
      used.add(harness.keys.ticket(ref));
      used.add(harness.keys.ticketByConversation(conversationId));
      return {
        ref,
        channel: 'voice',
        kind: 'routed',
        profile: 'aidant',
        departement,
        territoryName: 'Loire-Atlantique',
        priority: 'normale',
        choices: [{ step: 'profile', value: 'aidant', via: 'dtmf' }],
        conversationId,
        ...overrides,
      };
    }

    beforeAll(async () => {
      harness = await createHarness();
    });

    beforeEach(() => {
      clock = createFakeClock();
      tickets = createTicketStore(harness.kv, { ttlDays: TTL_DAYS, clock, keys: harness.keys });
    });

    afterEach(async () => {
      for (const key of used) await harness.kv.del(key);
      used.clear();
    });

    afterAll(async () => {
      await harness?.dispose();
    });

    test('creates a ticket: status nouveau, timestamps from the clock, readable back', async () => {
      const draft = draftFor({ choices: undefined });
      const created = await tickets.createOrUpdate(draft);
      expect(created).toMatchObject({
        ref: draft.ref,
        status: 'nouveau',
        choices: [],
        createdAt: '2025-03-04T10:00:00.000Z',
        updatedAt: '2025-03-04T10:00:00.000Z',
      });
      await expect(tickets.get(draft.ref)).resolves.toEqual(created);
      await expect(tickets.getByConversation(draft.conversationId)).resolves.toEqual(created);
    });

    test('is idempotent by ref: a second call updates fields, keeps the others and createdAt', async () => {
      const draft = draftFor();
      const first = await tickets.createOrUpdate(draft);
      clock.advance(30_000);
      const second = await tickets.createOrUpdate({
        ...draft,
        profile: undefined,
        need: 'sans_solution',
        priority: 'prioritaire',
        choices: [...(draft.choices ?? []), { step: 'need', value: 'sans_solution', via: 'speech' }],
      });
      expect(second.createdAt).toBe(first.createdAt);
      expect(second.updatedAt).toBe('2025-03-04T10:00:30.000Z');
      expect(second).toMatchObject({ profile: 'aidant', need: 'sans_solution', priority: 'prioritaire' });
      expect(second.choices).toHaveLength(2);
      await expect(tickets.get(draft.ref)).resolves.toEqual(second);
    });

    test('likelyNew: a new ticket is created as without it; an existing one is updated, never replaced', async () => {
      const draft = draftFor();
      const created = await tickets.createOrUpdate(draft, { likelyNew: true });
      expect(created).toMatchObject({ ref: draft.ref, status: 'nouveau', profile: 'aidant' });
      await expect(tickets.getByConversation(draft.conversationId)).resolves.toEqual(created);
      clock.advance(30_000);
      const updated = await tickets.createOrUpdate({ ...draft, profile: undefined, need: 'sans_solution' }, { likelyNew: true });
      expect(updated.createdAt).toBe(created.createdAt);
      expect(updated).toMatchObject({ profile: 'aidant', need: 'sans_solution', updatedAt: '2025-03-04T10:00:30.000Z' });
      await expect(tickets.get(draft.ref)).resolves.toEqual(updated);
      const intruder = { ...draftFor(), ref: draft.ref, profile: 'professionnel' as const };
      await expect(tickets.createOrUpdate(intruder, { likelyNew: true })).rejects.toBeInstanceOf(TicketConflictError);
      await expect(tickets.get(draft.ref)).resolves.toEqual(updated);
    });

    test('the same draft twice at once makes one ticket', async () => {
      const draft = draftFor();
      const [a, b] = await Promise.all([tickets.createOrUpdate(draft), tickets.createOrUpdate(draft)]);
      expect(a.createdAt).toBe(b.createdAt);
      await expect(tickets.get(draft.ref)).resolves.toMatchObject({ ref: draft.ref, createdAt: a.createdAt });
    });

    test('every key has a TTL: the retention, counted from creation', async () => {
      const draft = draftFor();
      await tickets.createOrUpdate(draft);
      const ticketTtl = await harness.kv.ttl(harness.keys.ticket(draft.ref));
      expect(ticketTtl).toBeGreaterThan(TTL_DAYS * DAY_SECONDS - 5);
      expect(ticketTtl).toBeLessThanOrEqual(TTL_DAYS * DAY_SECONDS);
      expect(await harness.kv.ttl(harness.keys.ticketByConversation(draft.conversationId))).toBeGreaterThan(0);

      clock.advance(10 * DAY_SECONDS * 1000);
      await tickets.createOrUpdate({ ...draft, need: 'logement' });
      const afterUpdate = await harness.kv.ttl(harness.keys.ticket(draft.ref));
      expect(afterUpdate).toBeLessThanOrEqual(80 * DAY_SECONDS);
      expect(afterUpdate).toBeGreaterThan(80 * DAY_SECONDS - 5);
    });

    test('a callback ticket keeps the number sealed, with its last digits', async () => {
      const draft = draftFor({
        kind: 'callback',
        callback: {
          numberSealed: sealText(DATA_KEY, PHONE),
          lastDigits: '45',
          consent: true,
          requestedAt: clock.now().toISOString(),
        },
      });
      await tickets.createOrUpdate(draft);
      const raw = await harness.kv.get(harness.keys.ticket(draft.ref));
      expect(raw).not.toContain('612345645');
      const stored = await tickets.get(draft.ref);
      expect(stored?.callback?.contact).toBe('phone');
      expect(openText(DATA_KEY, stored?.callback?.contact === 'phone' ? stored.callback.numberSealed : '')).toBe(PHONE);
    });

    test('invalid drafts are refused with a clear error naming the field, not its value; nothing is stored', async () => {
      const base = draftFor();
      const bad: Array<[string, unknown]> = [
        ['need', { ...base, need: 'pizza' }],
        ['ref', { ...base, ref: 'T-44-ABC' }],
        ['departement', { ...base, departement: '20' }],
        ['From', { ...base, From: PHONE }],
        ['callback', { ...base, kind: 'callback' }],
        ['consent', { ...base, kind: 'callback', callback: { numberSealed: 'v1:x', lastDigits: '45', consent: false, requestedAt: clock.now().toISOString() } }],
        ['numberSealed', { ...base, kind: 'callback', callback: { numberSealed: PHONE, lastDigits: '45', consent: true, requestedAt: clock.now().toISOString() } }],
      ];
      for (const [field, draft] of bad) {
        const error = await tickets.createOrUpdate(draft as TicketDraft).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(TicketValidationError);
        expect((error as Error).message).toContain(field);
        expect((error as Error).message).not.toContain('612345645');
      }
      await expect(tickets.get(base.ref)).resolves.toBeNull();
    });

    test('an update that would make a callback ticket without callback details is refused; the ticket stays as it was', async () => {
      const draft = draftFor();
      const routed = await tickets.createOrUpdate(draft);
      const error = await tickets.createOrUpdate({ ...draft, kind: 'callback' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TicketValidationError);
      expect((error as Error).message).toBe('Invalid ticket: callback: a callback ticket needs callback details');
      await expect(tickets.get(draft.ref)).resolves.toEqual(routed);
      // Its twin: the same update with the details is a callback ticket.
      const callback = { numberSealed: sealText(DATA_KEY, PHONE), lastDigits: '45', consent: true as const, requestedAt: clock.now().toISOString() };
      await expect(tickets.createOrUpdate({ ...draft, kind: 'callback', callback })).resolves.toMatchObject({ kind: 'callback', callback: { contact: 'phone' } });
    });

    test('the stored ticket is the JSON the schema gives, keys in its order, created and updated', async () => {
      const draft = draftFor({ need: 'logement', danger: undefined, summary: 'Résumé', personKey: 'a'.repeat(64) });
      await tickets.createOrUpdate(draft, { likelyNew: true });
      const created = (await harness.kv.get(harness.keys.ticket(draft.ref))) ?? '';
      expect(created).toBe(JSON.stringify(TicketSchema.parse(JSON.parse(created))));
      expect(JSON.parse(created)).toMatchObject({ status: 'nouveau', need: 'logement', summary: 'Résumé' });
      expect(created).not.toContain('"danger"');
      await tickets.createOrUpdate({ ...draftFor({ conversationId: draft.conversationId, ref: draft.ref }), departement: null, priority: 'prioritaire' });
      const updated = (await harness.kv.get(harness.keys.ticket(draft.ref))) ?? '';
      expect(updated).toBe(JSON.stringify(TicketSchema.parse(JSON.parse(updated))));
      expect(JSON.parse(updated)).toMatchObject({ departement: null, priority: 'prioritaire', need: 'logement' });
    });

    test('a ref already used by another conversation is not overwritten', async () => {
      const draft = draftFor();
      await tickets.createOrUpdate(draft);
      const intruder = { ...draftFor(), ref: draft.ref, profile: 'professionnel' as const };
      await expect(tickets.createOrUpdate(intruder)).rejects.toBeInstanceOf(TicketConflictError);
      await expect(tickets.get(draft.ref)).resolves.toMatchObject({ conversationId: draft.conversationId, profile: 'aidant' });
    });

    test('a corrupt stored value gives TicketCorruptError, without quoting it', async () => {
      const draft = draftFor();
      const key = harness.keys.ticket(draft.ref);
      await harness.kv.set(key, `{"From": "${PHONE}"`, 60);
      const notJson = await tickets.get(draft.ref).catch((e: unknown) => e);
      expect(notJson).toBeInstanceOf(TicketCorruptError);
      expect((notJson as Error).message).not.toContain('612345645');

      await harness.kv.set(key, JSON.stringify({ ref: draft.ref, From: PHONE }), 60);
      const invalid = await tickets.get(draft.ref).catch((e: unknown) => e);
      expect(invalid).toBeInstanceOf(TicketCorruptError);
      expect((invalid as Error).message).toContain(draft.ref);
      expect((invalid as Error).message).not.toContain('612345645');

      await expect(tickets.createOrUpdate(draft)).rejects.toBeInstanceOf(TicketCorruptError);
    });

    test('a ticket with a person key joins that person’s index once (created with it or given it later), kept as long as a ticket', async () => {
      const personKey = 'a'.repeat(63) + String(counter % 10);
      used.add(harness.keys.personTickets(personKey));
      const linked: string[] = [];
      const linking = createTicketStore(harness.kv, { ttlDays: TTL_DAYS, clock, keys: harness.keys, onPersonLinked: (t) => linked.push(t.ref) });
      const first = await linking.createOrUpdate(draftFor({ personKey }));
      await linking.createOrUpdate(draftFor({ ref: first.ref, conversationId: first.conversationId, personKey, need: 'logement' }));
      const second = await linking.createOrUpdate(draftFor());
      expect(second.personKey).toBeUndefined();
      await linking.createOrUpdate({ ...draftFor({ ref: second.ref, conversationId: second.conversationId }), personKey });
      await expect(linking.refsOfPerson(personKey)).resolves.toEqual([first.ref, second.ref]);
      expect(linked).toEqual([first.ref, second.ref]);
      const ttl = await harness.kv.ttl(harness.keys.personTickets(personKey));
      expect(ttl).toBeGreaterThan(TTL_DAYS * DAY_SECONDS - 60);
      expect(ttl).toBeLessThanOrEqual(TTL_DAYS * DAY_SECONDS);
      await expect(linking.refsOfPerson('not-a-key')).resolves.toEqual([]);
      await expect(linking.createOrUpdate(draftFor({ personKey: '+33612345645' }))).rejects.toBeInstanceOf(TicketValidationError);
    });

    test('erasure: remove deletes the ticket and its conversation link, unlinkPerson the person’s index', async () => {
      const personKey = 'b'.repeat(64);
      used.add(harness.keys.personTickets(personKey));
      const ticket = await tickets.createOrUpdate(draftFor({ personKey }));
      await tickets.remove(ticket.ref);
      await expect(tickets.get(ticket.ref)).resolves.toBeNull();
      await expect(tickets.getByConversation(ticket.conversationId)).resolves.toBeNull();
      await expect(harness.kv.get(harness.keys.ticketByConversation(ticket.conversationId))).resolves.toBeNull();
      await tickets.unlinkPerson(personKey);
      await expect(tickets.refsOfPerson(personKey)).resolves.toEqual([]);
    });

    test('absent, expired or malformed refs read as null', async () => {
      await expect(tickets.get('T-44-000000')).resolves.toBeNull();
      await expect(tickets.get('not a ref')).resolves.toBeNull();
      await expect(tickets.getByConversation('CA-unknown')).resolves.toBeNull();
    });
  });
}
