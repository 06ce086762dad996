/**
 * What a person writes in the chat is kept (the conversation's state, the ticket's transcript) with
 * their contact details masked, by the same rule as the phone side: a phone number by its last two
 * digits, an e-mail address as `maskEmail` shows it, a postcode as its département. The clear values
 * live only where they are needed: sealed in the ticket's `callback` field. Pure.
 *
 * Masking twice changes nothing, so advisors' views mask again on read (transcripts written before
 * masking existed; without the postcode data there, a postcode shows as « [code postal] »).
 */
import { lastDigits, maskEmail } from '../security/seal';

export type DepartementsForPostcode = (postcode: string) => readonly string[];

const NO_POSTCODE_DATA: DepartementsForPostcode = () => [];

const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,190}\.[A-Za-z]{2,24}/g;
/** A phone number: + or a digit, then at least 8 more digits with spaces, dots, dashes or brackets between. */
const PHONE = /(?<![\d])(?:\+|00)?\d(?:[\s.\-()]{0,2}\d){8,14}(?![\d])/g;
const POSTCODE = /(?<![\d])\d{2}[\s.]?\d{3}(?![\d])/g;

/** The text with every e-mail address, phone number and postcode in it masked. */
export function maskPersonalData(text: string, departementsForPostcode: DepartementsForPostcode = NO_POSTCODE_DATA): string {
  return text
    .replace(EMAIL, (email) => `[e-mail ${maskEmail(email)}]`)
    .replace(PHONE, (number) => `[téléphone finissant par ${lastDigits(number, 2)}]`)
    .replace(POSTCODE, (postcode) => {
      const departements = departementsForPostcode(postcode.replace(/[\s.]/g, ''));
      return departements.length > 0 ? `[code postal du département ${departements.join(' ou ')}]` : '[code postal]';
    });
}

/** The transcript with the person's lines masked (bot and advisor lines carry public numbers: 3114, the MDPH). */
export function maskedTranscript<T extends { from: string; text: string }>(lines: readonly T[]): T[] {
  return lines.map((line) => (line.from === 'user' ? { ...line, text: maskPersonalData(line.text) } : line));
}
