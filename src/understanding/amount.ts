/**
 * Whether a message asks an amount of money (« c'est combien l'AAH par mois », « le montant de
 * l'AJPA », « le salaire en ESAT »). The FAQ's answers give no amount (they change every year), so a
 * message that asks one is often near an entry without being answered by it: the stacked confidence
 * reads this (src/knowledge/confidence.ts). « Combien de temps », « combien de jours », « tous les
 * combien » ask a delay or a count, not money. Pure.
 */
import { foldText } from '../domain/text';

const MONEY_WORDS = /\b(montant|montants|salaire|salaires|tarif|tarifs)\b/;
const HOW_MUCH = /\bcombien\b/;
/** « combien » followed by what is counted when it is not money. */
const NOT_MONEY = /\b(en|tous les) combien\b|\bcombien (de|d) (temps|mois|jours?|semaines?|ans|annees?|fois|trimestres?|enfants?|pourcent|heures?|places?)\b/;

export function asksAmount(text: string): boolean {
  const folded = foldText(text);
  if (MONEY_WORDS.test(folded)) return true;
  return HOW_MUCH.test(folded) && !NOT_MONEY.test(folded);
}
