/**
 * Where person keys come from: the caller's number on the phone (Twilio's `From`, sealed by the
 * edge, when not withheld), the callback contact in the chat once the person has agreed. Opens the
 * sealed value only to hash it; nothing here keeps or logs the number.
 */
import type { SealedEmail, SealedNumber } from '../voice/callMachine';
import type { TicketStore } from '../tickets/ticket-store';
import { LRUCache } from 'lru-cache';
import { normalisedEmail, normalisedPhone, personKeyOf, type PersonContact } from './personKey';

/** Person keys of callers' numbers sealed lately, by sealed value: enough for the calls in progress. */
const CALLERS_KEPT = 10_000;
/** What the cache keeps for a number that is not one (no person key): lru-cache keeps no null. */
const NO_KEY = '';

export interface PersonLinks {
  /** The person key of a sealed phone number (the caller's); null when it cannot be read as a number. */
  ofSealedNumber(number: SealedNumber | null): string | null;
  /**
   * Seals a caller's number (`seal`) and keeps the person key of that sealed value for a while, so
   * that the call's ticket gets it without opening the number again (the key only: never the number).
   */
  sealCaller(e164: string, seal: (e164: string) => SealedNumber): SealedNumber;
  /** The person key of the chat's callback contact (a sealed number or e-mail); null when none. */
  ofCallback(contact: { callbackNumber: SealedNumber | null; callbackEmail: SealedEmail | null }): string | null;
  /** Gives the ticket its person key (it joins the person's index); false when the ticket is gone. */
  linkTicket(ref: string, personKey: string): Promise<boolean>;
}

export function createPersonLinks(deps: { secret: Buffer; openSealed(sealed: string): string; tickets: TicketStore }): PersonLinks {
  const keyOf = (contact: PersonContact | null) => (contact === null ? null : personKeyOf(deps.secret, contact));
  /** The sealed value in clear, or null when it cannot be opened (a link is never worth a failed call). */
  const open = (sealed: string): string => {
    try {
      return deps.openSealed(sealed);
    } catch {
      return '';
    }
  };
  const phone = (sealed: string): PersonContact | null => {
    const e164 = normalisedPhone(open(sealed));
    return e164 === null ? null : { kind: 'phone', e164 };
  };
  const email = (sealed: string): PersonContact | null => {
    const address = normalisedEmail(open(sealed));
    return address === null ? null : { kind: 'email', address };
  };
  const callers = new LRUCache<string, string>({ max: CALLERS_KEPT });
  return {
    ofSealedNumber(number) {
      if (number === null) return null;
      const kept = callers.get(number.sealed);
      if (kept !== undefined) return kept === NO_KEY ? null : kept;
      return keyOf(phone(number.sealed));
    },
    sealCaller(e164, seal) {
      const number = seal(e164);
      const normalised = normalisedPhone(e164);
      callers.set(number.sealed, normalised === null ? NO_KEY : keyOf({ kind: 'phone', e164: normalised })!);
      return number;
    },
    ofCallback(contact) {
      if (contact.callbackNumber) return keyOf(phone(contact.callbackNumber.sealed));
      if (contact.callbackEmail) return keyOf(email(contact.callbackEmail.sealed));
      return null;
    },
    async linkTicket(ref, personKey) {
      const ticket = await deps.tickets.get(ref);
      if (!ticket) return false;
      const { createdAt: _created, updatedAt: _updated, ...draft } = ticket;
      await deps.tickets.createOrUpdate({ ...draft, personKey });
      return true;
    },
  };
}
