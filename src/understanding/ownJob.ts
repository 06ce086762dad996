/**
 * Whether a message is about the writer's own job — a worker's contract, pay, post, hours, paid
 * holidays or sick leave — rather than about the person's right an entry answers: « je suis AESH, mon
 * contrat finit en juin », « je suis éducatrice, je cherche un poste en IME », « je travaille en ESAT,
 * j'ai droit à une prime ? », « mes congés payés pas pris pendant mon arrêt maladie ». The FAQ answers
 * none of these (labour law, an employer's rules); they sit next to entries that share their words
 * (the AESH, the IME, the ESAT, the carers' leave). The stacked confidence reads this
 * (src/knowledge/confidence.ts). Two readings:
 * - a worker in the first person (« je suis AESH », « je bosse comme auxiliaire de vie », « je
 *   travaille en ESAT ») who names their work's terms (contract, pay, post, hiring, weekends);
 * - the words of a worker's own leave and contract, whoever writes (« congés payés », « arrêt
 *   maladie », « indemnités journalières », « fiche de paie », « licenciement »).
 * « L'AESH de ma fille a fini son contrat » (the child's right) and « je suis AESH, l'élève que
 * j'accompagne n'a que 6 heures » (the pupil's) are neither: someone else's worker (« l'AVS de mon
 * fils… son contrat », « l'aesh de ma fille est en arrêt maladie ») is the person's right, unless the
 * writer says they are a worker too or names their own contract or leave (« mon contrat »). Pure.
 */
import { foldText } from '../domain/text';

/** A worker of the sector speaking of themselves: « je suis AESH », « je bosse comme auxiliaire de vie », « je travaille en ESAT ». */
const WORKER = new RegExp(
  [
    String.raw`\b(je suis|jsuis|chui|en tant qu)( une?)? (aesh|avs|accompagnant\w*|educat\w*|aide a domicile|aide soignant\w*|aide menager\w*|auxiliaire de vie|moniteur\w*|monitrice\w*|infirmi\w*|animat\w*|assistant\w* (maternel\w*|familial\w*|de vie))\b`,
    String.raw`\b(je|j) (travaille|bosse) (comme|en tant qu)\b`,
    String.raw`\b(je|j) (travaille|bosse) (en|dans|a|au) (un |une |l )?(esat|cat|ime|sessad|itep|foyer|fam|mas|ehpad|savs|samsah|college|ecole|lycee|creche)\b`,
    String.raw`\b(mon moniteur|ma monitrice)\b`,
  ].join('|'),
);
/** …or who starts with their trade: « éducatrice en foyer, mes nuits sont payées ? » (not « AVS de mon fils, … »). */
const TRADE_FIRST = /^(aesh|avs|educat\w*|moniteur\w*|monitrice\w*|auxiliaire de vie|aide soignant\w*|aide a domicile)\b/;

/** Someone else's worker: « l'AVS de mon fils », « AESH de ma fille », « son AESH », « notre auxiliaire de vie ». */
const OTHERS_WORKER = new RegExp(
  [
    String.raw`\b(aesh|avs|accompagnant\w*|educat\w*|auxiliaire de vie|aide a domicile|aide soignant\w*|aide menager\w*|assistant\w* (maternel\w*|familial\w*|de vie)) (de|d|du|des) (mon|ma|mes|notre|nos|son|sa|ses|leur|leurs|votre|vos|la|le|l)\b`,
    String.raw`\b(son|sa|ses|notre|nos|leur|leurs|votre|vos) (aesh|avs|accompagnant\w*|educat\w*|auxiliaire de vie|aide a domicile|aide soignant\w*|aide menager\w*|assistant\w* (maternel\w*|familial\w*|de vie))\b`,
  ].join('|'),
);

/** The writer's own contract, pay or leave, in the first person. */
const MINE = /\b(mon contrat|mon cdi|mon cdd|mon salaire|ma paie|ma paye|mes conges|mon arret|mon employeur|mon patron)\b/;

/** What a worker's own job is made of (said by a worker in the first person). */
const WORK_TERMS = /\b(contrat|contrats|cdi|cdd|salaire|salaires|paie|paye|payee?s?|remuner\w*|prime|primes|poste|postes|candidature|recrut\w*|embauch\w*|titularis\w*|mutation|temps partiel|mi temps|horaires|planning|conges|licenci\w*|mon employeur|mon patron|travaill\w* (le|les) (samedi|dimanche|week ends?))\b/;

/** A worker's own leave, pay and contract, whoever writes. */
const OWN_LEAVE = /\b(conges payes|arrets? maladie|arrets? de travail|indemnites journalieres|jours? de carence|fiches? de paie|bulletins? de (paie|salaire)|grilles? (de salaire|salariale)|licenciement|demission|prud hommes|convention collective|mi temps therapeutique|mon salaire|ma paie|ma paye|mon contrat|mon cdi|mon cdd|mes conges)\b/;

/** Caring for someone: the carers' leave, even when the worker's own leave is named beside it (« pas des congés payés, un congé pour m'occuper de mon fils »). */
const CARE = /\b(m occuper|s occuper|t occuper|nous occuper|accompagner|rester avec|reste avec|reste a l hopital avec|besoin de moi|soigner|un conge|le conge|(mon|ma) (enfant|fils|fille|mere|pere|femme|mari|bebe) (est|a ete) (gravement |tres )?(malade|hospitalise\w*))\b/;

export function speaksOfOwnJob(text: string): boolean {
  const folded = foldText(text);
  if (CARE.test(folded)) return false;
  // Someone else's worker is the person's right, unless the writer is a worker too or names their own terms.
  if (OTHERS_WORKER.test(folded) && !WORKER.test(folded)) return MINE.test(folded);
  return OWN_LEAVE.test(folded) || ((WORKER.test(folded) || TRADE_FIRST.test(folded)) && WORK_TERMS.test(folded));
}
