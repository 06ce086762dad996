import { createKnowledgeBase, faqTrainingExamples } from '../../src/knowledge/knowledge-base';
import { loadFaq } from '../../src/knowledge/load';
import { namesEverydayThing } from '../../src/understanding/everyday';
import { ROOT } from '../knowledge/helpers';

describe('an everyday thing no entry is about', () => {
  it.each([
    "la caf m'a envoyé un courrier que je comprends pas sur les apl",
    'ma fille a perdu sa carte vitale, comment en avoir une nouvelle ?',
    "c'est comment qu'on demande l'aide au logement",
    'je divorce et je voudrais savoir comment se passe le partage de la maison',
    "ma mère ne se déplace plus, comment lui refaire sa carte d'identité ?",
    'il passe le permis de conduire, il peut avoir du temps en plus au code ?',
    'quelle assurance habitation quand on a fait installer un monte-escalier',
    "on prend l'avion, la compagnie peut nous faire passer en priorité à l'embarquement ?",
    'quel jour passe le ramassage des encombrants',
  ])('When someone writes « %s », then it names one', (text) => expect(namesEverydayThing(text)).toBe(true));

  // Entries' own words: the CMI's half share of tax, the AESH at lunch, transport assistance, adapted
  // holidays, a tenant's adaptations, the bank in a protection measure, the « carte bleue » for parking.
  it.each([
    "la carte CMI mention invalidité donne droit à une demi-part d'impôts ?",
    "L'AESH peut-elle accompagner mon enfant à la cantine ?",
    "comment réserver l'assistance PMR à la gare SNCF",
    "un hôtel accessible fauteuil pour les vacances, comment savoir ?",
    'mon propriétaire doit-il accepter les travaux pour mon fauteuil',
    'mon mari ne peut plus signer les papiers de la banque',
    "la carte bleue pour se garer c'est la mdph ?",
    "j'ai découvert qu'elle avait signé trois contrats",
    "Quelle est la part de l'assurance maladie pour un fauteuil roulant ?",
  ])('When someone writes « %s », then it names none', (text) => expect(namesEverydayThing(text)).toBe(false));

  it("When the shipped entries' titles, questions, keywords, examples and answers are read, then none names an everyday thing", () => {
    const entries = loadFaq(ROOT);
    const named = entries.flatMap((entry) => [...faqTrainingExamples(entry).map((e) => e.text), entry.answer].filter(namesEverydayThing).map((text) => `${entry.id}: ${text}`));
    expect(named).toEqual([]);
  });

  it('When a message about the APL or the carte Vitale is read by the shipped knowledge base, then it is « not sure », and its twin that asks an entry is answered', () => {
    const base = createKnowledgeBase(loadFaq(ROOT));
    expect(base.explain("la caf m'a envoyé un courrier que je comprends pas sur les apl").everyday).toBe(true);
    expect(base.match("la caf m'a envoyé un courrier que je comprends pas sur les apl").kind).toBe('notSure');
    expect(base.match('ma fille a perdu sa carte vitale, comment en avoir une nouvelle ?').kind).toBe('notSure');
    const twin = base.match("ma fille a perdu sa carte mobilité inclusion, comment en avoir une nouvelle ?");
    expect(twin.kind === 'answer' ? twin.entry.id : twin.kind).toBe('cmi');
  });
});
