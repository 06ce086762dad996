import { answerText } from '../../src/knowledge/answer';
import type { LocalResources } from '../../src/knowledge/local-resources';
import { entry } from './helpers';

const resources: LocalResources = {
  mdph: (code) =>
    code === '44'
      ? { name: 'MDPH de la Loire-Atlantique', url: 'https://www.monparcourshandicap.gouv.fr/annuaire', phone: '02 28 09 40 50', email: null }
      : code === '01'
        ? { name: "MDPH de l'Ain", url: 'https://www.monparcourshandicap.gouv.fr/annuaire', phone: null, email: null }
        : undefined,
};

const aah = entry({
  id: 'aah',
  answer: "L'AAH est une allocation. Faites la demande à la MDPH.",
  source: { label: 'Service-Public.fr — AAH', url: 'https://www.service-public.fr/particuliers/vosdroits/F12242' },
  localContact: 'mdph',
});

describe('answerText', () => {
  it('gives the answer and its official source', () => {
    expect(answerText(aah, resources, null)).toBe(
      "L'AAH est une allocation. Faites la demande à la MDPH.\nSource : Service-Public.fr — AAH (https://www.service-public.fr/particuliers/vosdroits/F12242)",
    );
  });

  it("adds the user's MDPH when the entry asks for it and the département is known", () => {
    expect(answerText(aah, resources, '44').split('\n')).toEqual([
      "L'AAH est une allocation. Faites la demande à la MDPH.",
      'Source : Service-Public.fr — AAH (https://www.service-public.fr/particuliers/vosdroits/F12242)',
      'Votre MDPH : MDPH de la Loire-Atlantique. Téléphone : 02 28 09 40 50. Adresse et horaires : https://www.monparcourshandicap.gouv.fr/annuaire',
    ]);
  });

  it('says no phone number it does not know', () => {
    expect(answerText(aah, resources, '01').split('\n')[2]).toBe("Votre MDPH : MDPH de l'Ain. Adresse et horaires : https://www.monparcourshandicap.gouv.fr/annuaire");
  });

  it('adds no MDPH to an entry that does not ask for it, nor for an unknown département', () => {
    const { localContact: _, ...withoutContact } = aah;
    expect(answerText(withoutContact, resources, '44').split('\n')).toHaveLength(2);
    expect(answerText(aah, resources, '99').split('\n')).toHaveLength(2);
  });
});
