/** The pseudonymous person key: one person, one key, whatever the way the number or address is written. */
import { derivePersonKeySecret, normalisedEmail, normalisedPhone, personKeyOf, personRefOf, PERSON_KEY_PATTERN } from '../../src/people/personKey';

const secret = derivePersonKeySecret(Buffer.alloc(32, 7));

describe('person keys', () => {
  it.each(['+33612345678', '06 12 34 56 78', '06.12.34.56.78', '0612345678', '0033612345678', '+33 6 12 34 56 78'])(
    'When the number is written %s, then it gives the key of +33612345678',
    (written) => {
      const e164 = normalisedPhone(written);
      expect(e164).toBe('+33612345678');
      expect(personKeyOf(secret, { kind: 'phone', e164: e164! })).toBe(personKeyOf(secret, { kind: 'phone', e164: '+33612345678' }));
    },
  );

  it('When a number is from overseas or abroad, then it keeps its own country code; when it is not a number, then there is no key', () => {
    expect(normalisedPhone('0690 12 34 56')).toBe('+590690123456');
    expect(normalisedPhone('+44 20 7946 0958')).toBe('+442079460958');
    expect(normalisedPhone('anonymous')).toBeNull();
    expect(normalisedPhone('06 12 34')).toBeNull();
  });

  it('When an e-mail differs only by case or spaces, then it gives the same key; a phone and an e-mail never share one', () => {
    expect(normalisedEmail('  Marie.Durand@Exemple.FR ')).toBe('marie.durand@exemple.fr');
    expect(normalisedEmail('marie.durand')).toBeNull();
    const email = personKeyOf(secret, { kind: 'email', address: 'marie.durand@exemple.fr' });
    expect(email).toMatch(PERSON_KEY_PATTERN);
    expect(email).not.toBe(personKeyOf(secret, { kind: 'phone', e164: '+33612345678' }));
  });

  it('When the key is computed, then it holds nothing of the number, depends on DATA_KEY, and its audit ref is another one-way value', () => {
    const key = personKeyOf(secret, { kind: 'phone', e164: '+33612345678' });
    expect(key).toMatch(PERSON_KEY_PATTERN);
    expect(key).not.toMatch(/12345678/);
    expect(personKeyOf(derivePersonKeySecret(Buffer.alloc(32, 8)), { kind: 'phone', e164: '+33612345678' })).not.toBe(key);
    expect(personRefOf(key)).toMatch(/^[0-9a-f]{16}$/);
    expect(key.startsWith(personRefOf(key))).toBe(false);
  });
});
