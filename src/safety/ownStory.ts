/**
 * What a person tells of their own life, near the line (README « Fourteenth round (ordinary
 * messages) »): their own childhood told as a time gone (« enfant, j'ai subi des violences »), and
 * their own money spent by themselves (« ma sœur dépense tout son argent, une curatelle ? »: a need
 * for a protection measure, not abuse; abuse is someone else taking it). Each is tested beside its
 * dangerous twin (test/safety/ownMatters.test.ts).
 * Works on the prepared text (folded, squeezed: « sœur » → « soeur », « argent » stays).
 */
import { frenchPattern as re } from './normalise';

/**
 * One's own childhood, said first and told in a past tense (« enfant j'ai subi des violences »,
 * « ado j'ai fait une tentative », « petite, on m'a placée », « gamin je me faisais taper »): a time
 * clearly gone (context.ts `PAST_TIME`). Not « mon enfant, j'ai vu des bleus » nor « le petit, j'ai peur
 * pour lui » (a child of today, named with a determiner), nor « enfant je suis battu » (the present).
 */
export const CHILDHOOD_TOLD =
  '(?<!\\b(?:mon|ma|mes|son|sa|ses|notre|nos|votre|leur|leurs|un|une|le|la|l|les|des|du|de|d|cet|cette|ce|tout|toute|plus|petit|petite|tres|mes petits) )\\b(?:enfant|petite?|toute petite?|tout petit|gamine?|gosse|ado|adolescente?|jeune|bebe|fillette) (?:j ai|j avais|j etais|je me suis|je me faisais|je me faisait|on m a|on me|on m|mes parents (?:me|m)|mon (?:pere|beau pere|oncle|frere) (?:me|m)|ma (?:mere|belle mere|tante) (?:me|m))\\b';

/** The money of the one named (« son argent », « sa pension »), spent, withdrawn or gambled by that same person. */
const OWN_SPENDING = re(
  '\\b(?:depense\\w*|dilapide\\w*|flambe\\w*|claque\\w*|gaspil\\w*|vide\\w*|retire\\w*|joue\\w*|perd\\w*|prend\\w*) (?:tout |toute |toutes |tous )?(?:l argent (?:de |d )|le reste (?:de |d ))?(?:son|sa|ses) (?:argent|salaire|aah|ah|paye|paie|pension|retraite|alocations?|economies|compte|rsa|argent de poche|carte bleue|carte bancaire|carte)\\b',
);
/** What the person needs: a protection measure, help with a budget, or the spending is their own habit (games, shopping). */
const OWN_NEED = re(
  '\\b(?:curatele|tutele|mesure (?:de protection|d acompagnement)|sauvegarde de justice|habilitation familiale|mandataire|gerer (?:son|sa|ses|leur) (?:budget|argent|compte|comptes)|apprendre a gerer|budget|a decouvert|jeux?|jeux video|casino|pmu|paris|gratage|loto|achats?|achete\\w*|internet|en ligne|vetements|cigaretes|tabac|alcool|bonbons|adiction|compulsi\\w*|bipolaire|maniaque|crise maniaque)\\b',
);
/**
 * Someone else's money, or someone who takes it (« l'AAH de ma sœur », « le fils de ma voisine »,
 * « me prend », « lui vole », a threat, fear, marks), or money given away with a farewell (« a vidé son
 * compte pour nous le donner… prenez soin de maman »): the reading does not hold.
 */
const SOMEONE_ELSES = re(
  '\\b(?:argent|salaire|aah|ah|pension|retraite|alocations?|economies|compte|carte) (?:de |d )(?:(?:ma|mon|mes|notre|leur|la|le|cette)\\b|(?:sa|son|ses) (?:mere|pere|grand mere|grand pere|mamie|papi|soeur|frere|fils|fille|femme|mari|compagne|compagnon|voisine?|oncle|tante|parents)\\b)|\\b(?:fils|fille|neveu|niece|petit fils|petite fille|gendre|belle fille|frere|soeur|aide a domicile|auxiliaire|aide menagere|curateur|curatrice|tuteur|tutrice|voisin|voisine|compagnon|compagne|mari|femme|copain|copine|ami|amie) (?:de|d) (?:ma|mon|mes|sa|son|ses|notre|la|cette)\\b|\\b(?:me|m|lui|leur|nous) (?:prend|prennent|vole|volent|pique|piquent|retire|soutire|garde|confisque|depense)\\w*\\b|\\b(?:menace\\w*|peur|frap\\w*|tape\\w*|oblige\\w*|force\\w*|vole\\w*|racket\\w*|en cachete|a son insu|pous\\w*|manipul\\w*|profit\\w*|abus\\w*|escro\\w*|arnaqu\\w*|virements?|don\\w*|ofert\\w*|ofre\\w*|legu\\w*|prenez soin|prends soin|adieu|merci pour tout|a leur insu|sans (?:son|leur|lui) (?:acord|demander)|bleus|marques)\\b',
);

/**
 * The person spends their own money and the message asks for a measure or tells their own habit
 * (« mon frère prend l'argent de son AAH pour des jeux vidéo, une curatelle ? »): no abuse to find;
 * `money_taken` does not fire and the model alone may only ask (detect.ts).
 */
export function ownSpending(text: string): boolean {
  return OWN_SPENDING.test(text) && OWN_NEED.test(text) && !SOMEONE_ELSES.test(text);
}
