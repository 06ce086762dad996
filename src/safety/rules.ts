/**
 * The phrase rules of the danger detector, one job: what words and patterns speak of each kind of
 * danger (word lists, patterns, the context gate each rule needs). Those of harm done by another
 * person (a child, a partner, a vulnerable adult: 119, 3919, 3977) are in harmRules.ts. How they are
 * applied, with the context and the model, is ruleFindings.ts and detect.ts.
 */
import type { DangerKind } from '../domain/vocabulary';
import { SOON } from './context';
import { FAREWELL, FAREWELL_WORDS, PAPERWORK, PAPERWORK_OR_MOVE } from './everyday';
import { frenchPattern, type PreparedText } from './normalise';
import { NO_ANSWER, SERVICE_UNANSWERED, SINCE, SULKING, UNREACHABLE } from './unreachable';

/** What a rule needs the context to be silent about before it may fire. */
export type Gate =
  /** Fires whatever the context (a cry for help). */
  | 'never'
  /** One's own intent (« j'ai tout prévu »): left out when its own clause is past, a question or a hypothesis. */
  | 'intent'
  /** Left out when past, hypothetical or a question, unless a word of the present says it goes on. */
  | 'event'
  /** Also left out for an illness someone lives with (« depuis son AVC »). */
  | 'medical';

export interface Rule {
  kind: DangerKind;
  cue: string;
  /** Every pattern must match; the last one places the rule in its clause. */
  all: RegExp[];
  /** None of these may match. */
  none: RegExp[];
  gate: Gate;
  /** A doubt, not an emergency: what it finds gets the second-stage question with the kind's number. */
  ask: boolean;
}

export const rule = (kind: DangerKind, cue: string, all: string[], options: { none?: string[]; gate?: Gate; ask?: boolean } = {}): Rule => ({
  kind,
  cue,
  all: all.map((source) => frenchPattern(source)),
  none: (options.none ?? []).map((source) => frenchPattern(source)),
  gate: options.gate ?? 'event',
  ask: options.ask ?? false,
});

const PERSON = '(?:il|elle|on|mon pere|ma mere|papa|maman|mon mari|ma femme|mon fils|ma fille|mon frere|ma soeur|mon enfant|le bebe|mon bebe|mon grand pere|ma grand mere|mamie|papi|papy|la personne|le patient|la patiente|le resident|la residente|mon voisin|ma voisine|mon oncle|ma tante|mon compagnon|ma compagne|mon conjoint|ma conjointe)';
/** « au secours », « SOS », « à l'aide ! » alone: a bare cry, answered with 15 and 112. */
const CRY_FOR_HELP =
  '\\bau secours?\\b(?! populaire| catholique| je (?:comprends|comprend|capte|m y retrouve) (?:rien|pas|plus))|\\bsos\\b(?! (?:amitie|medecin|racisme|homophobie|papa|villages?|dossier|dossiers|formulaire|cerfa|papiers?|paperasse|demarches?|caf|mdph|pch|aah|rqth|administratif|administration))|^ (?:(?:a l aide|aidez moi|aide moi|aidez nous|aide|vite|svp|help|s il vous plait|urgent|urgence|c est urgent|c est une urgence|je vous en prie|venez|venez vite|pitie) ?)+$';
export { FAREWELL, FAREWELL_WORDS };
export const MEANS = '(?:cachet|cachets|medicament|medicaments|medocs?|pilule|pilules|comprime|comprimes|somnifere|somniferes|corde|lame|lames|rasoir|fusil|arme|boite|boites|plaquette|plaquettes)';
/** « disparaître des réseaux sociaux », « du fichier »: leaving a list, not life. */
const FROM_A_LIST = '(?! (?:des|du|de la|de l) (?:reseaux|fichiers?|listes?|radars|registres?|annuaires?|site|sites|internet|facebook|circulation|paysage administratif|ecrans)\\b)';
/** Veins or wrists opened, by oneself or another (« je me suis ouvert les veines », « elle s'est tailladé les poignets »). */
const VEINS_OPENED =
  '\\b(?:s|se|m|me|t|te) (?:est|suis|es) (?:ouvert|ouverte|tranche|tranchee|coupe|coupee|taillade|tailladee) (?:les|ses|mes|tes) (?:veines|poignets)\\b';
/**
 * The one who writes cannot call by voice (« je suis sourde », « j'entends pas », « plus de voix depuis ma
 * trachéo », « je peux pas parler », « je parle en LSF »): not another's deafness (« ma fille sourde »),
 * nor a voice lost shouting (« à force de crier »).
 */
const CANNOT_CALL =
  '\\b(?:je suis|suis|moi) (?:\\w+ )?(?:sourde?|malentendante?|muette?|aphasique)\\b|\\b(?:je |j )?n entends (?:pas|rien|plus)\\b|\\bje (?:ne )?(?:peux|pouvons) (?:pas|plus) (?:parler|telephoner|appeler|faire de bruit)\\b|\\b(?:je|on) (?:parle|signe)\\w* (?:en |la )?(?:lsf|langue des signes)\\b' +
  '|(?:^ |\\b(?:j ai|n ai|j|je) )(?:plus|pas) de voix\\b(?! (?:a force|d avoir|apres avoir|tellement))|\\b(?:j ai|je) (?:perdu|n ai plus) (?:la|ma) voix\\b(?! (?:a force|d avoir|apres avoir|tellement))';
/** Someone is there and must not hear (« il est là », « il est dans la pièce à côté », « il m'entend », « il nous cherche »). */
const SOMEONE_THERE =
  '\\b(?:il|elle|ils|elles) (?:est|sont) (?:juste )?(?:la|a cote|dans la piece|dans la chambre|dans le salon|dans la cuisine|derriere la porte|dans l apartement|rentree?s?)\\b|\\b(?:il|elle|ils|elles) (?:peut|peuvent|pourait|va|vont) (?:m|nous) entendre\\b|\\b(?:il|elle|ils|elles) (?:m|nous) (?:entend|entendent|ecoute|ecoutent|cherche|cherchent|surveile|surveilent)\\b';
const DEAF = '\\bn entends (?:pas|rien|plus)\\b|\\b(?:sourd|sourde|sourds|malentendante?s?|muet|muette|lsf|langue des signes)\\b|\\b(?:je )?(?:ne )?(?:peux|peut|pouvons) (?:pas|plus) (?:parler|telephoner|appeler|faire de bruit)\\b|\\bpar (?:sms|ecrit)\\b' +
  // One who cannot speak (« je n'ai plus de voix depuis ma trachéo », « plus de voix… » said first, « je suis aphasique »); not a voice lost shouting
  // (« j'ai plus de voix à force de crier »), nor votes (« le candidat a plus de voix »).
  '|(?:^ |\\b(?:j ai|n ai|j|je) )(?:plus|pas) de voix\\b(?! (?:a force|d avoir|apres avoir|tellement))|\\b(?:j ai|je) (?:perdu|n ai plus) (?:la|ma) voix\\b(?! (?:a force|d avoir|apres avoir|tellement))|\\b(?:je suis|suis|moi) aphasique\\b';

/** The rules of a medical emergency, an immediate danger and suicide (harm done by another person: harmRules.ts). */
export const DANGER_RULES: readonly Rule[] = [
  // Medical emergency: 15 (SAMU) or 112.
  rule('urgence_medicale', 'breathing', [
    '\\b(?:ne )?respire (?:plus|plu|pas|mal|tres mal|presque plus|difficilement|bizarement)\\b|\\bn arrive (?:plus|pas) a respirer|\\bdu mal a respirer|\\betouf\\w*|\\bs est etrangle|\\bavale de travers|\\blevres? (?:toutes? )?bleues?|\\b(?:est|devient|tout) (?:tout )?bleu(?:e)?\\b(?! marine)|\\bsufoqu\\w*|\\b(?:a|ai) plus d air\\b|\\bmanque d air\\b',
  ], { none: ['\\bapnee?s? du sommeil\\b'] }),
  rule('urgence_medicale', 'breathing_device', [
    '\\b(?:respirateur|ventilateur (?:de|d) (?:mon|ma|son|sa|notre)|ventilation|oxygene|concentrateur|canule|tracheo\\w*|aspirateur (?:a|de) mucosites)\\b',
    '\\b(?:en panne|ne (?:marche|fonctionne) (?:plus|pas)|s est arete|s arete|sone\\w*|bouche\\w*|est sorti\\w*|arache\\w*|debranche\\w*|sature\\w* (?:baise|chute|tombe))\\b',
  ]),
  rule('urgence_medicale', 'heart_or_stroke', [
    '\\b(?:crise|arret) cardia\\w*|\\bfait un arret\\b|\\binfarctus|\\bavc\\b|\\battaque cerebrale|\\bdouleurs? (?:\\w+ )?(?:a|dans|sur) la poitrine|\\bmal (?:a|dans) la poitrine|\\b(?:forte |grosse |terible )?douleur (?:forte |enorme )?(?:au|dans le|a la) (?:coeur|thorax|poitrine)|\\bserre (?:dans )?la poitrine|\\bbouche (?:de travers|tordue|qui tombe)|\\bvisage (?:qui tombe|tordu)|\\bparle (?:bizar\\w*|de travers|bizarement)|\\bbafouil\\w*|\\bvisage (?:de travers|paralyse)|\\bne sent plus (?:son|sa|ses) (?:bras|jambe|jambes)|\\bn arrive plus a parler (?:d un coup|tout d un coup|soudain)',
  ], { gate: 'medical' }),
  rule('urgence_medicale', 'faint', [
    '\\bmalaise\\b|\\bevanoui\\w*|\\bperdu connaissance|\\binconscient\\w*|\\bne (?:se )?reveille (?:plus|pas)|\\b(?:n arive|ne peux|ne peut|ne reusis|impossible de|ne parviens) (?:pas |plus )?(?:a |de )?(?:le|la|l|les) reveiler\\b|\\bne bouge plus(?! de (?:sa|son|la|chez|ses))|\\bne reagit (?:plus|pas)|\\bsans connaissance|\\bne reprend (?:pas|plus) (?:connaissance|conscience)|\\best tout(?:e)? (?:froid|froide|mou|molle)\\b',
  ], { gate: 'medical', none: ['\\bfait (?:des|souvent des) malaises'] }),
  // A fall told by one who cannot call the 15 by voice (« plus de voix depuis ma trachéo, mon père est tombé »): the 15 (and the 114 by SMS).
  rule('urgence_medicale', 'fell_cannot_call', [
    CANNOT_CALL,
    '\\b(?:est|suis|sont|es) (?:\\w+ )?tombee?s?\\b(?! (?:amoureu\\w*|malade|enceinte|en panne|d acord|sur (?:le|la|un|une|son|sa|leur) (?:repondeur|messagerie|boite vocale)))|\\b(?:a|ai) (?:fait une chute|chute)\\b',
  ], { none: [SERVICE_UNANSWERED] }),
  rule('urgence_medicale', 'fell_no_answer', [
    // « je tombe sur le répondeur » is no fall
    `\\b(?:tomb\\w*(?! (?:\\w+ )?sur (?:le|la|un|une|son|sa|leur) (?:repondeur|messagerie|boite vocale))|chute|par terre|au sol|allonge|allongee)\\b`,
    `${NO_ANSWER}|\\b(?:ne |n )?(?:reagit|bouge|parle|se releve)n?t? (?:plus|pas)\\b|\\bne (?:reagit|bouge|parle|se releve|peut plus se relever|arrive (?:pas|plus) a se relever)|\\bn arrive (?:pas|plus) a (?:se|la|le) relever|\\bpeut (?:pas|plus) se relever|\\bsaigne|\\bsang\\b|\\bs est cogne|\\bla tete\\b|\\bdepuis (?:des heures|hier|ce matin|cette nuit)`,
  ], { none: [SERVICE_UNANSWERED] }),
  rule('urgence_medicale', 'no_answer', [
    `\\b${PERSON} ne (?:me )?(?:repond|reagit) (?:plus|pas|plus du tout)\\b(?! (?:a mes|aux|a nos|a son|a sa) (?:mails|messages|courriers|demandes|lettres|prenom|nom))(?! (?:au|a son|a mon|a ses|a mes|aux) (?:telephone|portable|tel|apels|sms|textos)\\b)`,
  ], { none: [SERVICE_UNANSWERED, SULKING] }),
  // Someone who cannot be reached since a while, or who lives alone (« ma mère ne répond plus au téléphone
  // depuis ce matin, elle vit seule »): a doubt worth the question with the 15, not silence, not the emergency.
  rule('urgence_medicale', 'unreachable', [UNREACHABLE, `${SINCE}|\\b(?:vit|habite|est) (?:toute? )?seule?\\b|\\bseule? chez (?:elle|lui)\\b`], {
    none: [SERVICE_UNANSWERED, PAPERWORK, SULKING],
    ask: true,
  }),
  rule('urgence_medicale', 'seizure_or_bleeding', [
    '\\bconvulse\\w*|\\bconvulsion\\w*|\\bcrise d epilepsie\\b|\\bsaigne\\w* (?:beaucoup|enormement|abondamment|fort|de partout|sans s arreter)|\\bhemoragie|\\bbeaucoup de sang\\b|\\boverdose|\\bintoxi\\w*|\\bempoisone\\w*|\\bhypoglycemie\\b|\\bbrule\\w* (?:grave|gravement|partout)',
  ], { gate: 'medical', none: ['\\bfait (?:des|souvent des|parfois des) (?:crises|convulsions)', '\\bcrises d epilepsie\\b'] }),
  // Veins opened (« elle s'est ouvert les veines »): bleeding now, the 15 with the 3114.
  rule('urgence_medicale', 'veins_opened', [VEINS_OPENED]),
  rule('urgence_medicale', 'swallowed', [
    '\\b(?:aval\\w*|pris|prise|bu|mang\\w*|croque) _(?:doliprane|paracetamol|xanax|lexomil|antidepreseurs?|insuline|neuroleptiques?|anxiolytiques?|cachet|cachets|medicament|medicaments|medocs?|comprime|comprimes|pilule|pilules|boite|boites|plaquette|plaquettes|javel|produit menager|produit|pile|piles|aimant|aimants|piece|quelque chose|un truc|n importe quoi|detergent|somnifere|somniferes)',
  ]),
  rule('urgence_medicale', 'medical_emergency_word', ['\\burgence (?:medicale|vitale)\\b|\\benvoyez (?:quelqu un|les secours|une ambulance|les pompiers|le samu)|\\bil faut (?:venir|envoyer quelqu un) (?:vite|tout de suite)?|\\bappelez? (?:le )?samu\\b|\\bsamu\\b|\\bpompiers\\b|\\bambulance\\b'], {
    none: ['\\b(?:numero|c est quoi|horaires?)\\b'],
  }),

  rule('urgence_medicale', 'collapsed', [
    '\\bs est (?:efondre|efondree|ecroule|ecroulee|evanoui|evanouie)\\b|\\befondre\\w*|\\becroule\\w*|\\binanime\\w*|\\binerte\\b|(?<!personne )\\b(?:ne )?bouge plus\\b(?! de (?:sa|son|la|chez|ses))|\\b(?:est|devient) (?:tout|toute|tres) (?:blanc|blanche|pale|gris|grise|bleu|bleue|froid|froide|mou|mole)\\b(?! de (?:fatigue|froid|peur|rage|colere))|\\bsens plus (?:mes|ses|son|sa) (?:jambes|bras|corps|visage)|\\bne sent plus (?:ses|mes|son|sa) (?:jambes|bras|corps)',
  ], { gate: 'medical' }),
  rule('urgence_medicale', 'sudden_symptoms', [
    '\\bmal de tete (?:enorme|violent|terible|horible|insuportable|atroce)|\\bd un coup\\b _(?:mal|douleur|sueurs|paralyse|plus parler|tete)|\\bsueurs\\b|\\btranspire (?:beaucoup|enormement|a grosses gouttes)|\\blevres? (?:violettes?|bleues?|grises?)|\\breaction allergique\\b|\\bchoc anaphylactique|\\b(?:visage|gorge|langue|levres?) (?:qui )?gonfle\\w*|\\bgorge (?:qui se )?sere\\w*|\\b(?:vomi|vomis|vomit|crache|craches|crache)\\w* du sang|\\bdu sang (?:partout|dans (?:ses|les) (?:selles|urines|vomi))|\\bcrise qui (?:ne )?s arete (?:pas|plus)|\\b(?:pris|prise|consome) (?:de la |trop de |beaucoup de )?drogue|\\bcoeur (?:qui )?bat (?:tres |trop )?(?:vite|fort)|\\bdelire\\w*|\\bcrise depuis \\d+|\\bfait une crise (?:depuis|de plus de)',
  ]),

  // One who cannot speak because someone is there (« je peux pas parler il est là »): the 114 by SMS.
  // Not one who cannot talk at work (« je peux pas parler, il est là mon patron, je vous écris pour le dossier »).
  rule('sourd', 'silenced', [CANNOT_CALL, SOMEONE_THERE], {
    none: [PAPERWORK, '\\b(?:mon|ma) (?:patron|patronne|chef|cheffe|colegue|client|cliente|manager|responsable|prof|professeur)\\b|\\b(?:au travail|au boulot|au bureau|en reunion|en cours|en rendez vous)\\b'],
  }),

  // Immediate danger: 112 (or 17, police).
  rule('urgence_medicale', 'cry_for_help', [CRY_FOR_HELP], { gate: 'never' }),
  rule('danger_immediat', 'cry_for_help', [CRY_FOR_HELP], { gate: 'never' }),
  rule('danger_immediat', 'threat_to_kill', [
    '(?<!\\bje )(?<!\\bj )\\b(?:va|vas|veut|veulent|vont|menace de|menace|menacent de|essaie de|essaye de|a essaye de|dit qu il va|dit qu elle va|peut) (?:me|m|nous|te|le|la|les|l) (?:tuer|egorger|etrangler|buter|crever|massacrer|finir|defoncer)\\b|\\b(?:me|m|nous|te|le|la|les|l) (?:tuera|tueront|tuerai|tuerait)\\b|\\bpeur qu (?:un jour |un de ces jours )?(?:il|elle|ils|on) (?:ne )?(?:me|m|nous|la|le|les|l) (?:tue|tuent|egorge|etrangle|acheve)\\b|\\bmenace\\w* de (?:tuer|egorger|buter|poignarder)\\b|\\bmenace (?:sa|son|ses|ma|mon|mes) \\w+(?: avec)?\\b(?=.*\\b(?:couteau|arme|lame|fusil|hache|barre)\\b)|(?<!\\bje )(?<!\\bj )\\b(?:va|vas|veut|veulent|vont|menace de|menacent de|dit qu il va|dit qu elle va) (?:me|m|nous|te|lui|leur|vous) (?:faire la peau|regler son compte|regler mon compte|casser la gueule|refaire le portrait)\\b|\\b(?:me|nous|te|lui|leur) (?:fera|feront) la peau\\b',
  ]),
  rule('danger_immediat', 'weapon', ['\\b(?:couteau|couteaux|arme|armes|fusil|pistolet|revolver|hache|machette|flingue|carabine|cuter|barre de fer|bate de baseball)\\b'], {
    none: ['\\b(?:cuisine|couper (?:la|le|les|sa|son|ses) (?:viande|legumes|pain|aliments)|films?|jeux? video|jouets?|colection|chase|musee|pistolet a eau|port d arme)\\b'],
  }),
  rule('danger_immediat', 'in_danger', [
    '\\bcoups? de feu\\b|\\bfusillade\\b|\\btiren?t? sur (?:moi|nous|les gens|quelqu un)|(?<!\\b(?:pas|plus|jamais|hors) |\\b(?:se|me|te) met )\\ben danger\\b(?! (?:de (?:perdre|ne pas|devoir|redoubl\\w*|expulsion|faillite)|financier|professionel|scolaire|administrati\\w*))|\\bfeu a pris|\\bpris feu|\\bprend feu|\\ben feu\\b|\\bflames\\b|\\bsent le gaz|\\bdanger de mort|\\bincendie|\\by a le feu|\\bau feu\\b|\\bil y a le feu|\\bca brule\\b|\\b(?:maison|apartement|immeuble|cuisine|chambre|voiture|garage) brule\\b|\\bmetre le feu\\b|\\b(?:faire )?(?:tout )?(?:exploser|sauter l imeuble)|\\bbombe\\b|(?<!detecteurs? de )\\bfumee\\b|\\bodeur de gaz|\\bfuite de gaz|\\bse noie|\\bnoyade',
  ]),
  rule('danger_immediat', 'intruder', [
    '\\b(?:agresse|agressee|agresser|agression|agressions|agresseur)\\b|\\b(?:esa[iy]\\w*|veu\\w*|tent\\w*|a esaye|ont esaye) (?:d |de )?(?:entrer|rentrer) (?:de force )?(?:chez|dans|par (?:la|une|le) (?:fenetre|porte|balcon))|\\bforce la porte|\\bdefonce (?:la|ma) porte|\\bquelqu un (?:est )?(?:chez moi|dans (?:la|ma) maison|dans l apartement|dans le jardin)|\\bintrus\\b|\\bcagoule\\w*|\\b(?:un homme|un inconu|un individu|quelqu un|un type|un mec|des hommes|des gens) (?:est |sont )?(?:dans|chez) (?:mon|ma|le|la|notre|l) (?:jardin|maison|apartement|cour|garage|chambre|escalier|hall|cave|entree)|\\bcambrio\\w*|\\bme (?:suit|poursuit)\\b|\\bil (?:est|attend) (?:derriere|devant) (?:la|ma) porte|\\bcasent tout\\b|\\bmenacent (?:les gens|tout le monde|les voisins|les residents|les enfants)\\b',
  ]),
  rule('urgence_medicale', 'swallowed_hint', ['\\bmanque (?:une|deux|des|toute la) (?:plaquette|plaquettes|boite|comprimes|cachets|pilules)|\\btoute la boite\\b']),
  rule('danger_immediat', 'about_to_jump', ['\\bmenacen?t? de sauter\\b|\\b(?:est|sont) (?:sur|au bord) (?:le|son|sa|du|de son) (?:toit|rebord|parapet|balcon) (?:et|pour|prete?)']),
  rule('danger_immediat', 'left_home', [
    '\\ba quite (?:la maison|le domicile|l etablisement|le foyer|l ehpad|l hopital)\\b|\\best partie? (?:de la maison|de chez (?:elle|lui)|en pyjama|sans rien dire)',
    `${NO_ANSWER}|\\bintrouvable|\\bdemence|\\balzheimer|\\bpas rentree?\\b|\\bla nuit\\b|\\bdepuis (?:ce matin|des heures|hier)`,
  ]),
  rule('danger_immediat', 'door_forced', [
    '\\b(?:esa[iy]\\w*|tent\\w*|veu\\w*) (?:d |de )?(?:ouvrir|forcer|arracher|defoncer|casser|enfoncer) (?:la|sa|ma|notre|leur) (?:porte|fenetre)|\\b(?:arracher|defonce\\w*|enfonce\\w*|force) (?:la|sa|ma|notre) porte|\\btape\\w* (?:dans|contre) (?:la|sa|ma) porte|\\b(?:casse|brise|force|defonce)n?t? (?:ma|la|notre|sa) (?:porte|fenetre|vitre|baie)|\\b(?:est|sont) (?:entre|entree|entres|rentre|rentree|rentres) chez (?:moi|nous)|\\bveut (?:rentrer|entrer)\\b',
  ]),
  rule('danger_immediat', 'missing_person', [
    `\\b${PERSON} (?:a disparu|a fugue|est introuvable|est parti\\w* (?:seul|de la maison|sans prevenir|en pleine nuit))|\\bs est (?:sauve|sauvee|enfui|enfuie|echape|echapee|perdu|perdue)\\b|\\b(?:on|je|nous) (?:ne )?(?:le|la|les) (?:retrouve|trouve) (?:plus|pas|nule part)\\b|\\bfugue\\b|(?<!\\b(?:chat|chien|chiene|chaton|animal|lapin|oiseau|portefeuile|dosier|courier|papiers|carte|colis|telephone|cles|sac|velo|voiture|fauteuil|apareil|dossier) (?:a |est |s est )?)\\bdisparu\\w*|\\bau bord de (?:la|l) (?:nationale|route|autoroute|voie)|\\best partie? seule?\\b|\\b(?:on|je|nous) (?:le|la|les) cherche\\w*`,
  ], { none: ['\\b(?:chien|chienne|chiot|chat|chaton|lapin|perroquet|oiseau|cheval|tortue)\\b', '\\b(?:parfois|souvent|regulierement|de temps en temps|a tendance a|risque de)\\b'] }),

  // Suicide: 3114.
  rule('suicide', 'suicide_word', ['\\bsuicid\\w*|\\btentative\\b'], { none: ['\\btentative (?:de|d) (?:conciliation|placement|inscription|retour)\\b'] }),
  rule('suicide', 'wish_to_die', [
    '\\b(?:veux|veut|veu|ve|voudrais|voudrait|vais|va|vai|envie de|pense a|pense que je vais|prefere|prefererais|aimerais|aimerait|besoin de|souhaite|j ai hate de|rever de|reve de|dois) (?:_)?(?:mourir|crever|disparaitre|en finir|la mort|partir pour (?:toujours|de bon)|ne plus (?:me )?reveiller|dormir pour toujours|ne plus etre la|plus etre la|ne plus exister|plus exister|rejoindre (?:mon|ma|mes) \\w+ (?:au ciel|la haut))\\b' + FROM_A_LIST + '',
  ], { none: ['\\ben finir avec (?!la vie|ma vie|sa vie|tout|moi|ca|cette vie)'], gate: 'intent' }),
  rule('suicide', 'no_will_to_live', [
    '\\b(?:plus|pas|marre de|fatigue de|fatiguee de|aucune raison de|plus de raison de|a quoi bon|peux plus de) (?:envie )?(?:de |d )?(?:vivre|exister)\\b|\\bla vie n a plus (?:de sens|d interet)|\\b(?:pas|plus|aucun) (?:l )?(?:interet|sens|envie) (?:de|a) (?:continuer (?:a|de) )?vivre|\\bidees? noires?|\\bmarre de la vie\\b|\\bplus de gout a (?:rien|la vie)|\\bne sers? (?:a|plus a) rien\\b|\\b(?:un|une) (?:poids|fardeau|charge) pour\\b|\\bmieux sans moi\\b|\\bpersonne ne (?:me regretera|verra (?:la|ma) diference)|\\bque tout s arete\\b|\\bque (?:ca|cela) s arete pour toujours',
  ], { gate: 'intent' }),
  rule('suicide', 'kill_oneself', [
    '\\b(?:me|m|se|s|te) (?:tuer|tue|pendre|pend|foutre en l air|fout en l air|jet\\w* (?:sous|par|du|d|de|dans|depuis)|ouvrir les veines|couper les veines|faire du mal|faire mal|mutiler|scarifier|couper|tirer une bale|noyer|empoisoner|laisser mourir|supprimer|flinguer)\\b|\\bmettre fin a (?:mes|ses|tes|leurs|ma|sa) (?:jours|vie)|\\bmettre fin a tout(?: ca)?\\b|\\bmettre un terme a (?:ma|mes|sa|ses) (?:vie|jours)',
  ], {
    none: [
      '\\b(?:il|elle|ils|elles|on) (?:va|veut|vont|veulent|menace de|menace|essaie de|essaye de|a essaye de|dit qu il va) (?:me|m|nous) tuer',
      '\\bqu (?:il|elle|ils|elles|on) (?:ne )?(?:me|m|nous) tue',
      '\\b(?:me|se|s) couper (?:les cheveux|les ongles|la parole|du monde|le doigt|en cuisinant)',
      // « mon patron me tue avec ses horaires », « ça me tue »: a figure of speech.
      '\\b(?:ca|cela|\\w+) me tue (?:avec|a|au|de|par)\\b|\\bca me tue\\b',
    ],
    gate: 'intent',
  }),
  rule('suicide', 'end_it', ['\\ben finir\\b(?! avec (?!la vie|ma vie|sa vie|tout|moi|ca|cette vie))'], { gate: 'intent' }),
  rule('suicide', 'i_am_dying', [
    '\\bje (?:meurs|meur|me sens mourir|vais mourir|vais crever|vais partir pour toujours)\\b|\\bme sens partir\\b|\\bsauter (?:par la fenetre|du pont|d un pont|sous un train|du balcon|du toit|dans le vide)|\\bsous un train\\b',
  ], { gate: 'intent' }),
  rule('suicide', 'means_prepared', [
    `\\b(?:mis de cote|mise de cote|mets de cote|garde de cote|stocke\\w*|acumule\\w*|(?<!\\b(?:lui|leur) )cache\\w*|rasemble\\w*|prepare\\w*|compte|conserve\\w*|achete) _${MEANS}\\b|\\b${MEANS} (?:de cote|en reserve|sont pretes?|est pretes?|caches?|prepares?)\\b|\\b(?:achete|acheter|trouve) une corde\\b|\\bune corde\\b(?! a sauter)`,
  ], { none: ['\\bpharmacie\\b|\\bordonance\\b|\\bpilulier\\b'], gate: 'intent' }),
  // A plan with its means: the means kept back (« j'ai gardé les cachets »), a rope at hand
  // (« j'ai la corde »), or means named with their purpose (« les somnifères, c'est pour en finir »).
  rule('suicide', 'plan_and_means', [
    `\\b(?:j ai|je les ai|je l ai) (?:bien |tout )?(?:garde|gardee|gardes|planque|economise|stocke)\\w* (?:tous |toutes )?(?:les|mes|des|ses|assez de|plein de|une|la) ${MEANS}\\b|\\bj ai (?:la|ma|une|deja la|deja une|trouve la) corde\\b(?! a sauter)|\\b${MEANS}\\b(?=.*\\b(?:pour (?:en finir|mourir|disparaitre|ne plus me reveiller)|tout est pret|le moment venu|je sais comment)\\b)`,
  ], { none: ['\\bpharmacie\\b|\\bordonance\\b|\\bpilulier\\b'], gate: 'intent' }),
  rule('suicide', 'farewell', [
    '\\blettre d adieu|\\bmes adieux|\\bdire adieu|\\bfaire mes adieux|\\bdonne (?:toutes )?mes afaires|\\bce (?:soir|sera) (?:ce sera )?(?:fini|la fin)\\b|\\bdemain (?:je ne serai|je serai) plus la|\\bje ne serai plus la\\b|\\bplus la demain\\b|\\bc est (?:bientot )?la fin pour moi|\\btout (?:sera|va etre) (?:bientot )?fini\\b',
  ], { gate: 'intent' }),

  // « ce soir c'est fini », « c'est la fin cette nuit »: an end with its time (not « c'est fini avec mon ex », « le stage, ce soir c'est fini »).
  rule('suicide', 'over_tonight', [`\\b${SOON} c est (?:fini|la fin|termine)\\b(?! (?:avec|de|du|des|le|la|les|l|pour (?:le|la|les|l|ce|cette|ces|mon|ma|mes))\\b)|\\bc est (?:fini|la fin|termine) ${SOON}\\b`], {
    gate: 'intent',
    none: [PAPERWORK_OR_MOVE, '\\b(?:stage|colo|colonie|cours|travaux|chantier|ramadan|chimio|greve|match|saison|fete|soiree|ecole|contrat|emission|serie|film|festival|tournoi|examens?|soldes)\\b'],
  }),
  rule('suicide', 'jump', [
    '\\b(?:vais|va|veux|veut|vas|pret a|prete a|menace de|menacent de) sauter\\b(?! (?:en parachute|a l elastique|le pas|une etape|un repas|dans (?:la piscine|l eau)|de joie))|\\bau bord (?:de la falaise|du pont|du vide|du toit|de la fenetre|du quai)|\\bsur (?:les rails|la voie fere|les voies|la voie|le rebord|le parapet)\\b|\\ble (?:prochain )?train (?:passe|arive)|\\benjambe\\w*',
  ], { gate: 'intent' }),
  rule('suicide', 'forever', [
    '\\b(?:endormir|dormir|partir|disparaitre|disparais|fermer les yeux|en finir|tout areter|areter) (?:pour toujours|pour de bon|definitivement|a jamais)|\\bpour de bon\\b(?=.*\\b(?:disparai\\w*|partir|plus la|invisible)\\b)|\\b(?:autant|mieux vaut) (?:que ce soit|en finir|disparaitre|partir)',
  ], { gate: 'intent' }),
  rule('suicide', 'if_i_were_gone', [
    '\\b(?:que je|je veux|je vais|je voudrais|je prefere|j aimerais|envie de|besoin de|il faut que je) (?:_)?disparai\\w*\\b' + FROM_A_LIST + '|\\bje suis (?:un|une) (?:poids|fardeau|boulet)\\b|\\bje suis (?:sur|au bord) (?:le|du|la|de la|les) (?:toit|pont|falaise|rebord|balcon|fenetre|rails|voie)\\b|\\bfoncer (?:dans|contre) (?:un|le|une) (?:arbre|mur|camion|pile)|\\bs arete pour (?:de vrai|toujours|de bon)|\\b(?:vais|veux) tout areter\\b(?=.*\\b(?:vivre|vie|ce soir|cette nuit|plus la|adieu)\\b)|\\bsi je (?:disparais|disparaisais|mourais|meurs|n etais plus la|partais pour toujours)\\b|\\bquand je (?:ne )?serai plus la\\b|\\bquand je serai partie?\\b|\\bpersonne ne (?:remarquera|remarquerait|s en rendra compte|me regrettera)|\\bse laiser mourir\\b',
  ], { gate: 'intent' }),
  rule('suicide', 'all_ready', [
    '\\bj ai (?:deja )?tout (?:prevu|prepare|organise|regle|decide)\\b|\\bj ai tout ce qu il faut\\b|\\bdecide de (?:partir|en finir) (?:ce soir|cette nuit|demain|aujourd hui)',
  ], { gate: 'intent', none: [PAPERWORK_OR_MOVE] }),
  rule('suicide', 'goodbye', [
    `${FAREWELL_WORDS}|\\bil sera trop tard\\b|\\bje ne pourai (?:pas|plus) (?:le|leur|lui) (?:lui )?dire`,
  ], { gate: 'intent' }),
  rule('suicide', 'no_way_out', [
    '\\b(?:plus|pas|aucune?) (?:d issue|de sortie|d avenir|d espoir|la force de continuer|envie de continuer|de raison de continuer)\\b|\\ba quoi bon\\b|\\barreter de vivre|\\bj arete tout\\b|\\bvous (?:ne )?m entendrez plus|\\bvous (?:n )?entendrez plus parler de moi|\\bplus personne n a besoin de moi|\\bje suis de trop\\b|\\bme sens de trop\\b|\\b(?:ne )?(?:plus|jamais) (?:me )?reveiller\\b|\\b(?:plus|pas) envie de rien\\b|\\benvie de rien\\b|\\b(?:cachets|medicaments|pilules|comprimes|corde|lames?|arme|fusil|flingue) (?:sont )?(?:devant moi|sous la main|a cote de moi|pres de moi)|\\bc est (?:ma|mon) (?:derniere nuit|dernier jour|dernier soir|dernier message)|\\bmon dernier message\\b|\\b(?:ecrit|laise|prepare) (?:des|une|mes|ma) lettres? (?:pour|a) (?:mes|ma|mon|ceux)',
  ], { gate: 'intent' }),
  rule('suicide', 'self_harm', [
    `\\b(?:me|m) suis (?:coupe\\w*|scarifie\\w*|brule\\w*|taillade\\w*|mutile\\w*)|\\bscarifi\\w*|\\bautomutil\\w*|\\bme couper (?:les |le )?(?:bras|veines|poignets|cuises)|${VEINS_OPENED}`,
  ], { gate: 'intent' }),
  rule('suicide', 'weapon_at_hand', ['\\bj ai (?:le|un|une|son|mon) (?:flingue|fusil|pistolet|arme|revolver|carabine)\\b|\\bsur (?:le|un) pont\\b(?=.*\\b(?:regarde|vide|eau|sauter|saute|plonger|en bas)\\b)|\\bregarde (?:l eau|le vide|en bas)\\b|\\bregarde (?:la|les|mes|ma|le|mon) (?:corde|cachets|medicaments|pilules|lames?|arme|fusil|flingue)\\b|\\b(?:avale|pris|prise) (?:toute (?:sa|la|ma) boite|tous (?:ses|mes|les) (?:cachets|medicaments|comprimes|somniferes|medocs))'], { gate: 'intent' }),
  rule('suicide', 'euphemism', ['\\brendez vous avec la mort\\b|\\b(?:faire|fasse|fais|fait) (?:une )?(?:grosse )?(?:betise|conerie|conneries)\\b(?=.*\\b(?:ce soir|cette nuit|maintenant|plus|vie|fini|finir|marre|peux plus|adieu|aujourd hui)\\b)|\\bcommetre l irreparable|\\bmieux (?:mort|morte|sans moi)\\b|\\bsi (?:j|il|elle) etai[st] morte?\\b|\\bs il etait mort\\b'], { gate: 'intent' }),
  rule('suicide', 'affairs_in_order', [
    '\\b(?:donne|donee|ofert|range|rangee|mis en ordre|regle|ecrit|fait|redige|signe) (?:tous |toutes )?(?:mon|ma|mes) (?:chat|chien|afaires|bijoux|biens|papiers|testament|comptes)\\b',
    '\\bje suis prete?\\b|\\bc est le moment\\b|\\bplus la\\b|\\badieu|\\bpartir (?:ce soir|cette nuit|pour toujours)|\\bfin\\b',
  ], { gate: 'intent' }),
  rule('suicide', 'last_words', [
    '\\b(?:laise|ecrit|envoye|laisse) (?:un|une) (?:mot|lettre|message|sms)\\b(?=.*\\b(?:pardon|adieu|desole|desolee|je vous aime|je t aime|aime|plus la|ne repond plus|repond plus)\\b)|\\bmon enterement\\b|\\bmes obseques\\b(?! (?:contrat|assurance|prevoyance))|\\bapres ma mort\\b|\\bma vie ne vaut (?:plus )?rien\\b|\\bj ai (?:les|mes|des) lames\\b|\\bj ai (?:les|des|une|mes|la) (?:lame|corde|cachets|medicaments|pilules)\\b(?=.*\\b(?:baignoire|ce soir|fini|finir|plus la|adieu|vivre)\\b)',
  ], { gate: 'intent' }),
  rule('suicide', 'join_the_dead', [
    '\\b(?:veux|vais|voudrais|aimerais|envie de|besoin de) (?:partir )?(?:rejoindre|retrouver) (?:mon|ma|mes) (?:mari|femme|epoux|epouse|mere|pere|fils|fille|enfant|enfants|maman|papa|parents)\\b',
    '\\b(?:vie|vaut rien|plus rien|ciel|la haut|paradis|decede\\w*|mort|morte|partir|disparu\\w*|au revoir)\\b',
  ], { gate: 'intent' }),
  rule('suicide', 'speaks_of_dying', ['\\b(?:re)?(?:parle|parlent|parler) (?:de|d) (?:mourir|se tuer|se suicider|en finir|disparaitre|la mort)\\b'], { gate: 'intent' }),
];

/** « urgent » or « urgence » with nothing else of substance: a bare cry, not a file marked urgent. */
const BARE_URGENCY_STEMS = new Set(['urgent', 'urgenc', 'urgentissim', 'vit', 'aid', 'svp', 'help', 'secour', 'grav', 'tres', 'vraiment', 'venez', 'besoin', 'medical', 'medicale', 'medica', 'vital', 'vitale', 'sil', 'plait', 'danger', 'moi', 'nous']);

export function bareUrgency(prepared: PreparedText): boolean {
  const urgent = prepared.content.some((word) => word.startsWith('urgen') || word === 'danger');
  return urgent && prepared.content.every((word) => BARE_URGENCY_STEMS.has(word) || word.startsWith('urgen'));
}

export const DEAF_PATTERN = frenchPattern(DEAF);
/** Words that ask for help now: with deafness, the 114 by SMS even when nothing else was recognised. */
export const HELP_NOW = frenchPattern('\\burgen\\w*|\\bau secours?\\b|\\baidez? moi\\b|\\baide\\b|\\ben danger\\b|\\bdanger\\b|\\bvite\\b|\\bpeur\\b|\\bmenace\\w*|\\bsamu\\b|\\bpolice\\b|\\bgendarmes?\\b|\\bpompiers?\\b|\\bsecours\\b');
