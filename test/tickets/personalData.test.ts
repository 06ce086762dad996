/** What a person writes is kept with contact details and postcodes masked: [written, kept] pairs. */
import { maskedTranscript, maskPersonalData } from '../../src/tickets/personalData';
import { createPlaces } from '../../src/places/places';

const places = createPlaces();
const mask = (text: string) => maskPersonalData(text, (postcode) => places.departementsForPostcode(postcode));

describe('masking the personal data a person writes in the chat', () => {
  it.each([
    ['06 12 34 56 78', '[téléphone finissant par 78]'],
    ['rappelez-moi au 0612345678 svp', 'rappelez-moi au [téléphone finissant par 78] svp'],
    ['mon numéro : +33 6 12 34 56 79', 'mon numéro : [téléphone finissant par 79]'],
    ['06.12.34.56.70 ou 0033612345671', '[téléphone finissant par 70] ou [téléphone finissant par 71]'],
    ['Marie.Durand@exemple.fr', '[e-mail M…@exemple.fr]'],
    ['écrivez à marie.durand@exemple.fr merci', 'écrivez à [e-mail m…@exemple.fr] merci'],
    ['44000', '[code postal du département 44]'],
    ["j'habite au 44 000 Nantes", "j'habite au [code postal du département 44] Nantes"],
    ['97133', '[code postal du département 971]'],
    ['00000', '[code postal]'],
  ])('When the person writes « %s », then the kept text is « %s »', (written, kept) => {
    expect(mask(written)).toBe(kept);
  });

  it.each([['le 3114'], ['appelez le 112'], ['ma mère a 83 ans'], ["c'est quoi l'AAH ?"], ['le 44']])('When the person writes « %s », then it is kept as it is', (written) => {
    expect(mask(written)).toBe(written);
  });

  it('When a kept text is masked again (an advisor reads it), then nothing changes', () => {
    const once = mask('Nantes 44000, 06 12 34 56 78, marie.durand@exemple.fr');
    expect(maskPersonalData(once)).toBe(once);
  });

  it('When a transcript is masked, then only the person’s lines change (the bot and advisors give public numbers)', () => {
    const at = '2026-11-23T09:00:00.000Z';
    expect(
      maskedTranscript([
        { from: 'user', text: '0612345678', at },
        { from: 'bot', text: 'MDPH : 02 28 09 40 50', at },
        { from: 'advisor', text: 'Appelez le 02 40 41 81 11', at },
      ]).map((line) => line.text),
    ).toEqual(['[téléphone finissant par 78]', 'MDPH : 02 28 09 40 50', 'Appelez le 02 40 41 81 11']);
  });
});
