/**
 * The phrase rules of harm done by another person: a child in danger (119), violence in the couple
 * (3919), abuse of an older or disabled adult (3977), with the words for who is hurt and who hurts.
 * Their shape and the other kinds are in rules.ts; ruleFindings.ts applies them all.
 */
import { INNOCENT_CAUSE } from './context';
import { rule, type Rule } from './rules';
import { CHILD_BY_AGE, SCHOOL_STAGE } from './victimAge';

export const PARTNER = '(?:mari|conjoint|conjointe|compagnon|compagne|copain|copine|mec|ex|ex mari|ex femme|concubin|concubine|femme|epoux|epouse|petit ami|petite amie)';
/** A child by word, by age (« de 6 ans », « Léo, 6 ans ») or by school stage (« en CE1 »): victimAge.ts. */
export const CHILD = `(?:${CHILD_BY_AGE}|${SCHOOL_STAGE}|(?:a|de) (?:[1-9]|1[0-7]) ans|garcon|garcons|fillette|bambin|enfant|enfants|fils|fille|filles|bebe|bebes|gamin|gamine|gamins|gosse|gosses|petit|petite|petits|ado|ados|adolescente?s?|neveu|niece|eleve|eleves|mineure?s?|nourisson)`;
/** Who keeps an older or disabled adult: family, a carer, a guardian, an institution. */
export const KEEPER =
  '(?:aide a domicile|aide menagere|auxiliaire|aide soignante?|infirmiere?|soignante?|educat\\w*|tuteur|tutrice|curateur|curatrice|mandataire|fils|fille|frere|soeur|neveu|niece|petit fils|petite fille|gendre|belle fille|voisin|voisine|personnel|ehpad|foyer|maison de retraite|famille|mere|pere|grand mere|grand pere|mamie|papi|papy)';
/** An older or disabled adult: by family names, or as an older or disabled person. */
/** A son or daughter who is an adult: a vulnerable adult, not a child in danger. */
const ADULT_CHILD = '(?:fils|fille|frere|soeur|enfant) (?:majeure?|adulte|de (?:1[89]|[2-9]\\d) ans)';
/** Not the one who writes (« je suis la grand-mère de Léo »): the older person of the message is then not the one hurt. */
export const ELDER = `(?<!\\bje suis (?:la |le |l |sa |son )?(?:grand |arriere grand )?)(?:${ADULT_CHILD}|pere|mere|papa|maman|grand pere|grand mere|grands parents|mamie|mami|papi|papy|parents|oncle|tante|frere|soeur|resident|residente|residents|patient|patiente|personne agee|personnes agees|vieille dame|vieux monsieur|voisine|voisin|adulte handicape|handicapee?s?)`;

export const HARM_RULES: readonly Rule[] = [
  // A child in danger: 119 (and 3977 when the « child » is an adult with a disability).
  rule('enfance_en_danger', 'child_danger_word', ['\\benfance en danger|\\benfants? en danger|\\benfants? batus?\\b|\\binceste|\\bbebe secoue|\\bpedophil\\w*|\\bpedocriminel\\w*']),

  rule('enfance_en_danger', 'child_neglected', [
    // Not a child who does the harm (« maltraitée par sa fille »), nor a « petit ami ».
    // Not a son or daughter who is an adult (« mon fils majeur », « ma fille de 25 ans »: ADULT_CHILD below).
    `(?<!\\bpar (?:sa|son|ses|leur|leurs) )\\b${CHILD}\\b(?! (?:ami|amie|amis|copain|copine|majeure?|adulte|de (?:1[89]|[2-9]\\d) ans)\\b)`,
    '\\b(?:sans (?:manger|nouriture|boire|rien a manger)|pas (?:a|de quoi) manger|rien a manger|(?:ne )?(?:le|la|les|lui|leur) (?:nourit|donne|donent) (?:pas|rien|plus)|afame\\w*|(?:laise|laisent|reste|restee|restes)\\w* (?:tout )?seule?s? (?:a la maison|des jours|la nuit|toute la nuit|toute la journee|enferme|depuis)|dort dans la rue|seule?s? (?:sur (?:le|un) (?:balcon|toit|rebord)|dans la voiture|dans la rue la nuit)|sur le rebord de la fenetre|laise\\w* (?:son|sa|ses|le|la|les|mon|ma|mes) \\w+ (?:de (?:[1-5] ans|\\d+ mois) )?(?:tout )?seule?s?\\b|puni\\w* sans (?:manger|diner|repas)|abandone\\w*|(?:il|elle) (?:ne )?mange (?:pas|rien) chez (?:lui|elle|eux)|(?:n )?a rien mange|pas mange depuis|(?:des|avec des) marques\\b|marques (?:de|aux)|(?:est|sont|a ete|l|la|le|les|reste|restent) enferme\\w*|(?<!\\b(?:s|se|m|me|t|te) )enferme\\w* (?:a cle|seule?s?|dans (?:le|la|sa|une|un) (?:cave|placard|chambre|garage|salle de bain|toilettes|voiture|cagibi))|(?:est|sont|a ete|l|la|le|les) atache\\w*|brulures?|photos? d un adulte|(?:adulte|homme|inconu|monsieur) qui (?:veut|veulent) (?:la|le|les) (?:rencontrer|voir)|dort dehors|dorment dehors|mis dehors|mise dehors|mange dans les poubeles|traces? de coups|des bleus|couverte? de bleus|hematome\\w*|marques? de coups|prive\\w* de (?:manger|nouriture|repas)|(?:ne )?(?:le|la|les) (?:lave|soigne|nourit) (?:pas|jamais|plus)|(?:n )?(?:est|sont) (?:plus|pas|jamais) nouri\\w*\\b(?! (?:au|a la|par|avec)\\b)|atache\\w* (?:\\w+ ){0,4}(?:toute la journee|toute la nuit|des heures|pendant des heures|jour et nuit))',
  ], { none: ['\\b(?:car|parce qu|quand) (?:il|elle) (?:tombe|se cogne)|\\btombe souvent\\b|\\ben tombant\\b', INNOCENT_CAUSE] }),

  // A child afraid to go home: whatever explains the marks beside it (« parce qu'elle tombe, c'est ce que dit son père »).
  rule('enfance_en_danger', 'child_afraid_home', [
    `(?<!\\bpar (?:sa|son|ses|leur|leurs) )\\b${CHILD}\\b(?! (?:ami|amie|amis|copain|copine)\\b)`,
    '\\bpeur de (?:rentrer|retourner) (?:chez (?:lui|elle|eux|moi|son pere|sa mere|ses parents)|a la maison)\\b',
  ]),
  rule('enfance_en_danger', 'child_sexual_signs', [
    `\\b${CHILD}\\b|\\bj ai (?:[4-9]|1[0-7]) ans\\b`,
    '\\b(?:rentre|vient|entre|viennent) dans (?:ma|sa|leur) chambre (?:la nuit|le soir|quand)|\\b(?:tout )?nue?s?\\b|\\bgarder le secret\\b|\\bc est notre secret\\b|\\bdormir avec (?:lui|elle) dans (?:son|le) lit|\\bdort avec (?:lui|elle) dans (?:son|le) lit|\\bparties intimes|\\bse deshabil\\w*|\\bmontrer (?:son|sa|ses) (?:sexe|corps|fesses)|\\bphotos? (?:nues?|intimes)|\\battouchement\\w*|\\b(?:me|la|le|lui) touche (?:la|le|ses|mes|les)? ?(?:nuit|sexe|parties|fesses|seins|partout)',
  ]),
  rule('enfance_en_danger', 'child_cries', [
    `\\b${CHILD}\\b`,
    '\\b(?:hurle\\w*|crier|crie|pleure\\w*) _(?:arete|au secours|a l aide|coups|tous les soirs|toutes les nuits|sans arete|tout le temps|depuis (?:ce matin|hier|des heures|une heure|\\d+))|\\bpersone ne s (?:en )?ocupe\\b|\\b(?:papa|maman|il|elle) (?:me|lui|leur) fait mal\\b|\\bpapa fait mal\\b|\\b(?:va|vais|veut) (?:le|la|les) tuer\\b|\\bmaman fait mal\\b',
  ]),

  // Violence in the couple: 3919 (3977 for a person with a disability, 17 in immediate danger).
  rule('violence_conjugale', 'violence_word', ['\\bviolences? conjugal\\w*|\\bfemme batue|\\bviolences? (?:dans le|de mon|du|en) couple|\\bemprise\\b']),
  rule('violence_conjugale', 'afraid_of_partner', [
    '\\b(?:peur de (?:mon|ma) (?:mari|conjoint|conjointe|compagnon|compagne|copain|copine|ex|femme|epoux|epouse)|peur de rentrer (?:chez moi|a la maison)|peur qu il (?:me|rentre|revienne)|peur de lui\\b(?! (?:dire|parler|demander|avouer|annoncer|expliquer|repondre|montrer|faire de la peine)\\b)|peur pour ma vie)',
  ]),
  rule('violence_conjugale', 'partner_at_the_door', [
    `\\b(?:mon|ma|son|sa) ${PARTNER}\\b`,
    '\\b(?:devant chez (?:moi|nous|elle)|en bas de chez (?:moi|nous|elle)|m attend|me suit|me guete|rode|devant (?:ma|la) porte|veut (?:rentrer|entrer)|tape\\w* (?:dans|contre) (?:la|ma) porte|(?:a )?case (?:ma|la) porte|defonce\\w*|ne (?:la|me) laise (?:plus|pas) (?:nous |vous |les )?(?:voir|sortir|parler)|m empeche de (?:sortir|voir|parler|partir)|a pris mon telephone|confisque)',
  ], { none: ['\\b(?:m attend|rode|devant chez (?:moi|nous)) (?:\\w+ ){0,6}pour (?:me|nous) (?:ramener|raccompagner|accompagner|chercher|conduire|aider)\\b'] }),
  rule('violence_conjugale', 'partner_threatens', [
    `\\b(?:mon|ma|son|sa|mes) ${PARTNER}\\b`,
    '\\b(?:menace\\w*|harcele\\w*|fait peur|me surveille|m enferme|enferme|sait ou j habite|me traque|(?:m|me|l|la) (?:interdit|empeche) de (?:sortir|voir|parler|travailer|telephoner|partir)|(?:prend|prends|garde|confisque) (?:tout )?(?:mon|ma|mes|son|sa|ses) (?:argent|salaire|aah|carte|papiers|telephone))',
  ]),
  rule('violence_conjugale', 'blows_heard', [
    `\\b(?:mon|ma|son|sa) ${PARTNER}\\b`,
    '\\b(?:entend|entends|entendu) (?:les |des )?(?:coups|cris|hurlements)|\\bdes coups\\b|\\bune gifle\\b|\\bce serait pire\\b|\\bva (?:me|la) (?:tuer|finir)\\b',
  ]),
  rule('violence_conjugale', 'sexual_violence', [
    '\\b(?:j ai ete|je me suis fait|je me fais|on m a|il m a) viol\\w*|\\b(?:me|m) (?:force|oblige|forcer|obliger) a (?:coucher|faire l amour|des relations|avoir des relations)|\\bviols?\\b(?! de (?:la|ma|mes|ses|son|vie privee|domicile|le droit|la loi|procedure|secret))',
  ], { none: ['\\b(?:enfant|fils|fille|bebe|gamin|gamine|ado)\\b', '\\bviole (?:la|le|les|mes|nos|ses|son|sa) (?:loi|droit|droits|regles|regle|reglement|secret|contrat|vie privee)\\b'] }),

  // Abuse of an adult with a disability or an older person: 3977.
  rule('maltraitance', 'neglect', [
    '\\b(?:laise|laisent)\\w* _(?:dans (?:ses|son|sa|le meme|leurs) (?:excrements|urine|pipi|caca|couche|couches|lit|selles))|\\blit mouile|\\bdans (?:ses|leurs|mes) (?:excrements|urines)|\\bsans (?:me|la|le|les|lui) changer|\\bferme la porte a cle et part|\\benferme\\w* a cle|\\bcache la nouriture|\\bpas de vrai repas|\\bdort dans (?:le garage|la cave|la voiture|un cabanon)|\\bsous (?:sedatifs|calmants|neuroleptiques|somniferes) (?:en permanence|pour qu|toute la journee)|\\bpour qu (?:elle|il|ils) ne derange|\\bsans acces aux toilettes|\\bsans (?:douche|toilette|soins|se laver) depuis|\\b(?:reste|laise\\w*) (?:seule?s? )?_(?:journee|jour|nuit|week end|soir) sans (?:boire|manger)|\\b(?:me|la|le|les) laise\\w* au lit',
  ]),
  rule('maltraitance', 'institution_neglect', [
    '\\b(?:unite|ehpad|maison de retraite|foyer|residents|residentes|etablisement|institut|ime|mas|fam|clinique|hopital)\\b',
    '\\b(?:retrouvee?s? par terre|personne ne (?:bouge|vient|reagit|fait rien)|attache\\w* (?:au lit|a (?:sa|son) (?:chaise|lit|fauteuil))|sous (?:sedatifs|calmants|neuroleptiques))',
  ]),
  rule('maltraitance', 'extortion', [
    '\\b(?:racket\\w*|extorqu\\w*|rançonn\\w*|ranconn\\w*)',
    '\\b(?:curateur|curatrice|tuteur|tutrice|aide a domicile|auxiliaire|fils|fille|frere|soeur|neveu|niece|petit fils|famille|mere|pere|grand mere|grand pere|voisin|voisine|personel|educat\\w*)\\b',
  ]),
  rule('maltraitance', 'mistreatment_word', ['\\bmaltrait\\w*|\\bmaltraitance\\w*'], { none: ['\\b(?:enfant|enfants|fils|fille|bebe|gamin|gamine|ado)\\b'] }),
  rule('maltraitance', 'money_taken', [
    '\\b(?:prend|prends|prennent|pris|vole\\w*|pique\\w*|vide\\w*|detourne\\w*|garde\\w*|utilise\\w*|retire\\w*|depense\\w*|confisque\\w*|soutire\\w*) _(?:argent|compte|comptes|carte bleue|carte bancaire|sa carte|ma carte|pension|retraite|economies|chequier|sous|allocation|aah|salaire)\\b',
    `\\b${KEEPER}\\b`,
  ], {
    none: [
      '\\b(?:caf|impots|mdph|cpam|huissier|tresor public|urssaf|la poste)\\b',
      // Money spent on the person's own needs (« vider son compte pour payer son EHPAD »), not on another's (« ses propres dettes »).
      '\\bpour (?:payer|regler|financer) (?:son|sa|ses|leur|leurs) (?:ehpad|maison de retraite|foyer|loyer|factures?|soins|hebergement|aide a domicile|obseques|charges|impots|mutuelle)\\b',
      // Money handled with the person's consent, for them: not taken.
      '\\b(?:(?:elle|il) (?:le lui a|me l a|nous l a|l a) demande|(?:m|me|nous|lui|leur) (?:a|ont|avait) demande (?:de|d)|(?:je|qui) (?:le )?lui ai demande|(?:elle|il|papa|maman|ma mere|mon pere) (?:est|etait) d acord|avec (?:son|leur|mon) acord|a (?:sa|leur|ma) demande|je lui fais confiance|pour (?:lui|leur|me) faire (?:ses|leurs|mes|les) courses)\\b',
    ],
  }),

  // Deprived of care: kept from the doctor, treatment or food by the one who should give them.
  rule('maltraitance', 'deprived_of_care', [
    '\\b(?:(?:m|l|la|le|les|lui|leur) empeche\\w* (?:d aler|de (?:voir|consulter|se soigner|prendre))|ne (?:l|la|le|les|m) emene\\w* (?:plus|pas|jamais)|ne (?:lui|leur|me) done\\w* (?:plus|pas) (?:ses|son|sa|leurs|mes|mon|ma) (?:medicaments|traitement|insuline|soins)|refuse\\w* d apeler (?:le|un) (?:medecin|docteur|samu|15)|(?:n|ne) (?:lui |leur |me )?(?:achete|paie|paye)\\w* plus (?:ses|son|sa|mes|les|leurs) (?:medicaments|traitement|courses|repas))',
    '\\b(?:medecin|docteur|soins|soigner|medicaments|traitement|insuline|rendez vous|courses|repas|samu)\\b',
    `\\b${KEEPER}\\b`,
  ]),
  rule('maltraitance', 'adult_neglected', [
    `\\b${ELDER}\\b`,
    '\\b(?:laise\\w* (?:seule?s? )?(?:dans (?:ses|son|sa) (?:excrements|urine|pipi|caca|couche|lit|selles)|sans (?:manger|boire|soins))|(?:ne )?(?:la|le|les|lui) (?:change|lave|leve|nourit|donne a manger|soigne)n?t? (?:pas|plus|jamais)|sans (?:manger|boire|soins) depuis|afame\\w*|deshydrate\\w*|(?<!s )enferme\\w*|(?<!s )atache\\w*|(?:crie|hurle)n?t? (?:dessus|sur (?:elle|lui|eux|ma|mon|sa|son|les|leur))|(?<!\\bpas )(?:la|le|les) brusque\\w*|(?:l|la|le|les|lui) (?:insulte|humilie|menace|rudoie|bouscule|secoue|pince)n?t?\\b|(?:des|de) bleus\\b|hematome\\w*|marques? de coups|traces? de (?:coups|liens|contention)|marques? (?:de liens|aux poignets)|marques? (?:sur|au|aux) (?:le |la |les )?(?:visage|bras|corps|cou|cuises|poignets|jambes)|(?:lui|leur|me) prend tout\\b|laise\\w* dormir (?:par terre|dehors|dans (?:le garage|la cave))|laise\\w* (?:seule?s? )?(?:dans le froid|sans chauffage|sans manger|sans boire)|puni\\w* sans (?:manger|diner|repas|dejeuner)|priv\\w* de (?:repas|manger|nouriture))',
  ], { none: [INNOCENT_CAUSE] }),
];
