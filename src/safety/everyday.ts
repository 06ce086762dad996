/**
 * Everyday life near the line (README « Twelfth round »): readings that tell an ordinary message from
 * a danger said in the same words. Each holds in the clause it is read in (context.ts), and a word of
 * the present still wins where the README says so; each is tested beside its dangerous twin
 * (test/safety/everyday.test.ts).
 * Works on the prepared text (folded, squeezed: « régulièrement » → « regulierement »).
 */
import { frenchPattern as re } from './normalise';

/**
 * A symptom that comes back (« j'ai parfois du mal à respirer dans le métro », « elle s'étouffe
 * facilement », « trois fois par jour »): a condition lived with, not an emergency now. Medical
 * findings only, in their clause: « il s'étouffe souvent, mais là il devient bleu » is one.
 */
export const HABIT = re(
  [
    '\\b(?:parfois|souvent|de temps en temps|de temps a autre|regulierement|frequement|facilement|rarement|habituelement|d habitude|la plupart du temps)\\b',
    '\\b(?:chaque (?:jour|nuit|soir|matin|semaine|fois qu|fois que)|tous les (?:jours|soirs|matins|mois|ans)|toutes les (?:nuits|semaines)|a chaque (?:fois|repas|efort|crise|rhume)|au moindre (?:efort|stress|rhume|changement))\\b',
    '\\b(?:\\d+|une|deux|trois|quatre|cinq|six|dix|vingt|plusieurs) fois par (?:jour|nuit|semaine|mois|an)\\b',
  ].join('|'),
);

/**
 * Words of the present that qualify a number or a service, not a danger (« c'est toujours le 3919 ? »,
 * « le 114 marche encore ? », « vous êtes ouverts maintenant ? »): left out before the present is read.
 */
export const ABOUT_THE_NUMBER = re(
  '\\b(?:toujours|encore|maintenant|actuelement)\\b(?= (?:le |la |l |un |une )?(?:\\d|numero|ligne|service|ouvert|valable|gratuit|joignable|disponible|en service))|(?<=\\b(?:\\d+|numero|ligne|service|amitie) (?:\\w+ )?(?:marche|fonctionne|existe|repond|est ouvert|est valable|est gratuit)n?t?) (?:toujours|encore)\\b',
  'g',
);

/**
 * A carer's worry about after their own death (« si je meurs avant mon fils, qui s'occupera de
 * lui ? », « si je meurs, il faut une tutelle ? »): the future of someone they care for, not a wish to
 * die. Only with whom it is for or what must be arranged; « si je meurs ce soir, personne ne le verra »
 * is no such worry.
 */
export const AFTER_US = re(
  '\\bsi (?:je|j) (?:meurs|mourais|decede|decedais|ne suis plus la|n etais plus la|ne serai plus la)\\b(?=(?: \\w+){0,2} (?:avant|le premier|la premiere|en premier)\\b|.*\\b(?:qui (?:s ocupera|va s ocuper|s ocupe|gardera|prendra soin|va le garder|va la garder|gerera|va gerer)|que (?:deviendra|va devenir)|qu est ce qu (?:il|elle|ils|elles) (?:va|vont|deviendra|deviendront)|tutele|curatele|testament|succesion|heritage|mandat de protection|habilitation familiale|notaire|asurance vie|obseques)\\b)',
);

/**
 * Offices and those who work in them (« la MDPH », « le service », « l'assistante sociale »): when
 * they do not answer, it is paperwork, not a person unreachable (see `SERVICE_UNANSWERED`, unreachable.ts).
 */
export const SERVICE =
  '\\b(?:mdph|caf|cpam|msa|service|services|mairie|administration|prefecture|ecole|college|lycee|asistante? sociale?|asistant social|medecin|docteur|cabinet|secretariat|standard|acueil|guichet|bureau|agence|bailleur|banque|conseiler|conseilere|plateforme|mutuele|pole emploi|france travail|tribunal|tuteur|tutrice|curateur|curatrice|mandataire|asociation)\\b';

/** Paperwork and its offices (« le dossier », « la CAF », « un rendez-vous »): a farewell or a plan said about them is ordinary. */
export const PAPERWORK =
  '\\b(?:dossier|dossiers|formulaire|cerfa|justificatifs?|mdph|caf|cpam|impots|banque|notaire|etat des lieux|bail|loyer|inscription|rendez vous|rdv)\\b';
/** Words of farewell (« adieu », « une lettre d'adieu », « dites à ma fille que je l'aime »): alone, a farewell (`goodbye`, rules.ts); said beside « c'est fini », that is an end, not « it is over » (context.ts). */
export const FAREWELL_WORDS = '\\b(?:message|lettre|mot|sms) d adieu|\\badieux?\\b|\\bdites? (?:juste |bien |leur |lui )?a (?:ma|mon|mes) \\w+ que je (?:l|les|la|le) (?:aime|aimais)\\b';
/** Those, and thanks or care said as a farewell (« merci pour tout », « prenez soin de… »): a farewell when a silence or an end is beside them. */
export const FAREWELL = `${FAREWELL_WORDS}|\\bmerci pour tout\\b|\\bprenez soin d|\\bprends soin d|\\bpardon pour tout\\b`;
/** A move, a trip, a stay or a day to prepare (« je déménage », « les vacances », « l'opération »); not a psychiatric hospital (a farewell after a stay there is no trip). */
const MOVE_OR_STAY =
  '\\b(?:demenag\\w*|nouvel apartement|ehpad|vacances|voyage|sejour|valise|hopital(?! psychiatrique)|operation|hospitalisation|rentree|mariage|anniversaire)\\b';
/** « il ne me reste plus qu'une chose à faire », « j'ai tout prévu », « j'ai choisi la date » said of these mean a form or a trip, not an end. */
export const PAPERWORK_OR_MOVE = `${PAPERWORK}|${MOVE_OR_STAY}`;

/**
 * Equipment of care named (« un fauteuil avec une ceinture de maintien », « un harnais », « une sangle de
 * maintien », « son siège auto »): what holds a child or an adult for their care, not a restraint by
 * itself. The model alone, which reads « ceinture » beside « 6 ans » as a child beaten, may then only
 * ask; a rule or an act someone does (« elle l'attache toute la journée ») is still the emergency.
 */
export const CARE_EQUIPMENT = re(
  '\\b(?:ceinture|sangle|sangles|gilet|coussin|tablete|harnais) (?:de (?:maintien|positionement|securite|transfert)|pelvienne|ventrale|abdominale|thoracique|du fauteuil)\\b|\\b(?:un|le|son|sa|ses|une|des) (?:harnais|corset siege|corset|siege auto|coquille)\\b',
);

/**
 * Everyday matters a cry for help can be said about (« au secours, la MDPH m'a encore demandé un
 * certificat », « SOS, comment on remplit la partie B ? », « au secours les devoirs du soir ! »).
 */
const EVERYDAY_MATTER = re(
  '\\b(?:mdph|caf|cpam|msa|dosiers?|papiers|paperase|formulaires?|cerfa|partie [a-f]|devoirs|sigles|administrati\\w*|demarches|impots|factures|rentree|courier|certificats?|notifications?|justificatifs?|compte ameli|site internet|mot de pase|identifiant|aah|pch|aeeh|rqth|cmi|apa)\\b',
);

/** The cry said as a habit (« elle m'appelle au secours dix fois par jour »), not a cry now. */
const CRY_AS_HABIT = re('\\b(?:apele\\w*|crie\\w*|hurle\\w*) (?:\\w+ )?au secours\\b(?=.*\\b(?:fois par|pour (?:des|un|une|rien|un rien)|tout le temps|toute la journee|sans arret)\\b)');

/**
 * One's own child crying or screaming in an everyday circumstance (« mon fils autiste hurle tout le
 * temps quand on sort », « mon petit dernier pleure tous les soirs avant d'aller à l'école »): a
 * parent's question, not a neighbour hearing a child scream. Asked about: « … quand il rentre de chez
 * son père » may be more.
 */
const OWN_CHILD_CRYING = re(
  '\\b(?:mon|ma|notre|nos|mes) (?:fils|fille|filles|enfant|enfants|petit|petite|petits|bebe|ado|gamin|gamine|garcon|petit dernier|petite derniere|aine|ainee|cadet|cadete|loulou)\\b(?: \\w+){0,16} (?:hurle|hurlent|crie|crient|pleure|pleurent)\\b(?: \\w+){0,5} (?:quand|des qu|des que|devant|avant (?:de|d)|apres|pendant|a cause|parce qu|au coucher|le matin|a l ecole|en clase|au moment)\\b',
);

/**
 * Rules whose finding is asked about (the second-stage question, the number given) rather than the
 * emergency when the message says it in everyday words: a cry for help about paperwork or as a habit,
 * one's own child crying in an everyday circumstance.
 */
export function askedOnly(cue: string, text: string): boolean {
  if (cue === 'cry_for_help') return EVERYDAY_MATTER.test(text) || CRY_AS_HABIT.test(text);
  if (cue === 'child_cries') return OWN_CHILD_CRYING.test(text);
  return false;
}

/**
 * A visit for an errand (« mon ex-voisin passe ce soir récupérer sa perceuse », « mon collègue vient
 * demain chercher ses outils »), by someone who is no partner, with no fear, threat or blow told beside it: the model alone, which
 * reads « passe ce soir » and « la porte » as a partner at the door, may then only ask (detect.ts).
 */
const ERRAND_VISIT = re(
  '\\b(?:passe|passera|pase|pasera|vient|viendra|viennent|passent|pasent|doit (?:passer|paser|venir)|va (?:passer|paser|venir)) (?:(?:ce soir|demain|ce matin|cet apres midi|tout a l heure|samedi|dimanche|lundi|mardi|mercredi|jeudi|vendredi|cette semaine|dans la journee|vers \\d+ ?h\\w*) )?(?:chercher|recuperer|rendre|deposer|ramener|livrer|reparer|installer|emprunter|rechercher) (?:sa|son|ses|mes|ma|mon|leur|leurs)\\b',
);
const FEAR_OR_HARM = re(
  '\\b(?:peur|menace\\w*|frap\\w*|tape\\w*|bat|batu\\w*|violent\\w*|violence\\w*|crie\\w*|hurle\\w*|insult\\w*|etrangl\\w*|tuer|plainte|main courante|ordonance|interdiction|la derniere fois|me faire payer|regler son compte|danger|harcel\\w*|force\\w*|coups?|bleus?|enferme\\w*|arme|couteau|ivre|saoul|la nuit|en pleine nuit|n ose\\w*|double des cles|vole\\w*|eloignement|terroris\\w*|jaloux|jalouse)\\b|' +
    // A partner or ex-partner coming (« mon ex passe ce soir chercher ses affaires »): the model's reading stands.
    '\\b(?:ex|ex mari|ex femme|mari|femme|epoux|epouse|conjointe?|compagnon|compagne|copain|copine|concubine?|petit ami|petite amie|mec)\\b',
);
export function errandVisit(text: string): boolean {
  return ERRAND_VISIT.test(text) && !FEAR_OR_HARM.test(text);
}
