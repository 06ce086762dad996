/** Person keys of callers' numbers: the key of a number sealed at the call's start is the one opening it gives, without opening it. */
import { createMemoryStore } from '../../src/storage/memory-store';
import { derivePersonKeySecret, personKeyOf } from '../../src/people/personKey';
import { createPersonLinks } from '../../src/people/personLinks';
import { lastDigits, openText, sealText } from '../../src/security/seal';
import { createTicketStore } from '../../src/tickets/ticket-store';

const dataKey = Buffer.alloc(32, 5);
const secret = derivePersonKeySecret(dataKey);
const seal = (e164: string) => ({ sealed: sealText(dataKey, e164), lastDigits: lastDigits(e164, 2) });

function links() {
  const opened: string[] = [];
  const openSealed = (sealed: string) => {
    opened.push(sealed);
    return openText(dataKey, sealed);
  };
  return { opened, people: createPersonLinks({ secret, openSealed, tickets: createTicketStore(createMemoryStore(), { ttlDays: 30 }) }) };
}

it('When a caller’s number is sealed through sealCaller, then its person key is the one opening it gives, and nothing is opened for it', () => {
  const first = links();
  const caller = first.people.sealCaller('+33612345678', seal);
  expect(openText(dataKey, caller.sealed)).toBe('+33612345678');
  expect(caller.lastDigits).toBe('78');
  expect(first.people.ofSealedNumber(caller)).toBe(personKeyOf(secret, { kind: 'phone', e164: '+33612345678' }));
  expect(first.opened).toEqual([]);

  const elsewhere = links(); // another process, which did not seal it: it opens the number
  expect(elsewhere.people.ofSealedNumber(caller)).toBe(first.people.ofSealedNumber(caller));
  expect(elsewhere.opened).toEqual([caller.sealed]);
});

it('When the caller’s number is not a phone number, then it has no person key, sealed here or elsewhere', () => {
  const first = links();
  const caller = first.people.sealCaller('anonymous', seal);
  expect(first.people.ofSealedNumber(caller)).toBeNull();
  expect(links().people.ofSealedNumber(caller)).toBeNull();
  expect(first.opened).toEqual([]);
});
