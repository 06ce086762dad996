/**
 * Danger told as a situation, without the obvious word (the twelfth round, README « Safety first »):
 * a person found down and cold, lips turning blue, a visit where no one opens; affairs put in order
 * for after, a date chosen, means counted; a woman hiding from « him », marks blamed on a partner, a
 * partner who cuts the help; an adult restrained, punished, kept from food or made to sleep in a
 * shed, money gone with marks or fear; a child locked in or told to keep quiet; a vulnerable person
 * on a fast road, a smell of gas or burning. Each reading needs two signs (the situation and what
 * makes it danger), so that the same words in an ordinary message stay ordinary; each is tested
 * beside its benign twin (test/safety/situations.test.ts). Applied with the other rules, in their
 * clause, by ruleFindings.ts.
 */
import { INNOCENT_CAUSE } from './context';
import { PAPERWORK, PAPERWORK_OR_MOVE, SERVICE } from './everyday';
import { CHILD, ELDER, KEEPER, PARTNER } from './harmRules';
import { FAREWELL, MEANS, rule, type Rule } from './rules';
import { NO_ANSWER, SERVICE_UNANSWERED } from './unreachable';
import { SPEAKER_CHILD } from './victimAge';

/** A partner, or words that say the couple split up (« on est séparés », « depuis que je l'ai quitté »). */
const PARTNER_OR_EX = `\\b(?:mon|ma|son|sa|mes) ${PARTNER}\\b|\\b(?:on est|nous sommes|on s est) separes\\b|\\bdepuis (?:notre|la) separation\\b|\\bdepuis que je l ai quite\\w*`;
/** Marks of blows on a body. */
const MARKS = '\\b(?:bleus?|hematomes?|coquard|oeil au beurre noir|levre (?:fendue|ouverte)|arcade (?:fendue|ouverte)|marques? (?:de coups|de doigts|au cou|sur le cou|violettes?|sur (?:les|le|la|ses|son|sa) (?:bras|visage|cou|joue|poignets?|jambes|dos))|(?:bras|visage|corps) (?:couverts?|plein) de marques)\\b';
/** A vulnerable person, or one exposed (on foot, in slippers): a road is then a danger. */
const VULNERABLE = '\\b(?:autiste|alzheimer|dement\\w*|desoriente\\w*|trisomique|deficien\\w*|handicape\\w*|polyhandicape\\w*|psycho\\w*|schizophrene|bipolaire|a pied|a velo|en velo|en trotinete|en fauteuil|pieds nus|en pyjama|en chausons|en chemise de nuit|ne repond plus|seule?)\\b';

/** Who keeps a vulnerable adult, with the carers KEEPER leaves out (« son aidant », « la famille d'accueil », « la dame qui vient »). */
const CARER = `\\b${KEEPER}\\b|\\b(?:aidante?|acueilante? familiale?|famile d acueil|dame (?:de compagnie|qui)|femme de menage|personne (?:qui|payee)|chaufeur|veileur|on|ils)\\b`;
/** Calming drugs given to keep someone quiet (« des calmants pour qu'il dorme »). */
const CALMED =
  '\\b(?:done|donent|met|metent|fait prendre|font prendre)\\w* (?:\\w+ ){0,3}(?:cachets|calmants|somniferes|gouttes|medicaments|sedatifs|neuroleptiques) (?:\\w+ ){0,3}pour (?:qu (?:il|elle|ils|elles)|que je) (?:ne )?(?:dorme|dorment|dort|se taise|me taise|derange|reste tranquile|soit calme|sone)\\b';
/** Signs of care given as a treatment (« le médecin lui a prescrit des somnifères »), not kept back or forced. */
const PRESCRIBED = '\\b(?:medecin|docteur|prescri\\w*|ordonance|psychiatre|neurologue|generaliste|infirmiere? (?:lui|me) done)\\b';

/** Nothing to eat at home: « rien à manger », « plus rien dans le frigo », « on n'a pas mangé ». */
const NO_FOOD_AT_HOME =
  '\\b(?:(?:rien|plus|pas) (?:a|de quoi) (?:manger|bouffer)|plus (?:de|d) (?:nourriture|bouffe|pain|courses)|(?:plus )?rien (?:dans|au) (?:le |les )?(?:frigo|frigidaire|placards?)|(?:frigo|frigidaire|placards?) (?:est |sont )?(?:tout )?vides?|(?:on|nous|j) (?:n )?(?:a|ai|avons) (?:pas|rien|plus rien) mange\\w*|(?:on|nous|je|j) (?:ne |n )?(?:mange|mangeons) (?:plus|pas|rien)\\b(?! (?:de|d|du|des|avant|apres|a la cantine|le midi|le soir)\\b))\\b';
/** Kept in (« il ne me laisse plus sortir », « je ne peux plus sortir depuis… »), or writing in secret (« pendant qu'il dort »). */
const KEPT_IN_OR_SECRET =
  '\\b(?:ne me laise (?:pas|plus) sortir|(?:m|me) (?:interdit|empeche) de sortir|(?:ne )?(?:peux|peu) plus sortir|(?:ne )?(?:peux|peu) pas sortir (?:depuis|de la maison|de chez moi)|(?:ne )?sors (?:plus|pas) depuis|(?:n ai )?pas le droit de sortir|(?:m|me) (?:garde|tient) enferme\\w*|m enferme\\w*|en cachete|en secret|(?:pendant|tant|quand|lorsqu) (?:qu )?il dort|il dorme?\\b|(?:ne )?(?:suis|sommes) (?:pas|plus) sortie?s? (?:depuis|de la maison|de chez moi)|sans qu il (?:le )?sache)\\b';

export const SITUATION_RULES: readonly Rule[] = [
  // A medical emergency told by what is seen.
  rule('urgence_medicale', 'found_down_confused', [
    '\\b(?:par terre|au sol|allonge\\w*|tombe\\w*|glise\\w*|dans la baignoire|dans la douche|dans son bain|passe la nuit dehors)\\b',
    '\\b(?:est|etait) (?:tout |toute |tres )?(?:froide?|glacee?)\\b|\\bmarmon\\w*|\\bgemi\\w*|\\bgeint\\b|\\bdit des (?:mots|choses) (?:qui ne veulent rien dire|sans sens|bizares)|\\bparle (?:tres )?lentement\\b|\\bne (?:me )?reconait (?:plus|pas)\\b|\\bn arive (?:pas|plus) a (?:sortir|se relever|bouger)\\b',
  ], { gate: 'medical', none: ['\\b(?:alzheimer|demence|dement\\w*|souvent|parfois|regulierement|depuis (?:des|plusieurs|quelques) (?:mois|annees|ans))\\b'] }),
  rule('urgence_medicale', 'lips_or_breath', [
    '\\blevres? (?:\\w+ ){0,2}(?:bleues?|violettes?|grises?)\\b|\\blevres? qui (?:bleuis|grisa|violis)\\w*|\\bcherche (?:son|sa) (?:air|souffle|respiration)\\b|\\brespire comme (?:un chien|si (?:elle|il) avait couru)\\b',
  ], { gate: 'medical' }),
  rule('urgence_medicale', 'heart_signs', [
    '\\bbras gauche\\b',
    '\\b(?:sueurs?|transpir\\w*|gris|grise|pale|poitrine|machoire|indigestion|oprese\\w*|esouf\\w*|nausee)\\b',
  ], { gate: 'medical', none: ['\\b(?:case|fracture|platre|atele)\\w*'] }),
  rule('urgence_medicale', 'no_one_opens', [
    NO_ANSWER,
    '\\b(?:volets?|lumiere|tele|courier|journal|pain|odeur|je sone|sonne|frape a (?:la|sa) porte|derriere (?:la|sa) porte)\\b',
  ], { none: [SERVICE, PAPERWORK, '\\b(?:droits?|compte|chambre|telephone|mails?|messages?|courier (?:de|du|recomande))\\b'] }),
  rule('urgence_medicale', 'swallowed_whole', [
    '\\b(?:aval|bu|pris|mang|croqu)\\w* (?:\\w+ ){0,3}(?:tout (?:le|un) flacon|toute (?:la|une) bouteile|le flacon entier|capsules? de lesive|(?:des|les) champignons (?:\\w+ ){0,4}(?:ramase|cueili|trouve)\\w*)',
  ]),
  rule('urgence_medicale', 'throat_closing', ['\\b(?:gorge|langue|levres?|visage) qui (?:se )?(?:ferme|gonfle|enfle)\\b|\\bgorge (?:qui )?se (?:ferme|sere)\\b']),

  // Suicide: an end prepared, said without the word.
  rule('suicide', 'affairs_for_after', [
    '\\b(?:laise|range|rendu|resilie|done|regle|vide|trie|prepare|programme)\\w*\\b',
    '\\bil ne me reste (?:plus )?qu une (?:seule )?chose a faire\\b|\\b(?:n )?(?:aura|auront|ait|aient) rien a chercher\\b|\\bsauront ou me trouver\\b|\\bpour qu (?:on|ils|elle|il) me (?:trouve|retrouve)\\b',
  ], { gate: 'intent', none: [PAPERWORK_OR_MOVE] }),
  rule('suicide', 'date_chosen', ['\\b(?:choisi|fixe|decide|arete) (?:la|ma) date\\b(?! (?:de|d|du|des|pour)\\b)'], {
    gate: 'intent',
    none: ['\\b(?:mariage|operation|intervention|entree|sortie|audience|comision|entretien|anniversaire|fete|bapteme|rentree|visite|reunion|formation|examen|stage|inscription|admision|accouchement|obseques|enterement)\\b', PAPERWORK_OR_MOVE],
  }),
  rule('suicide', 'not_miss_next_time', ['\\bne (?:pas|plus) (?:me|se|te) (?:rater|louper|manquer)\\b(?=.*\\b(?:prochaine fois|cette fois)\\b)|\\b(?:je|elle|il) ne (?:me|se) (?:raterai|ratera|louperai|loupera) pas\\b'], {
    gate: 'intent',
    none: ['\\b(?:rendez vous|rdv|gare|arret|bus|train|devant|sortie de l ecole|examen|permis|concours)\\b'],
  }),
  rule('suicide', 'means_counted', [
    `\\b${MEANS}\\b`,
    '\\b(?:il y en a|y en a|j en ai) (?:bien |largement |maintenant |deja )?asez\\b(?! de\\b)|\\bje les (?:compte|recompte|aligne|stocke|acumule)\\b',
  ], { gate: 'intent', none: ['\\bpour (?:un|une|deux|trois|le|les|la) (?:mois|semaine|semaines|vacances|voyage|sejour|traitement|week end)\\b|\\bjusqu (?:a|au|en)\\b|\\bordonance|pharmacie|pilulier|renouvel\\w*|perime\\w*'] }),
  rule('suicide', 'way_out_at_hand', ['\\bporte de sortie (?:\\w+ ){0,3}(?:tiroir|table de nuit|armoire|salle de bain|placard)\\b|\\bde quoi (?:dans|sous) (?:ma|mon|la|le) (?:salle de bain|tiroir|table de nuit|armoire|placard|pharmacie)\\b'], { gate: 'intent' }),
  rule('suicide', 'worth_more_dead', ['\\b(?:vaux|vaut|vaudrais|vaudrait|rapporte\\w*) (?:\\w+ ){0,3}(?:plus|mieux) (?:mort|morte|que moi vivante?)\\b|\\bplus (?:utile|rentable) morte?\\b'], { gate: 'intent' }),
  rule('suicide', 'stops_living', [
    '\\barete\\w* (?:de manger et de boire|de boire et de manger|de s alimenter|de m alimenter|de manger|la dialyse|sa dialyse|ma dialyse)\\b',
    '\\b(?:expres|volontairement|tout seul|toute seule|de (?:moi|lui|elle) meme|sans (?:le dire|rien dire|prevenir)|ne le dirai pas|pour (?:partir|mourir|en finir|que ca s arete))\\b',
  ], { gate: 'intent' }),
  rule('suicide', 'farewell_then_silence', [FAREWELL, `${NO_ANSWER}|\\bils comprendront\\b|\\bdemain\\b`], { gate: 'intent', none: [SERVICE, PAPERWORK_OR_MOVE, SERVICE_UNANSWERED] }),
  rule('suicide', 'fumes_sealed', ['\\b(?:barbecue|brasero|charbon)\\b', '\\b(?:bouche|calfeutre|scotch|colmate)\\w* (?:\\w+ ){0,2}(?:aerations?|fenetres|ventilation|bouches|grilles|vmc)\\b'], { gate: 'intent' }),

  // Violence in the couple: the situation, not the word.
  rule('violence_conjugale', 'hiding_from_him', [
    '\\b(?:je me suis|je suis|on s est|on est|nous sommes|me suis) (?:barricade\\w*|enferme\\w* dans|refugie\\w*|cache\\w* dans|planque\\w*)\\b|\\b(?:chaise|meuble|comode) contre la porte\\b|\\bje vous ecris (?:des|depuis les?) (?:toilettes|salle de bain|wc)\\b|\\bil ne sait pas que (?:j ai|je vous|j ecris)',
    `\\b(?:il|mon ${PARTNER})\\b (?:\\w+ ){0,3}(?:crie|hurle|tape|frape|case|cogne|menace|cherche|attend|a bu|boit|recommence|est rentre|va revenir|revient|derriere)|\\bil ne (?:sait|doit) pas (?:que|qu)\\b|\\bsans qu il (?:le )?sache\\b`,
  ]),
  rule('violence_conjugale', 'he_starts_again', [
    '\\bil recommence\\b(?! (?:a|ses|sa|son|d)\\b)',
    '\\b(?:enfants|petits|bebe) (?:dorment|dort|sont (?:a cote|dans la chambre|la))\\b|\\bj ai peur\\b|\\bje (?:me suis|suis) (?:enfermee?|cachee?)\\b',
  ]),
  rule('violence_conjugale', 'watched_and_drinking', [
    '\\bil (?:surveile|lit|regarde|fouile|controle) (?:tous )?(?:mon|mes) (?:telephone|portable|messages|sms)\\b',
    '\\b(?:devient|est) (?:fou|violent|mechant|agresif)\\b|\\bquand il boit\\b|\\bil boit\\b|\\ba bu\\b|\\bparler longtemps\\b|\\ben cachete\\b|\\bmenace\\w*|\\bfrape\\w*',
  ]),
  rule('violence_conjugale', 'threat_if_i_speak', [
    `\\b(?:mon|ma) ${PARTNER}\\b`,
    '\\b(?:dit|a dit|menace|repete) (?:que )?si (?:je|j) (?:porte plainte|parle|en parle|pars|part|le quite|la quite|m en vais|apele (?:la police|les gendarmes|le 17|quelqu un)|vais (?:voir )?(?:la police|les gendarmes))\\b|\\bsi (?:je|j) (?:\\w+ ){1,4}(?:il|elle) (?:me|m) (?:tuera|butera|fera la peau|fera du mal|retrouvera)\\b',
  ]),
  rule('violence_conjugale', 'marks_blamed_on_partner', [MARKS, `\\b(?:c est|a cause de|par) (?:mon|ma|son|sa) ${PARTNER}\\b|\\bque je (?:suis|me suis) (?:tombee?|cognee?)\\b`], { none: [INNOCENT_CAUSE] }),
  rule('violence_conjugale', 'partner_cuts_help', [
    PARTNER_OR_EX,
    '\\b(?:debranche|coupe|arache|case|jete|enleve|retire|confisque|vide|cache)\\w* (?:ma|mon|mes|sa|son|ses) (?:telealarme|teleasistance|fauteuil|canne|bequilles|deambulateur|apareil auditif|lunettes|pompe|insuline|medicaments)\\b|\\bpersone (?:ne )?(?:viendra|m aidera|me croira|t entendra)\\b|\\b(?:ne )?(?:me|la) laise (?:pas|plus|jamais) (?:manger|dormir|partir|boire|me laver|aler aux toilettes|apeler|telephoner)\\b|\\b(?:photo|photos) de (?:ma|notre|mon) (?:porte|maison|immeuble|voiture|fenetre|boite aux letres)\\b',
  ], { none: ['\\bpour (?:le|la|les) (?:faire )?(?:reparer|regler|changer|netoyer|recharger|renouveler|entretenir)\\b|\\ben reparation\\b|\\b(?:a ma|a sa) demande\\b'] }),
  rule('violence_conjugale', 'punished_by_partner', [`\\b(?:mon|ma|son|sa) ${PARTNER}\\b`, '\\bpour (?:me|la|m|l) punir\\b|\\ben punition\\b']),

  // Abuse of a vulnerable adult, told by its signs.
  rule('maltraitance', 'restrained', [
    '\\b(?:ehpad|maison de retraite|foyer|mas|fam|ime|institut|etablisement|unite|clinique|hopital|residence|equipe|soignants|personel|educateurs?|ils)\\b',
    '\\b(?:sangle\\w*|contention|camisole|combinaison (?:fermee|de nuit)|ne (?:peut|peux) plus bouger jusqu)\\b',
  ], { none: ['\\bprescri\\w*|\\bordonance|\\ble medecin (?:a|l a) (?:prescrit|demande)'] }),
  rule('maltraitance', 'punished_adult', [
    `\\b${KEEPER}\\b|\\b(?:on|ils) (?:m|me|l|la|le|lui)\\b`,
    '\\b(?:enferm|atach|priv|laise|puni|retir|enlev|met|mis|mete)\\w* (?:\\w+ ){0,10}pour (?:me|la|le|les|m|l) punir\\b|\\b(?:puni|punie)\\b (?:\\w+ ){0,3}(?:dans la cave|au garage|sans manger|dans le noir)',
  ], { none: ['\\bj ai (?:[4-9]|1[0-7]) ans\\b'] }),
  rule('maltraitance', 'kept_from_food', [
    `\\b${ELDER}\\b|\\b${KEEPER}\\b`,
    '\\b(?:ne )?(?:(?:lui|leur|me) )?(?:done|donent|aporte)n?t? (?:plus|pas|rien) (?:a boire|a manger|de quoi manger)\\b|\\b(?:done|donent)\\w* plus que (?:du pain|de la soupe|une soupe)\\b|\\b(?:lui|me) interdit de manger\\b',
  ]),
  rule('maltraitance', 'shed_or_unpaid', [
    `\\b${ELDER}\\b|\\b(?:handicape\\w*|trisomique|deficien\\w*|autiste)\\b`,
    '\\b(?:dort|dorment|fait dormir|laise dormir|couche)\\w* (?:\\w+ ){0,2}dans (?:la|le|une|un) (?:grange|buanderie|caravane|cabane|remise|celier|apentis|sous sol|poulailer|etable|ecurie|debaras)\\b|\\b(?:travaile|fait travailer|fait faire (?:tout )?le menage)\\w* (?:\\w+ ){0,3}(?:gratuitement|sans (?:etre )?paye\\w*|sans salaire|pour rien|sans (?:le|la) payer)\\b',
  ], { none: ['\\b(?:vacances|camping|amenage\\w*|studio|benevol\\w*)\\b'] }),
  rule('maltraitance', 'money_gone_and_marks', [
    `\\b${KEEPER}\\b`,
    '\\b(?:lui|me|leur) manque (?:\\d+|des (?:euros|billets|bijoux)|de l argent)\\b|\\bplus (?:de|d) (?:sous|argent) pour\\b|\\b(?:garde|prend|pris)\\w* (?:sa|ma|la) carte\\b',
    '\\b(?:bleus?|marques?|hematomes?|bosses?|griffures?|poignets? rouges?|pleure|a peur|n ose (?:plus|pas))\\b',
  ], { none: [INNOCENT_CAUSE] }),
  rule('maltraitance', 'afraid_of_keeper', [
    `\\b${ELDER}\\b`,
    `\\b(?:sursaute|se cache|se recroqueville|se met a pleurer)\\w* (?:des qu|quand|a chaque fois qu|lorsqu|des que) (?:mon|ma|son|sa|le|la|l) ${KEEPER}\\b|\\bne (?:pas|plus) (?:le|la|me) laiser (?:tout |toute )?seule? avec (?:lui|elle|eux)\\b`,
    `${MARKS}|\\bsuplie\\w*|\\ba faim\\b|\\bchuchote\\w*`,
  ]),

  // A child: locked in, or told to keep quiet about marks.
  rule('enfance_en_danger', 'child_locked_in', [`\\bj ai (?:[4-9]|1[0-7]) ans\\b|\\b${CHILD}\\b`, '(?<!\\bje )(?<!\\bj )\\bferme\\w* (?:ma|sa|la|leur) (?:chambre|porte) a cle\\b|\\b(?:la|le|les|l|me|nous) (?:laise\\w* |garde\\w* )?(?:en)?ferme\\w* a cle (?:dans|a l interieur)\\b|\\b(?:laise|garde)\\w* (?:\\w+ ){1,3}(?:en)?ferme\\w* a cle\\b']),
  rule('enfance_en_danger', 'child_silenced', [
    `\\b${CHILD}\\b|\\bptite?\\b`,
    '\\b(?:doit|dois|devons|faut) (?:ne )?rien dire\\b|\\b(?:doit|dois|faut) (?:se|me|te) taire\\b|\\b(?:le|la|lui) dire a persone\\b|\\bsi (?:je|il|elle) (?:parle|le dit)\\b',
    `${MARKS}|\\b(?:frape|tape|fait mal|touche)\\w*`,
  ], { none: [INNOCENT_CAUSE] }),

  // An immediate danger: a vulnerable person on a fast road, up on a roof, gas or burning, water rising.
  rule('danger_immediat', 'vulnerable_on_road', [
    VULNERABLE,
    '\\b(?:marche|roule|court|ere|est|parti\\w*|se promene|traverse)\\w* (?:a pied |a velo |en velo |seule? )?sur (?:la|l) (?:rocade|autoroute|nationale|voie rapide|quatre voies|periph\\w*|voie fere\\w*|route departementale|departementale|voie)\\b',
  ], { none: ['\\b(?:voiture|permis|conduit|camion|auto ecole|vehicule|bouchons?)\\b'] }),
  // A confused person driving away (« mon père qui a Alzheimer est parti avec la voiture »): not one who still drives, nor one back home.
  rule('danger_immediat', 'confused_driving', [
    '\\b(?:alzheimer|dement\\w*|demence|desoriente\\w*|confuse?|perd la (?:tete|boule)|troubles? (?:cognitifs|de la memoire))\\b',
    '\\bpartie?s? (?:\\w+ ){0,2}(?:en voiture|avec (?:la|sa|ma|notre|leur) voiture|au volant)\\b|\\b(?:a|ont) pris (?:la|sa|ma|notre|leur) voiture\\b|\\ba pris les cles (?:de|d) (?:la|sa|ma|notre) voiture\\b|\\broule (?:vers|sur|a contresens|en direction)\\b|\\b(?:sur|vers) l autoroute\\b|\\ba contresens\\b',
  ], { none: ['\\b(?:est|sont|etait) (?:rentre|rentree|revenu|revenue)\\b'] }),
  rule('danger_immediat', 'up_on_a_roof', ['\\b(?:monte|grimpe)\\w* sur (?:le|la|un|une) (?:toit|rebord|parapet|corniche|goutiere|pylone)\\b', '\\bne veut (?:pas|plus) (?:descendre|redescendre|rentrer)\\b|\\brefuse de (?:descendre|rentrer)\\b|\\bse penche\\b']),
  rule('danger_immediat', 'gas_or_burning', ['\\b(?:sent|odeur d|odeur de|pue) (?:l |les |le )?(?:oeufs? pouris?|brule)\\b|\\balarme (?:incendie|de fumee)\\b (?:\\w+ ){0,2}(?:sone|hurle|clignote|se declenche)'], { none: ['\\bdetecteurs? de (?:fumee|monoxyde)\\b'] }),
  rule('danger_immediat', 'flood_stuck', [
    '\\b(?:inonde\\w*|l eau (?:monte|arive|rentre|entre)|crue)\\b',
    '\\b(?:peut|peux|pouvons|peuvent) (?:pas|plus) (?:monter|sortir|bouger|se lever|partir|descendre)\\b|\\b(?:coince|bloque)\\w*|\\bfauteuil\\b|\\brespirateur\\b|\\balite\\w*|\\bbaterie\\b',
  ]),

  // More of an adult's abuse: aids taken to keep them in, marks and the one who keeps them, care refused,
  // calming drugs to keep them quiet, papers signed away, harm told in a whisper.
  rule('maltraitance', 'aids_taken', [
    '\\b(?:enleve|confisque|pris|cache|retire|case|debranche|coupe)\\w* (?:\\w+ ){0,2}(?:son|sa|ses|mon|ma|mes|le|la|les) (?:telephone|portable|cles|fauteuil|deambulateur|canne|bequilles|lunettes|apareils?|sonete|telealarme)\\b',
    '\\bpour qu (?:il|elle|je) (?:ne )?(?:puise|reste|bouge|apele|sorte|sone)\\w*|\\bne (?:peux|peut) plus (?:sortir|apeler|bouger|se lever|me lever|marcher|aler)\\b|\\bisolee?\\b',
  ], { none: [`\\b(?:mon|ma|son|sa) ${PARTNER}\\b`, '\\bpour (?:le|la|les) (?:faire )?(?:reparer|regler|changer|netoyer|recharger|renouveler|entretenir)\\b|\\ben reparation\\b|\\bremplac\\w*|\\bpour (?:un|une) (?:autre|nouveau|nouvele)\\b', SPEAKER_CHILD] }),
  rule('maltraitance', 'marks_and_keeper', [MARKS, `\\b(?:c est|depuis que|a cause de|par) (?:ma|mon|sa|son|l|la|le|leur) ${KEEPER}\\b`], {
    none: [INNOCENT_CAUSE, '\\b(?:prises? de sang|piqures?|injections?|perfusions?|anticoagul\\w*|kardegic|pansements?)\\b'],
  }),
  rule('maltraitance', 'calmed_to_keep_quiet', [CALMED], { none: [PRESCRIBED, '\\bje (?:lui|leur) (?:done|met)\\b'] }),
  // The same done to a child (« mon petit-fils, 5 ans, sa mère lui donne des calmants pour qu'il dorme »): the 119.
  rule('enfance_en_danger', 'child_calmed', [`\\b${CHILD}\\b(?! (?:majeure?|adulte|de (?:1[89]|[2-9]\\d) ans|(?:lui |leur )?(?:done|met|fait prendre))\\b)`, CALMED], { none: [PRESCRIBED, '\\bje (?:lui|leur) (?:done|met)\\b'] }),
  rule('maltraitance', 'care_refused', [
    '\\b(?:on|ils|elle|il|l equipe|le personel|l etablisement|le foyer|l ehpad|les soignants|l aide soignante|l infirmiere?) refuse\\w* de (?:le |la |les |me |lui )?(?:changer|laver|lever|soigner|nourir)\\b(?! d)|\\bescar\\w* (?:\\w+ ){0,4}(?:pas ete|jamais|plus) (?:soigne|traite|change)\\w*',
  ]),
  rule('maltraitance', 'signed_away', [
    CARER,
    '\\b(?:fait|fais|faire) (?:faire|signer) (?:des |un |une |plusieurs )?(?:cheques?|procuration|papiers|vente|donation|testament)\\b|\\bse sert (?:dans|sur) (?:son|sa|ses|le|la) (?:compte|porte monaie|portefeuile|sac|retraite|pension)\\b',
    '\\b(?:interdit|empeche|menace)\\w*|\\bcompte (?:est )?vide\\b|\\bplus (?:rien|un sou|d argent)\\b|\\bn a plus (?:rien|d argent|de quoi)\\b|\\bs il parle\\b',
  ], { none: ['\\b(?:(?:il|elle) (?:le lui a|me l a) demande|a (?:sa|ma) demande|avec (?:son|mon) acord|pour (?:lui|me) faire)\\b'] }),
  rule('maltraitance', 'hurt_told', [`\\b${ELDER}\\b`, '\\b(?:on|ils|elles?|il) (?:lui|leur|me) fai(?:t|ent|sait) (?:du )?mal\\b|\\bqu on (?:lui|leur|me) fait (?:du )?mal\\b']),
  rule('maltraitance', 'silenced_adult', [
    '\\bsi (?:je|il|elle) (?:parle|le dit|me plains|se plaint|en parle|dit quoi que ce soit)\\b',
    '\\b(?:metra|metront|placera|placeront|frapera|enfermera|privera|jetera)\\b|\\bmetre (?:dehors|en maison|a la rue)\\b',
    '\\b(?:dependante?|aveugle|malvoyante?|handicape\\w*|fauteuil|tutele|curat\\w*|agee?|ans)\\b',
  ], { none: [`\\b(?:mon|ma) ${PARTNER}\\b`] }),

  rule('maltraitance', 'care_hidden', [`${CARER}|\\b(?:son|sa|mon|ma) aidante?\\b`, '(?<!\\bje )\\b(?:lui|leur|me|m) cache\\w* (?:ses|son|sa|mes|mon|ma|les) (?:medicaments|traitement|insuline|cachets|anti douleurs?)\\b']),
  rule('maltraitance', 'care_withheld_as_punishment', [
    '\\bne (?:me|la|le|les) (?:change|lave|leve|nourit)n?t? (?:plus|pas)\\b',
    '\\b(?:je|elle|il) (?:le|la) merite\\b|\\bpour (?:me|la|le) punir\\b|\\bexpres\\b|\\bquand (?:il|elle) est fache\\w*',
  ]),
  rule('violence_conjugale', 'lives_with_violent', ['\\b(?:vit|habite|est) (?:en couple )?avec (?:un homme|une femme|un type|un gars|un garcon|quelqu un) qui (?:la|le|l) (?:bat|frape|tape|cogne|maltraite|menace|enferme|viole)\\b']),

  // More of an immediate danger: a door forced, a threat with a blunt object, a person gone exposed,
  // shots, a threat to burn, someone heard inside, a vulnerable person taken by strangers.
  rule('danger_immediat', 'door_forced_again', ['\\b(?:porte|fenetre|volets?)\\b', '\\b(?:esai|tent)\\w* de (?:la|l|les) (?:forcer|ouvrir|defoncer|enfoncer|caser)\\b']),
  rule('danger_immediat', 'forced_in', [
    '\\bj entends (?:quelqu un|des pas|marcher|des gens) (?:\\w+ ){0,3}(?:dans|chez) (?:mon|ma|l|la|le)\\s?(?:apartement|maison|chambre|salon|cuisine|couloir|grenier|cave)\\b(?! (?:du dessus|du desous|d a cote|des voisins|du voisin|de la voisine)\\b)',
  ]),
  rule('danger_immediat', 'armed_with_anything', [
    '\\bmenace\\w* (?:\\w+ ){0,3}avec (?:un|une|des|le|la|sa|son) (?:bouteile|marteau|baton|ciseaux|teson|tournevis|pierre|brique|chaise|bate)\\b|\\b(?:il|elle|ils) (?:\\w+ ){0,2}(?:va|vont|menace de|veut) (?:tout )?(?:bruler|faire bruler|metre le feu|faire sauter|faire peter)\\b|\\btire (?:dans la rue|partout|dans l imeuble|dans le quartier)\\b',
  ]),
  // Someone waits or stands at the door with a weapon or a blunt object (« mon ancien patron m'attend en bas avec une batte »); a partner is couple violence.
  rule('danger_immediat', 'armed_waiting', [
    '\\b(?:(?:m|nous|l|la|le|les) (?:atend|guete)\\w*|rode\\w*|(?:est|sont) (?:en bas|devant|dehors|la|derriere la porte)|tape\\w* (?:dans|contre) (?:la|ma|sa|notre) porte)\\b (?:\\w+ ){0,8}avec (?:un|une|des|le|la|sa|son|ses) (?:bate|batte|baton|barre|marteau|hache|machette|couteau|cuter|arme|fusil|pistolet|carabine|bouteile|pierre|brique|chaine|tournevis|ciseaux)\\b',
  ], { none: [`\\b(?:mon|ma|son|sa) (?:ancien |anciene )?${PARTNER}\\b`, '\\b(?:match|entrainement|club|jouer|joue|terain|tournoi|chantier|bricol\\w*|jardin\\w*|travaux)\\b'] }),
  rule('danger_immediat', 'gone_exposed', [
    '\\b(?:parti|partie|sorti|sortie|enfui|enfuie|fugue)\\w* (?:\\w+ ){0,4}(?:en chemise de nuit|en pyjama|en chausons|pieds nus|en pantoufles|sans manteau|sans (?:ses |son )?(?:medicaments|traitement|insuline))\\b|\\bdisparition\\b (?:\\w+ ){0,4}(?:alzheimer|autiste|trisomique|dement\\w*|depuis)\\b',
  ]),
  rule('danger_immediat', 'taken_by_strangers', [
    VULNERABLE,
    '\\b(?:emene|embarque|monte|parti|suivi|atire|recupere)\\w* (?:\\w+ ){0,3}(?:par|avec) (?:des gens|un homme|une femme|quelqu un|des hommes|un type|un mec|des jeunes|des inconus|un inconu)\\b(?=.*\\bne (?:le |la )?conai\\w* pas\\b|.*\\binconu)',
  ]),

  // More of a medical emergency: no sound after a fall, a racing heart, about to faint alone.
  rule('urgence_medicale', 'silent_after_fall', ['\\btombe\\w*\\b', '\\bplus un bruit\\b|\\b(?:ne )?(?:l|les) entends plus\\b'], { gate: 'medical' }),
  rule('urgence_medicale', 'racing_heart', ['\\bcoeur (?:qui )?bat (?:a|trop|tres)\\b', '\\b(?:flou|malaise|vais tomber|tete qui tourne|vertiges?|seule?|poitrine)\\b'], { gate: 'medical' }),
  rule('urgence_medicale', 'about_to_faint', ['\\bje (?:vais|sens que je vais) (?:tomber|m evanouir|faire un malaise|m ecrouler)\\b(?! de)', '\\b(?:seule?|tres mal|tete qui tourne)\\b'], { gate: 'medical' }),

  // More of suicide: all swallowed, the medicine cabinet emptied, at the top with no fear, a last message.
  rule('suicide', 'swallowed_all', ['\\b(?:j ai|il a|elle a) tout avale\\b(?! (?:de travers|son|sa|ses|le|la|les|mon|ma|mes)\\b)|\\bvide\\w* (?:la|ma|sa) (?:pharmacie|boite a pharmacie|armoire a pharmacie)\\b(?! (?:des|de ses|de mes) (?:medicaments )?perime)'], { gate: 'intent' }),
  rule('urgence_medicale', 'swallowed_all', ['\\b(?:j ai|il a|elle a) tout avale\\b(?! (?:de travers|son|sa|ses|le|la|les|mon|ma|mes)\\b)']),
  rule('suicide', 'at_the_top', [
    '\\bje suis (?:tout )?(?:en haut|au sommet|au dernier etage) (?:de l|du|de la|d un|des)\\s?(?:imeuble|parking|tour|pont|falaise|toit|batiment)\\b',
    '\\bn ai (?:pas|plus) peur\\b|\\bsauter\\b|\\ble vide\\b|\\bregarde en bas\\b|\\badieu|\\bc est le moment\\b',
  ], { gate: 'intent' }),
  rule('suicide', 'last_message_here', [
    '\\bc est la derniere fois que (?:je|j) (?:vous )?(?:ecris|parle|apele|contacte)\\b',
    `${FAREWELL}|\\bpardon\\b`,
  ], { gate: 'intent', none: [SERVICE, PAPERWORK, '\\b(?:repondez|repond|reclamation|plainte)\\b'] }),

  // More of a child in danger: hungry with no adult able to feed them.
  rule('enfance_en_danger', 'child_hungry', [
    `\\b${CHILD}\\b|\\bj ai (?:[4-9]|1[0-7]) ans\\b`,
    '\\b(?:a|ai|ont|avons) faim\\b|\\bje (?:ne )?sais pas faire a manger\\b',
    '\\b(?:boit|a bu|dort par terre|ivre|saoule?|drogue\\w*|partie?|seule?s?|pas rentree?|persone)\\b',
  ]),
  // Fourteenth round (children and control, README « Safety first »).
  // A child, often one who writes for themselves (« jé 12 an », ages.ts), with nothing to eat at home for days
  // or beside a parent who drinks: the 119. Not a child who will not eat (« il ne mange plus depuis sa gastro »).
  rule('enfance_en_danger', 'child_unfed', [
    `${SPEAKER_CHILD}|\\b${CHILD}\\b`,
    `${NO_FOOD_AT_HOME}`,
    '\\b(?:boit|boivent|a bu|bourree?s?|saoule?s?|ivres?|alcool\\w*|drogue\\w*|partie?s?|pas rentree?s?|seule?s?|depuis (?:\\d+|des|plusieurs|deux|trois|quatre|cinq) jours?|depuis (?:hier|avant hier|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|le week end|ce week end|une semaine))\\b',
  ], { none: [INNOCENT_CAUSE] }),
  // One « il » who takes the phone, the card or the papers, and keeps the one who writes in, or is
  // written to in secret (« je vous écris pendant qu'il dort »): couple violence (3919, 17 when now).
  // A keeper or a child named, a repair or one's own request, a teenager grounded are not this.
  rule('violence_conjugale', 'controlled_by_him', [
    `\\bil (?:m a |m |ma |me |a |me les |les )?(?:pris|prend|garde|confisque|enleve|cache|retire|vole|bloque)\\w* (?:\\w+ ){0,2}(?:mon|ma|mes) (?:telephone|portable|tel|carte|cb|papiers|pasport|cles|argent|chequier)\\b`,
    KEPT_IN_OR_SECRET,
  ], {
    none: [
      `${SPEAKER_CHILD}|\\b(?:mon|ma|son|sa|l|le|la) ${KEEPER}\\b`,
      '\\bpar (?:erreur|megarde)\\b|\\bsans faire expres\\b|\\bpour (?:le|la|les) (?:faire )?(?:reparer|regler|changer|netoyer|recharger)\\b|\\ben reparation\\b|\\ba ma demande\\b|\\bavec mon acord\\b|\\bpuni\\w*|\\bprivee? de sortie\\b|\\bcarte (?:de|d) (?:bus|transport|cantine|fidelite|bibliotheque)\\b',
    ],
  }),
];
