/**
 * Whether a message asks an amount of money (« c'est combien l'AAH par mois », « le montant de
 * l'AJPA », « le salaire en ESAT »), and whether that amount is a wage or a price. « Combien de
 * temps », « combien de jours », « tous les combien » ask a delay or a count, not money. Pure.
 *
 * The amount of a benefit (AAH, PCH, AEEH, AJPA…) is answered by the benefit's entry, which says where
 * to find it (the official site, the CAF's simulator, the MDPH): `asksAmount`. A wage (one's own, a
 * job's, an ESAT worker's) or a price (a lawyer, a licence, a trip, a private nursery) is no entry's
 * answer, even near one: `asksWageOrPrice`, read by the stacked confidence (src/knowledge/confidence.ts).
 * See test/understanding/README.md « Labelling rules ».
 */
import { foldText } from '../domain/text';

const MONEY_WORDS = /\b(montant|montants|salaire|salaires|tarif|tarifs)\b/;
const HOW_MUCH = /\bcombien\b/;
/** « combien » followed by what is counted when it is not money. */
const NOT_MONEY = /\b(en|tous les) combien\b|\bcombien (de|d) (temps|mois|jours?|semaines?|ans|annees?|fois|trimestres?|enfants?|pourcent|heures?|places?)\b/;
/** « How much » asked outright: « combien » (not of a count or a delay), « le montant », « quel prix », « la grille ». */
const HOW_MUCH_ASKED = /\b(montant|montants|grille|quel prix|quel est le prix)\b/;
/**
 * A wage (folded: no accents): « le salaire en ESAT c'est combien », not « le salaire de mon mari compte
 * pour l'AAH » (no amount asked). Not « payé »: « on est payé combien pendant le congé de proche aidant »
 * asks the AJPA's amount; an ESAT's pay is a wage.
 */
const WAGE = /\b(salaires?|remuneration|gagne|gagnent|smic|indemnites|esat)\b/;
/** A price: « combien ça coûte », « ça coûte combien », « le prix », « tarif » (not « le fauteuil coûte 20 000 euros, la sécu rembourse combien »). */
const PRICE = /\bcombien (ca |cela )?(coute|coutent)\b|\b(coute|coutent|couter) combien\b|\bprix\b|\btarifs?\b/;

export function asksAmount(text: string): boolean {
  const folded = foldText(text);
  if (MONEY_WORDS.test(folded)) return true;
  return HOW_MUCH.test(folded) && !NOT_MONEY.test(folded);
}

/** The amount asked is a wage or a price (« le salaire en ESAT », « combien coûte un avocat »), not a benefit's. */
export function asksWageOrPrice(text: string): boolean {
  const folded = foldText(text);
  const howMuch = HOW_MUCH_ASKED.test(folded) || (HOW_MUCH.test(folded) && !NOT_MONEY.test(folded));
  return howMuch && (PRICE.test(folded) || WAGE.test(folded));
}
