import { speaksOfOwnJob } from '../../src/understanding/ownJob';

describe("speaking of the writer's own job", () => {
  it.each([
    'je suis AESH, mon contrat finit en juin, est-ce que je serai renouvelée ?',
    'je suis éducatrice spécialisée, je cherche un poste en IME',
    'je travaille en ESAT, si je passe à mi-temps combien je serai payé ?',
    'je bosse comme auxiliaire de vie, mon employeur ne me paie pas les trajets',
    'mes congés payés pas pris pendant mon arrêt maladie, je peux les reporter ?',
    'en arrêt de travail pour dépression, je peux partir chez ma soeur ?',
    'monitrice d atelier en esat, je peux passer en cdi ?',
    // The twins of someone else's worker below: the writer is the worker.
    "AVS en collège : mon contrat finit en juin, je serai reprise à la rentrée ?",
    "je suis l'AVS d'un petit garçon, mon contrat s'arrête en juin",
  ])('When someone writes « %s », then it is about their own job', (text) => expect(speaksOfOwnJob(text)).toBe(true));

  it.each([
    // The pupil's right, said by the AESH or by a parent.
    "je suis AESH et les parents d'un élève me demandent comment avoir une AESH pour son petit frère",
    "je suis aesh, l'élève que j'accompagne n'a que 6 heures par semaine, qui peut changer ça ?",
    "l'aesh de ma fille a fini son contrat en juin et personne n'est venu",
    // Someone else's worker: their contract or leave is the child's or the person's right.
    "l'AVS de mon fils… son contrat se termine en juin, il aura quelqu'un à la rentrée ?",
    'AVS de mon fils : son contrat finit en juin, qui la remplace ?',
    "l'aesh de ma fille est en arrêt maladie depuis deux mois, personne ne la remplace",
    "l'auxiliaire de vie de ma mère est en congés payés, qui vient l'aider ?",
    // The carers' leave, even beside the worker's own leave.
    "je voudrais poser des jours pour m'occuper de mon fils hospitalisé, pas des congés payés",
    "mon médecin veut me mettre en arrêt maladie, mais il me faudrait un congé pour rester avec ma mère",
    'je suis salariée dans la fonction publique, ai-je droit au congé de proche aidant ?',
    // Wanting to work in an ESAT is the entry's question.
    'je voudrais travailler en esat moi aussi, il faut demander quoi à la mdph ?',
  ])('When someone writes « %s », then it is not about their own job', (text) => expect(speaksOfOwnJob(text)).toBe(false));
});
