/**
 * When a message speaks of danger without being in danger now: a past event (« il a fait une
 * tentative il y a deux ans »), a hypothesis (« que faire si ma mère tombe ? »), a question about a
 * number or a subject (« c'est quoi le 3114 ? », « un exposé sur la maltraitance »), an illness someone
 * lives with (« depuis son AVC »). A word of the present (« maintenant », « encore », « ce soir »)
 * always wins: in doubt, danger.
 * Works on the prepared text (folded, squeezed: « l'année dernière » → « l anee derniere »).
 */
import { ABOUT_THE_NUMBER, AFTER_US, FAREWELL_WORDS, HABIT, SERVICE } from './everyday';
import { KNOWN_CAUSE } from './knownCare';
import { frenchPattern as re, type PreparedText } from './normalise';
import { CHILDHOOD_TOLD } from './ownStory';
import { sulkingSilence } from './unreachable';

/**
 * A former person who acts now (« mon ancien patron m'attend en bas », « mon ex-voisin rôde devant chez
 * moi »): what follows « ancien » is today's, not a past (README « Thirteenth round »).
 */
const FORMER_ACTS_NOW =
  '(?:(?:m|me|nous|l|la|le|les) (?:atend|guete|menace|suit|poursuit|traque)\\b|rode\\b|(?:est|sont) (?:en bas|devant|dehors|la|derriere|revenue?s?|entree?s?|chez (?:moi|nous|elle|lui))\\b|tape (?:dans|contre|a)\\b|frape a\\b)';

/** « il y a », « y a », « ya » (a phone turn drops the subject). */
const AGO = '(?:il y a|y a|ya)';

/** A time clearly gone: years, months or weeks ago, childhood, a past year, a former person. */
const PAST_TIME = re(
  [
    // « il y a trois ans », and as people speak it without the subject: « y a trois ans », « ya 2 ans », « y a longtemps »
    // (not « y a du sang partout », « y a le feu »: only a span of time follows).
    `\\b${AGO} (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|quelques|plusieurs) (?:ans|an|annees|annee|mois|semaines)\\b|\\b${AGO} (?:longtemps|bien longtemps|des annees)\\b`,
    '\\bl an (?:dernier|passe)\\b|\\bl annee (?:derniere|passee)\\b|\\bles annees passees\\b|\\bl ete dernier|\\bl hiver dernier|\\ble mois dernier|\\bla semaine derniere|\\ba (?:la|sa) naissance\\b',
    CHILDHOOD_TOLD,
    '\\bautrefois\\b|\\ba l epoque\\b|\\bdans le passe\\b|\\bdans mon enfance\\b|\\bquand (?:j etais|il etait|elle etait|j avais|il avait|elle avait|nous etions|on etait)\\b|\\bpetite?\\b(?= j ai ete| j etais)',
    '\\b(?:en|depuis) (?:19|20)\\d\\d\\b',
    // « la dernière fois qu'il a fait une crise », not « c'est la dernière fois que je vous écris » (a farewell)
    '(?<!\\b(?:c est|ce sera|ce serait|est|pour) )\\bla derniere fois\\b(?! (?:que|qu) (?:je|j) (?!ai\\b|avais\\b|suis\\b|etais\\b))',
    `\\bc etait (?:${AGO}|avant|en|l an|l annee|quand)\\b|\\bc est (?:du passe|fini depuis|termine depuis)`,
    '\\b(?:ca|c) (?:fait|fais) (?:\\d+|deux|trois|quelques|plusieurs) ans\\b',
    '\\ben (?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\\b|(?<!\\bdepuis )\\bavant hier\\b|(?<!\\bsi (?:je|j|tu|il|elle|on) )\\bporte plainte\\b|\\bvecue? (?:enfant|petite?|jeune|ado)\\b|\\bquand (?:on|nous) etions? (?:petits|enfants|jeunes)\\b|\\bquitte (?:son|mon|sa|ma) (?:mari|conjoint|compagnon|compagne|femme)\\b',
    // « mon premier mari »: a former partner; « depuis sa tentative »: the event that started a period now lived.
    '\\b(?:premier|1er) (?:mari|conjoint|compagnon|epoux|copain)\\b|\\bpremiere (?:femme|epouse|compagne|copine)\\b|\\bdepuis (?:sa|son|ma|mon|leur|cette|la|l) (?:tentative|ts|agression|fugue|disparition|hospitalisation|overdose|separation|divorce|placement)\\b',
    // « mon ancien mari », « son ancien foyer »: a former person or place, unless that person acts now (« mon ancien patron m'attend en bas »)
    `\\bancien\\w*\\b(?!(?: \\w+){0,8} ${FORMER_ACTS_NOW})|\\b(?:avait|avaient|avais) (?:ete|fait|eu|tente|essaye)\\b|\\bsuis (?:sevre|sevree|gueri|guerie|sortie? de)\\b`,
    // Harm told in the imperfect (« il me frappait »), in one's childhood (« maltraitée enfant »), over a span gone (« battue pendant 40 ans »)
    '\\b(?:me|m|la|l|le|les|nous|te|lui) (?:frap|bat|tap|menac|insult|humili|viol|gifl|pous|enferm|harcel|maltrait|terroris|rabais|cogn)\\w*(?:ait|aient)\\b',
    // Harm suffered in the imperfect (« j'étais battue par mon premier mari », « elle était frappée »)
    '\\b(?:j|je|il|elle|on|ils|elles|qui) (?:etais|etait|etaient) (?:souvent |tout le temps |regulierement )?(?:frap|bat|tap|menac|insult|humili|viol|gifl|pous|enferm|harcel|maltrait|terroris|rabais|cogn|agres|abus|secou|brutalis)\\w*',
    '\\b(?:maltraitee?s?|batue?s?|violee?s?|frapee?s?|harcelee?s?|abusee?s?|agresee?s?|placee?s?|fugue|fait|vecue?s?) (?:enfant|petite?|jeune|ado|adolescente?)\\b|\\b(?:a ete|ont ete|avons ete|ai ete) \\w+ pendant (?:\\d+|des|de longues|plusieurs|deux|trois|dix|vingt|trente|quarante) (?:ans|annees)\\b',
    '\\b(?:il|elle|mon (?:ex|mari|pere|agreseur)|son (?:ex|mari|pere|agreseur)) (?:est|etait) (?:decede|decedee|mort|morte) depuis\\b|\\b(?:il|elle) est decedee?\\b',
    // The event and its care, told as done (« elle a été réanimée », « il est sorti de l'hôpital », « tout s'est bien passé »), or a span gone (« pendant 30 ans »)
    '\\b(?:a|ont|avait|avaient|ai|avons) ete (?:reanime|hospitalise|opere|intube|soigne|pris en charge|transporte|transfere|releve|recousu|plate|rembourse|mute|licencie|renvoye|condamne)\\w*|\\b(?:a|ont|avait|ai) pase (?:\\d+|quelques|plusieurs|deux|trois|dix|quinze) (?:jours|nuits|semaines|mois) (?:a l hopital|en reanimation|en rea|aux urgences|en clinique|en psychiatrie|a l hp)\\b|\\b(?:est|suis|sont|es|etait|sommes) (?:sorti|sortie|sortis|sorties|rentre|rentree|rentres|revenu|revenue) (?:de|d) (?:l hopital|reanimation|la reanimation|rea|la rea|clinique|la clinique|l hp|psychiatrie|urgences|aux urgences|hospitalisation)\\b|\\btout s est (?:bien )?(?:pase|termine|arange)\\b|\\bplus de peur que de mal\\b|\\brien de (?:case|grave)\\b|\\bpendant (?:\\d+|des|de longues|plusieurs|deux|trois|dix|vingt|trente|quarante) (?:ans|annees)\\b',
  ].join('|'),
);

/**
 * A time of life gone, told against today: an age at the time (« il avait fugué à 15 ans », « une pile
 * à deux ans »: « à N ans » after an act, not « il a deux ans » nor « mon fils a deux ans ») or a
 * school stage (« harcelé en primaire »). Past only when another clause says today (`NOW`): « … à 15
 * ans, aujourd'hui il a 30 ans », « … en primaire, il est au lycée maintenant ».
 */
const THEN = re(
  [
    '(?<!\\b(?:il|elle|on|qui|j|y|ca|cela|fils|fille|filles|enfant|enfants|bebe|petit|petite|petits|frere|soeur|gamin|gamine|ado|neveu|niece|garcon|mari|femme|pere|mere|dernier|derniere|aine|ainee|cadet|cadete|jumeau|jumele|jumeaux|jumeles) )\\ba (?:[1-9]|1\\d|un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|dix sept|dix huit) ans\\b',
    '\\ben (?:primaire|maternele|cp|ce1|ce2|cm1|cm2|sixieme|6e|6eme|cinquieme|5e|5eme)\\b|\\ba la maternele\\b|\\ba l ecole primaire\\b',
    // « il avait fugué plusieurs fois enfant »
    '\\b(?:fois|souvent|deja) (?:enfant|petit|petite|ado|adolescent|adolescente|bebe)\\b',
  ].join('|'),
);
/** Today, said against a time gone (« aujourd'hui il a 30 ans », « il est au lycée maintenant »); see `ongoing`. */
const NOW = re('\\baujourd hui\\b|\\bmaintenant\\b|\\bdesormais\\b|\\ba present\\b|\\bde nos jours\\b');

/**
 * Marks or bruises with a cause that is no one's act (« à cause de son plâtre », « parce qu'elle prend
 * des anticoagulants »): not a sign of harm. « à cause de son père » is not one of these.
 */
export const INNOCENT_CAUSE =
  '\\b(?:a cause (?:de|d|du|des)|suite (?:a|au|aux)|en raison (?:de|d|du|des)|du fait (?:de|d|du|des)) (?:(?:son|sa|ses|un|une|la|le|l|les|mon|ma|mes|leur|leurs) )?(?:platre|atele|corset|fauteuil|orthese|apareil|traitement|medicaments?|anticoagulants?|anti coagulants?|kardegic|aspirine|chimio|chimiotherapie|maladie|chute|match|sport|rugby|foot|judo|operation|vaccins?|prise de sang|prises de sang|perfusions?|piqures?|eczema|allergie|psoriasis|crise|crises|convulsions?|hemophilie)\\b|\\bparce qu (?:il|elle) (?:prend|porte|fait du|fait de la|joue|tombe|se cogne)\\b|\\b(?:hemophile|hemophilie|sous anticoagulants?|sous kardegic)\\b|' + KNOWN_CAUSE;
/** The signs explained by the one who cares (« le médecin dit que c'est l'anxiété », « le kiné dit que c'est normal »), or by a cause that is no one's act. */
const EXPLAINED = re(
  `${INNOCENT_CAUSE}|\\b(?:le|la|son|sa|notre|leur) (?:medecin|docteur|kine|kinesitherapeute|infirmiere?|pediatre|neurologue|cardiologue|pneumologue|psychiatre|generaliste|maitresse|maitre|instituteur|institutrice|creche|nounou|asistante maternele|ecole) (?:dit|a dit|pense|explique|a explique|nous a dit|m a dit) que c est (?:normal|rien|de l anxiete|l anxiete|le stress|du stress|nerveux|psychologique|benin|sans gravite|pas grave|rien de grave|des crises d angoise|une crise d angoise)\\b`,
);

/**
 * A threat said for a slip of one's own (« mon mari va me tuer, j'ai oublié de poster le dossier »):
 * most often a way of speaking, but in a violent couple the same words can be true. Asked about, not
 * the emergency; only those words: a word of the present, a weapon, a blow or another threat beside
 * them still make it one.
 */
const SLIP = re(
  '\\b(?:va|vont|vas) (?:me|nous) (?:tuer|faire la peau)\\b(?=.*\\bj ai (?:oublie|rate|perdu|egare|mal rempli|pas (?:envoye|poste|rempli|signe|paye|fait))\\b(?: \\w+){0,5} (?:dossier|dossiers|papiers?|formulaire|courier|lettre|rendez vous|rdv|date|delai|facture|cerfa|declaration|inscription|carte|cles?|pain|course|courses)\\b)',
);

/** A time just to come (« ce soir », « cette nuit », « demain »): « c'est fini » beside it is no « it is over ». */
export const SOON = '(?:ce soir|cette nuit|demain|aujourd hui|bientot|tout a l heure)';

/** It is over: stronger than a word of the present (« c'est loin maintenant », « il va mieux maintenant »). */
const OVER = re(
  '\\bfacon de parler\\b|\\bmaniere de parler\\b|\\bc est une expression\\b|\\bau sens figure\\b|\\bc est (?:loin|du passe|de l histoire ancienne)\\b(?! pour moi\\b)|' +
  // « c'est fini avec mon ex », not « ce soir c'est fini » nor « c'est fini cette nuit » (a time to come: a farewell)
  `(?<!\\b${SOON} )\\bc est (?:fini|termine)\\b(?! pour moi\\b| ${SOON}\\b)|` +
  '\\b(?:il|elle) va (?:bien|mieux)\\b|\\bva (?:bien|mieux) maintenant\\b|\\b(?:on|nous|ils) (?:l a|les a|l avons|l ont) retrouvee?s?\\b|\\baffaire est jugee\\b|\\bsuis (?:sevre|sevree|gueri|guerie)\\b',
);

/** « dites à ma fille que je l'aime, c'est fini »: an end said with a farewell, not « it is over ». */
const FAREWELL_SAID = re(FAREWELL_WORDS);

/** Now, again, still: the danger is present even if the message also tells its past. */
const PRESENT_TIME = re(
  [
    // « là il est par terre »: « là » said for « now »
    '\\bmaintenant\\b|\\bla (?=(?:il|elle|ils|elles|on|je|j|ca) )|\\ben ce moment\\b|\\bactuellement\\b|\\bce soir\\b|\\bcette nuit\\b|\\baujourd hui\\b|\\bce matin\\b|\\bcet apres midi\\b',
    '\\btout de suite\\b|\\bcette fois(?: ci)?\\b|\\bvient d|\\bviennent d|\\ben train d|\\btout a l heure\\b|\\bde nouveau\\b|\\ba nouveau\\b',
    '\\bencore\\b|\\btoujours\\b|\\brecommence\\w*|\\bcontinue\\w*|\\breparle\\w*|\\brechute\\w*|\\bvite\\b|\\bdepuis (?:ce matin|hier|cette nuit|tout a l heure|\\d+ ?(?:h|heures?|minutes?|min))',
  ].join('|'),
);

/** An illness someone lives with: a condition, its after-effects, its follow-up (medical rules only). */
const MEDICAL_HISTORY = re(
  [
    '\\b(?:depuis|suite a|apres|a cause de) (?:son|sa|mon|ma|leur|un|une|l|ses|mes) (?:avc|infarctus|accident|operation|crise|malaise|attaque|hospitalisation|chute|overdose)',
    // « violent avant son AVC »: the event is behind; « un syndrome de Dravet avec des convulsions longues »: a condition with its attacks
    '\\bavant (?:son|sa|mon|ma|leur|l) (?:avc|infarctus|accident|operation|attaque|hospitalisation|maladie)\\b|\\b(?:syndrome|maladie|epilepsie|forme) (?:\\w+ ){0,3}avec des (?:crises|convulsions|malaises|absences)\\b',
    '\\bsequelle\\w*|\\breeducation\\b|\\bhemiplegi\\w*|\\bparalyse\\w* depuis|\\bpalliatif\\w*',
    '\\b(?:a|ai|as|avait|avons|ont) (?:eu|fait) (?:des|deux|trois|plusieurs) (?:petits? )?(?:avc|infarctus|attaques?|crises? cardiaques?|crises)',
    '\\b(?:a|ai|avait) eu (?:un|une) (?:avc|infarctus|attaque)\\b(?! (?:ce matin|maintenant|cette nuit|tout a l heure|la|hier soir))(?= .*\\b(?:depuis|besoin|aide|dossier|ne (?:peut|marche|parle) plus|plus (?:marcher|parler|cuisiner)))',
    '\\binsuffisance (?:cardiaque|respiratoire)|\\bmaladie (?:cardiaque|respiratoire)',
    '\\bfait (?:des|souvent des|parfois des|regulierement des) (?:crises|malaises|convulsions)',
    // Attacks of anxiety or asthma someone lives with, or what the doctor said it is (« le médecin dit que c'est l'anxiété »).
    '\\b(?:a|ai|as|fait|fais|avons|ont) (?:des|souvent des|parfois des|regulierement des) (?:crises|attaques) (?:d angoise|de panique|d anxiete|d asthme)\\b|\\ble medecin (?:dit|a dit) que c est\\b',
  ].join('|'),
);

/** « si jamais », « au cas où », « comment reconnaître… »: what could happen, not what happens. */
const HYPOTHESIS = re(
  [
    '\\bsi jamais\\b|\\bau cas ou\\b|\\ben cas d|\\bsi un jour\\b|\\bet si\\b|\\bsupposons\\b|\\bimaginons\\b',
    '\\bque (?:faire|dois je faire|faut il faire) (?:si|quand|en cas)\\b|\\bqu est ce qu(?:e|on) (?:je )?(?:fait|fais|doit faire|peut faire) (?:si|quand)\\b',
    '\\bcomment (?:le |la |les |l )?(?:reagir|agir|reconnaitre|prevenir|eviter|reperer|savoir si)\\b|\\brisqu\\w* (?:un|une|de|d)\\b|\\bqui (?:appeler|contacter|joindre|prevenir) (?:si|quand|en cas)\\b',
    // « si ma mère tombe », not « je voulais savoir si ma femme touchera l'AAH » (an indirect question).
    '(?<!\\b(?:savoir|demande|demander|voir|sais pas|sais) )\\b(?:si (?:ma|mon|mes|un|une|quelqu un|la personne|le patient|mon proche|notre|nos)\\b|s il (?!vous plait|te plait|etait mort))',
    '\\b(?:les )?(?:signes|symptomes) d',
    // « si le respirateur s'arrête », not « même si le médecin dit… » (a concession) nor « je voulais savoir si la… »
    '(?<!\\b(?:savoir|demande|demander|voir|sais pas|sais|meme|comme) )\\bsi (?:le|la|les|l|son|sa|ses|leur|leurs)\\b',
    AFTER_US.source,
    // « une tutelle peut empêcher qu'on vole son argent plus tard ? »: what is to be prevented has not happened
    '\\b(?:pour|peut|peuvent|comment|faut il|faire pour|moyen d|moyens d|aide a) (?:\\w+ )?(?:empecher|eviter) (?:que|qu)\\b',
    // « si je découvre des bleus…, à qui je m'adresse ? », « si je fais une overdose, qu'est-ce qui se passe ? »
    '\\bsi (?:je|j|y a|il y a|on)\\b(?=.*\\b(?:a qui (?:je|on|dois|faut|s adreser|m adreser)|qu est ce qui se pase|quelle est la procedure|comment on (?:fait|evacue|doit)))',
  ].join('|'),
);

/**
 * Danger seen in the news or a programme, read, or told as someone's story (« j'ai vu à la télé un
 * reportage sur la maltraitance », « dans le journal », « une amie m'a raconté »): someone else's, far
 * away. Its clause only: « j'ai vu à la télé qu'on peut appeler le 3919, mon mari me frappe » is danger.
 */
const REPORTED = re(
  [
    '\\b(?:a|sur) la (?:tele|television|radio)\\b|\\baux (?:infos|informations|actualites|actus)\\b|\\bau (?:journal|jt|20 heures|13 heures)\\b|\\bdans (?:le|un|les) (?:journal|journaux|magazine|presse|livre|roman|film|reportage|documentaire|article|serie)\\b',
    '\\b(?:un|le|ce|une|cette|des) (?:reportage|reportages|documentaire|documentaires|article|articles|emision|emisions|podcast|fait divers|faits divers)\\b',
    '\\b(?:lu|vu|entendu|regarde)\\b(?: \\w+){0,6} (?:sur (?:internet|facebook|les reseaux|tiktok|youtube|twitter|instagram|un forum|le net)|dans (?:la|les) (?:presse|journaux))\\b',
    // A story on screen or in a book (« on a vu un film où… », « un téléfilm sur un enfant secoué », « un roman sur le suicide »)
    '\\b(?:un|le|ce|une|cette) (?:film|telefilm|feuileton|roman|episode|dessin anime|serie (?:tele|televisee|netflix))\\b|\\bdans (?:la|une|cette) serie\\b',
  ].join('|'),
);
/** A story told by someone else, or heard said (« une amie m'a raconté », « il paraît que »): a word of the present wins (« … ce matin »). */
const TOLD = re(
  [
    '\\bj ai (?:lu|entendu dire|entendu parler)\\b|\\bil parait qu|\\b(?:une amie|un ami|une copine|un copain|une colegue|un colegue|une voisine|un voisin|une conaissance|quelqu un|on) m a (?:raconte|parle d)',
    // Someone's story told on a group or a forum (« sur le groupe des aidants une maman raconte que… »), not one's own child's word
    '\\b(?:une|un|des|d autres|les|plusieurs) (?:maman|mamans|papa|papas|parent|parents|aidante?s?|famile|familes|personnes?|gens|membres?|temoins?|utilisat\\w*)\\b(?: \\w+){0,4} (?:raconte|racontent|racontait|temoigne|temoignent|a raconte|ont raconte)\\b|\\b(?:sur|dans) (?:le|un|les|des|mon|notre) (?:groupe|groupes|forum|forums)\\b',
  ].join('|'),
);

/**
 * How to report or act, asked as a professional (« comment signaler », « quelle démarche pour »,
 * « une formation sur »): the danger named just after it is the subject of the question. Only what
 * follows it within a few words, in its clause: « un résident a des bleus, comment signaler ? » is danger.
 */
const PROCEDURE = re(
  [
    '\\bcomment (?:on )?(?:fait (?:on )?(?:pour )?)?(?:signaler|faire (?:un|une) (?:signalement|information preocupante)|declarer|reperer|detecter|prevenir)\\b',
    '\\b(?:quelle|quelles|la|les) (?:est la |sont les )?(?:demarches?|procedures?|protocoles?) (?:a suivre |pour |de |d |en cas)',
    '\\b(?:demarches?|procedures?|protocoles?|conduite) (?:a suivre |a tenir )?(?:quand|lorsqu|lorsque|si)\\b|\\bconduite a tenir\\b',
    '\\ba qui (?:je dois |dois je |faut il |on doit |je peux |peut on )?(?:signaler|faire remonter|faire (?:un|le) signalement)\\b|\\b(?:faire|fait|rediger) (?:un|une|le|l) (?:signalement|information preocupante)\\b|\\bobligation de signal\\w*',
    '\\b(?:formation|formations|documents?|suports?|outils?|ressources|guide|plaquettes?|fiches?|afiches?|brochures?) (?:sur|pour|contre|de prevention|de reperage|d information sur)\\b|\\b(?:reperer|detecter) (?:les|la|le|des|une|un)\\b',
  ].join('|'),
);
/** How many words after a procedure's words its subject may come. */
const PROCEDURE_REACH = 8;

/**
 * A fear of what may come one day (« j'ai peur qu'un jour il tombe », « peur que plus tard on profite
 * de lui »): what is feared has not happened. Its clause only, and a word of the present wins
 * (« j'ai peur qu'il me tue ce soir »).
 */
const FEAR = re('\\b(?:peur|crainte|craint|crains|hantise|angoise|angoisee?|inquiete?|inquietude|redoute)\\b');
const FUTURE = re(
  // « en grandissant », « qu'il devienne violent », « quand elle vivra seule »: what may come
  '\\ben grandisant\\b|\\b(?:qu|que) (?:il|elle|ils|elles|on) (?:ne )?devien\\w*|\\bquand (?:je|j|il|elle|on|nous|ils|elles) (?:ne )?\\w+(?:rai|ra|rons|ront)\\b|' +
  '\\bun jour\\b|\\bplus tard\\b|\\bl avenir\\b|\\ben vieilisant\\b|\\bavec l age\\b|\\bdans quelques (?:annees|ans)\\b|\\bquand (?:je|nous|on) (?:ne )?(?:serai|serons|sera) plus la\\b|\\bapres (?:nous|moi|notre mort|ma mort|notre depart)\\b|\\bquand (?:il|elle) sera (?:grand|grande|adulte|plus age|plus agee|vieux|vieile)\\b|\\bl an prochain\\b|\\bl annee prochaine\\b',
);

/** A question about an emergency number, or work about a subject (a course, a talk, documents). */
const ABOUT_A_NUMBER = /\b(?:3114|3919|3977|119|114|112|le 15|le 17|31 14|39 19|39 77)\b/;
/** Asking for a number without saying it (« c'est quoi le numéro pour les enfants maltraités ? », « rappelez-moi le numéro anti-maltraitance »). */
const ASKING_A_NUMBER = re(
  '\\b(?:quel est le|quel|c est quoi le|c koi le|c quoi le|rapeler le|rapelez moi le|done(?:z|r)? moi le|doner le|avoir le|conaitre le) (?:num|numero|numeros|tel)\\b(?! (?:de (?:dossier|alocataire|securite sociale|secu|client|fiscal)))|\\ble numero (?:anti|contre|pour les|des|du|vert)\\b',
);
const QUESTION_WORDS = re(
  '\\b(?:c est quoi|quoi|qu est ce|a quoi|pour qui|est ce que|gratuit|horaires?|ouvert|joignable|fonctionne|sert|servir|difference|quel est le numero|quel numero)\\b',
);
const ABOUT_A_SUBJECT = re(
  '^ (?:c est quoi|qu est ce que?|c quoi|definition|que veut dire|ca veut dire quoi)\\b|\\b(?:expose|memoire|these|formatrice|formateur|module|documentation|brochure|conference|sensibilisation|prevention (?:du|de la|des)|affiche|statistiques?|chiffres|est ce (?:autorise|legal|permis|interdit)|c est (?:legal|autorise|permis)|a t on le droit|ont ils le droit)\\b',
);

/** « là je veux recommencer », « il recommence », « le refaire »: what was told as past starts again (not « recommencer à travailler »). */
const AGAIN = re('\\b(?:recommenc\\w*|le refaire|la refaire|remettre ca|rechut\\w*)\\b(?! (?:a|d|de|le|la|les|l|un|une|des|du|au|aux|en|mon|ma|mes|son|sa|ses|leur|leurs|notre|nos)\\b)');
/** One's own present wish or state (« je veux », « je vais », « j'ai envie »): an intent a past told elsewhere does not undo. */
const SELF_NOW = re('\\b(?:je|j) (?:ne )?(?:veux|vais|voudrais|pense a|compte|ai envie|ai besoin|n en peux plus|peux plus|suis pret|suis prete)\\b', 'g');

export interface DangerContext {
  /** A time clearly gone (« il y a deux ans »). */
  past: boolean;
  /** An illness lived with (« depuis son AVC »): medical rules only. */
  medicalHistory: boolean;
  /** A hypothesis or a how-to question. */
  hypothesis: boolean;
  /** A question about an emergency number, or work about a subject. */
  question: boolean;
  /** Now, again, still. */
  present: boolean;
  /** A time of life gone (« à 15 ans », « en primaire »): past when another clause says today (`now`). */
  then: boolean;
  /** Today, said against a time gone (« aujourd'hui », « maintenant »). */
  now: boolean;
  /** A word of the present other than today's (« encore », « recommence », « ce soir »): a time of then is then not a past. */
  ongoing: boolean;
  /** Where a threat said for a slip of one's own starts (« … va me tuer, j'ai oublié le dossier »); -1: none. */
  slipAt: number;
  /** The signs explained: by a doctor (« le médecin dit que c'est l'anxiété ») or a cause that is no one's act (« à cause de son attelle »). */
  explained: boolean;
  /** It is over (« c'est loin », « il va mieux »): stronger than a word of the present. */
  over: boolean;
  /** Seen in the news, on TV, in a programme or an article (« j'ai vu à la télé », « dans le journal »). */
  reported: boolean;
  /** Told as someone's story, or heard said (« une amie m'a raconté », « il paraît que »). */
  told: boolean;
  /** A fear of what may come one day (« j'ai peur qu'un jour il tombe »). */
  feared: boolean;
  /** Where a professional's question about a procedure ends (« comment signaler »): what follows is its subject; -1: none. */
  procedureEnd: number;
  /** A symptom that comes back (« parfois », « trois fois par jour »): a condition, for medical findings (everyday.ts). */
  habitual: boolean;
  /** It starts again (« là je veux recommencer »): a past told in another clause is present again. */
  again: boolean;
  /** A silence and a quarrel that explains it (« elle ne répond plus, elle boude »): not for the model alone to call an emergency. */
  sulking: boolean;
}

export function contextOf(text: string, asked = false): DangerContext {
  // « c'est toujours le 3919 ? »: a word of the present that qualifies the number is no present of danger.
  const timed = text.replace(ABOUT_THE_NUMBER, ' ');
  return {
    past: PAST_TIME.test(text),
    medicalHistory: MEDICAL_HISTORY.test(text),
    hypothesis: HYPOTHESIS.test(text),
    question: (ABOUT_A_NUMBER.test(text) && (asked || QUESTION_WORDS.test(text))) || ASKING_A_NUMBER.test(text) || ABOUT_A_SUBJECT.test(text),
    present: PRESENT_TIME.test(timed),
    then: THEN.test(text),
    now: NOW.test(text),
    ongoing: PRESENT_TIME.test(timed.replace(new RegExp(NOW.source, 'g'), ' ')),
    explained: EXPLAINED.test(text),
    slipAt: SLIP.exec(text)?.index ?? -1,
    over: OVER.test(text) && !FAREWELL_SAID.test(text),
    reported: REPORTED.test(text),
    told: TOLD.test(text),
    feared: FEAR.test(text) && FUTURE.test(text),
    procedureEnd: procedureEnd(text),
    habitual: HABIT.test(text),
    again: AGAIN.test(text),
    sulking: sulkingSilence(text),
  };
}

/**
 * Is the finding at `offset` of a clause one's own present wish (« je veux mourir »: the rule matched on
 * « veux mourir »)? A past told elsewhere, or in the same clause when a phone turn has no punctuation
 * (« … l'an dernier je veux mourir »), does not undo it; « depuis sa tentative je veux l'aider » is no such wish.
 */
export function ownWishAt(clause: string, offset: number): boolean {
  return [...clause.matchAll(SELF_NOW)].some((match) => (match.index ?? 0) <= offset && offset <= (match.index ?? 0) + match[0].length + 1);
}

function procedureEnd(text: string): number {
  const match = PROCEDURE.exec(text);
  return match === null ? -1 : match.index + match[0].length;
}

/** Is the danger matched at `offset` of a clause the subject of a procedure question before it (within a few words)? */
export function subjectOfProcedure(clause: string, context: DangerContext, offset: number): boolean {
  if (context.procedureEnd < 0 || offset < context.procedureEnd - 1) return false;
  return clause.slice(context.procedureEnd, offset).trim().split(/\s+/).filter(Boolean).length <= PROCEDURE_REACH;
}

/** Does the piece of text (between two punctuation marks) holding `offset` say today (« maintenant », « aujourd'hui »)? */
export function todayWordIn(prepared: PreparedText, offset: number): boolean {
  const piece = prepared.pieces.find((span) => offset >= span.start && offset < span.end);
  return piece !== undefined && NOW.test(prepared.text.slice(piece.start, piece.end));
}

/** Is the message as a whole told from afar (news, a story, a fear of one day, a procedure)? The model must then be surer. */
export function toldFromAfar(context: DangerContext): boolean {
  return context.reported || context.told || context.feared || context.procedureEnd >= 0;
}
