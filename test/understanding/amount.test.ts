import { asksAmount } from '../../src/understanding/amount';

describe('asking an amount of money', () => {
  it.each([
    "c'est combien l'aah par mois",
    'montant exact de l aah en 2026 svp',
    "la pch paie combien de l'heure quand c'est la famille",
    'le salaire en ESAT',
    'taxi adapté fauteuil roulant tarif',
  ])('When someone writes « %s », then it asks an amount', (text) => expect(asksAmount(text)).toBe(true));

  it.each([
    'combien de temps pour avoir une réponse de la MDPH',
    'on doit refaire le dossier tous les combien ?',
    "combien d'heures d'aide humaine la pch peut payer",
    'combien de jours de congé de proche aidant',
    "c'est quoi l'AAH",
  ])('When someone writes « %s », then it asks a delay, a count or no amount', (text) => expect(asksAmount(text)).toBe(false));
});
