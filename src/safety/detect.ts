/**
 * Words of danger, found before anything else is answered: suicide, violence in the couple, a child
 * in danger, mistreatment of a vulnerable adult, a medical emergency, an immediate danger.
 *
 * Written for what people really type: no accents, doubled or missing letters (« mourrir »,
 * « frape »), spoken contractions (« jveux »), small typos on the long words (« sucide »).
 * When in doubt the rules lean towards safety (« je meurs de fatigue » gets the numbers: harmless),
 * but ordinary phrasings are left alone (« mort de rire », « ça me tape sur les nerfs », « le
 * Secours populaire », « un recours »). A signal carries the name of the rule that fired, never the
 * user's words: it can be logged.
 */
import type { Priority } from '../domain/vocabulary';
import { editDistance, foldText } from '../knowledge/normalise';

export const DANGER_KINDS = [
  'urgence_medicale',
  'danger_immediat',
  'suicide',
  'enfance_en_danger',
  'violence_conjugale',
  'maltraitance',
] as const;
/** In order of urgency: the first kind found leads the message. */
export type DangerKind = (typeof DANGER_KINDS)[number];

/** The numbers to call for each kind, most specific first (the message always adds 112 and 114). */
export const DANGER_NUMBERS: Readonly<Record<DangerKind, readonly string[]>> = {
  urgence_medicale: ['15', '112'],
  danger_immediat: ['112', '17'],
  suicide: ['3114'],
  enfance_en_danger: ['119', '3977'],
  violence_conjugale: ['3919', '3977', '17'],
  maltraitance: ['3977'],
};

export interface DangerSignal {
  /** The most urgent kind found. */
  kind: DangerKind;
  /** Every kind found, most urgent first (kinds[0] === kind). */
  kinds: DangerKind[];
  /** Numbers of every kind found, most urgent first, without repeats. */
  numbers: string[];
  /** Names of the rules that fired, e.g. "suicide.wish_to_die": safe to log (no user text). */
  cues: string[];
  /** Always « prioritaire »: the conversation goes to an advisor first. */
  priority: Priority;
}

/** "mourrir" → "mourir", "frappe" → "frape": runs of one letter become one (rules are written the same way). */
function squeeze(text: string): string {
  return text.replace(/([a-z])\1+/g, '$1');
}

/** Spoken contractions: « jveux » → « je veux », « chui » → « je suis ». */
const CONTRACTIONS: Readonly<Record<string, string>> = {
  chui: 'je suis',
  chuis: 'je suis',
  jsuis: 'je suis',
  jveu: 'je veux',
  jveux: 'je veux',
  jve: 'je veux',
  jvais: 'je vais',
  jvai: 'je vais',
  jpense: 'je pense',
  jme: 'je me',
  jen: 'j en',
  jai: 'j ai',
  jpeux: 'je peux',
  jpeu: 'je peux',
  mtuer: 'me tuer',
  stuer: 'se tuer',
};

/** Long words often mistyped, matched within one typo (words that would collide with ordinary ones are left out: secours/recours, mourir/nourrir). */
const FUZZY_WORDS = ['suicide', 'suicider', 'suicidaire', 'maltraite', 'maltraiter', 'maltraitance', 'maltraitee', 'cardiaque', 'inconsciente', 'inconscient', 'convulse'].map(squeeze);

function canonicalWord(word: string): string {
  if (word.length < 6) return word;
  for (const known of FUZZY_WORDS) if (word === known || editDistance(word, known, 1) <= 1) return known;
  return word;
}

/** Folded, squeezed, contractions opened, long words repaired; padded with spaces. */
export function prepareForDanger(text: string): string {
  const prepared = squeeze(foldText(text))
    .split(' ')
    .map((word) => CONTRACTIONS[word] ?? canonicalWord(word))
    .join(' ');
  return ` ${prepared} `;
}

/**
 * A rule source is written in plain (folded) French with regular-expression syntax; letters are
 * squeezed like the text (so « frappe » is written naturally), escapes are kept as they are.
 * `_` stands for « up to three words ».
 */
function rule(source: string): RegExp {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    if (char === '\\') {
      out += char + (source[i + 1] ?? '');
      i++;
    } else if (/[a-z]/.test(char) && out.endsWith(char) && !out.endsWith(`\\${char}`)) {
      continue;
    } else {
      out += char;
    }
  }
  return new RegExp(out.replace(/_/g, '(?:[a-z0-9]+ ){0,3}'));
}

const CHILD = '(?:enfant|enfants|fils|fille|filles|bebe|gamin|gamine|petit|petite|ado|adolescent|adolescente|neveu|niece|eleve|mineur|mineure)';
const PARTNER = '(?:mari|conjoint|conjointe|compagnon|compagne|copain|copine|mec|ex|concubin|concubine|femme|epoux|epouse)';
/** Threats and control from a partner. */
const PARTNER_THREAT = '\\b(?:menace\\w*|harcele\\w*|fait peur|me surveille|m enferme|enferme)\\b';
const RELATIVE = '(?:pere|mere|papa|maman|frere|soeur|grand pere|grand mere|oncle|tante|proche|resident|residente|patient|patiente)';
/** « il me tape sur les nerfs », « frapper à la porte », « il frappe les murs »: no one is hurt. */
const NOT_FIGURATIVE = '(?! sur les nerfs| sur le systeme| a la porte| a la fenetre| les murs| le mur| la porte| dans les murs| sur la table)';
/**
 * Acts of violence, not after a reflexive pronoun (« je me bats pour mon fils », « il se cogne »)
 * nor in a figure of speech (« il me tape sur les nerfs », « frapper à la porte »).
 */
const HURT =
  '(?:(?<!\\b(?:je me|tu te|se|s|nous nous|vous vous) )\\b' +
  '(?:frappe\\w*|frapper|bat|bats|battu\\w*|battait|cogne\\w*|viol|viole|violee|violes|violees|violer|etrangle\\w*|gifle\\w*|brutalise\\w*|maltraite\\w*|secoue|secouee|brule|brulee|tabasse\\w*|abus sexuel\\w*|abuse\\w* sexuel\\w*|attouchement\\w*' +
  // « taper » hurts someone only with a person as its object: « il me tape », « il lui tape dessus », not « il tape sur son clavier ».
  '|(?:me|m|te|t|le|la|les|lui|nous|vous|l) (?:tape|tapent|tapait)|tape\\w* (?:dessus|sur (?:moi|lui|elle|eux|nous)))' +
  // The passive « elle se fait taper ».
  '|\\b(?:fait|fais|font|faire) (?:taper|frapper|battre|violer|tabasser))' +
  `\\b${NOT_FIGURATIVE}`;
/** « il subit des violences », « victime de coups ». */
const SUFFERS = '\\b(?:subit|subi|subissent|victime de|victime d|victimes de) (?:des |de |d )?(?:violence|violences|coups|maltraitance|maltraitances|agression|agressions|abus)\\b';

/** « j'ai avalé tous mes cachets »: a medical emergency, and maybe an attempt. */
const PILLS = '\\b(?:avale|pris) _(?:medicament|medicaments|cachet|cachets|comprime|comprimes|pilule|pilules|boite)';

interface Rule {
  kind: DangerKind;
  cue: string;
  /** Every pattern must match. */
  all: RegExp[];
  /** None of these may match. */
  none?: RegExp[];
}

const r = (kind: DangerKind, cue: string, all: string[], none: string[] = []): Rule => ({
  kind,
  cue,
  all: all.map(rule),
  none: none.map(rule),
});

export const DANGER_RULES: readonly Rule[] = [
  // Medical emergency: 15 (SAMU) or 112.
  r('urgence_medicale', 'breathing', [' (?:ne )?respire (?:plus|plu|pas|mal|presque plus)\\b|\\bn arrive (?:plus|pas) a respirer|\\bdu mal a respirer|\\betouffe\\w*']),
  r('urgence_medicale', 'heart_or_stroke', ['\\b(?:crise|arret) cardia\\w*|\\binfarctus|\\bavc\\b|\\battaque cerebrale|\\bdouleur\\w* (?:a|dans) la poitrine|\\bmal (?:a|dans) la poitrine']),
  r('urgence_medicale', 'faint', ['\\bmalaise\\b|\\bevanoui\\w*|\\bperdu connaissance|\\binconscient\\w*|\\bne (?:se )?reveille (?:plus|pas)|\\bne bouge plus']),
  r('urgence_medicale', 'seizure_or_bleeding', ['\\bconvulse\\w*|\\bconvulsion\\w*|\\bcrise d epilepsie|\\bsaigne\\w* (?:beaucoup|enormement|abondamment)|\\bhemorragie|\\boverdose|\\bintoxi\\w*|\\bempoisonne\\w*']),
  r('urgence_medicale', 'swallowed_pills', [PILLS]),

  // Immediate danger: 112 (or 17, police).
  r('danger_immediat', 'cry_for_help', ['\\bau secours?\\b(?! populaire| catholique)|^ (?:(?:a l aide|aidez moi|aide moi|vite|svp|help|s il vous plait) ?)+$']),
  r('danger_immediat', 'threat_to_kill', ['\\b(?:va|vas|vais|veut|veulent|vont|menace de|menace|essaie de|essaye de|a essaye de) (?:me|m|nous|te|le|la|les|l) tuer\\b']),
  r('danger_immediat', 'weapon', ['\\b(?:couteau|arme|armes|fusil|pistolet|revolver)\\b']),
  r('danger_immediat', 'in_danger', ['(?<!\\b(?:pas|plus|jamais) )\\ben danger\\b|\\bdanger de mort|\\bincendie|\\by a le feu|\\bau feu\\b']),
  r('danger_immediat', 'assault', ['\\b(?:agresse|agressee|agresser|agression|agressions)\\b|\\b(?:essaie|essaye|essayent|veut|veulent|tente|tentent|a essaye|ont essaye) (?:d |de )?(?:entrer|rentrer) (?:de force )?chez (?:moi|nous)|\\bforce la porte']),

  // Suicide: 3114.
  r('suicide', 'suicide_word', ['\\bsuicid\\w*']),
  r('suicide', 'swallowed_pills', [PILLS]),
  r('suicide', 'wish_to_die', ['\\b(?:veux|veut|veu|ve|voudrais|voudrait|vais|va|vai|envie de|pense a|prefere|prefererais|aimerais|aimerait|besoin de) (?:_)?(?:mourir|crever|disparaitre|en finir)\\b(?! de rire)']),
  r('suicide', 'no_will_to_live', ['\\b(?:plus|pas|marre de|fatigue de|aucune raison de|plus de raison de) (?:envie de )?vivre\\b|\\bla vie n a plus de sens|\\bidees noires']),
  r('suicide', 'kill_oneself', ['\\b(?:me|m|se|s|te) (?:tuer|pendre|foutre en l air|fout en l air|jeter sous|jeter par|jeter du|ouvrir les veines|couper les veines|faire du mal|mutiler|scarifier)\\b|\\bmettre fin a (?:mes|ses|tes|leurs|ma|sa) (?:jours|vie)'], [
    '\\b(?:il|elle|ils|elles|on) (?:va|veut|vont|veulent|menace de|menace|essaie de|essaye de|a essaye de) (?:me|m|nous) tuer',
  ]),
  r('suicide', 'end_it', ['\\ben finir\\b(?! avec (?!la vie|ma vie|sa vie|tout|moi|ca|cette vie))']),
  r('suicide', 'i_am_dying', ['\\bje (?:meurs|meur|me sens mourir|vais mourir|vais crever)\\b(?! de rire)|\\bsauter (?:par la fenetre|du pont|sous un train|du balcon)']),

  // A child in danger: 119 (and 3977 when the « child » is an adult with a disability).
  r('enfance_en_danger', 'child_hurt', [`\\b${CHILD}\\b`, `${HURT}|${SUFFERS}`]),
  r('enfance_en_danger', 'child_danger_word', ['\\benfance en danger|\\benfant en danger|\\benfant battu\\w*|\\binceste']),

  // Violence in the couple: 3919 (3977 for a person with a disability, 17 in immediate danger).
  r('violence_conjugale', 'partner_hurts', [`\\b(?:mon|ma|son|sa|mes) ${PARTNER}\\b`, `${HURT}|${SUFFERS}`], [`\\b${CHILD}\\b`]),
  r('violence_conjugale', 'partner_threatens', [`\\b(?:mon|ma|son|sa|mes) ${PARTNER}\\b`, PARTNER_THREAT], [`\\b${CHILD}\\b`]),
  r('violence_conjugale', 'violence_word', ['\\bviolence\\w* conjugal\\w*|\\bfemme battue|\\bviolence\\w* (?:dans le|de mon|du) couple']),
  r('violence_conjugale', 'someone_hurts_me', [`\\b(?:il|elle|on|ils) (?:(?:me|m|m a|m ont|m avait) ${HURT}|(?:me|m a|m ont) tape\\w*\\b${NOT_FIGURATIVE})`], [`\\b${CHILD}\\b`, `\\b${RELATIVE}\\b`]),
  r('violence_conjugale', 'sexual_violence', ['\\b(?:j ai ete|je me suis fait|je me fais|on m a) viol\\w*|\\b(?:ete|suis|etait|m a|l a|s est fait|se fait|me suis fait) viole\\w*|\\b(?:un|des|le|du) viols?\\b'], [`\\b${CHILD}\\b`]),

  // Mistreatment of an adult with a disability or an older person: 3977.
  r('maltraitance', 'mistreatment_word', ['\\bmaltrait\\w*'], [`\\b${CHILD}\\b`]),
  r('maltraitance', 'relative_hurt', [`\\b${RELATIVE}\\b`, `${HURT}|${SUFFERS}`], [`\\b${CHILD}\\b`]),
  r('maltraitance', 'someone_hurts_them', [`\\b(?:on|ils|il|elle) (?:le|la|les|lui) ${HURT}`], [`\\b${CHILD}\\b`]),
];

/** The danger a text speaks of, or null. Pure and fast: run it on every message before anything else. */
export function detectDanger(text: string): DangerSignal | null {
  const prepared = prepareForDanger(text);
  if (prepared.trim() === '') return null;
  const cues: string[] = [];
  const found = new Set<DangerKind>();
  for (const candidate of DANGER_RULES) {
    if (candidate.all.every((pattern) => pattern.test(prepared)) && !(candidate.none ?? []).some((pattern) => pattern.test(prepared))) {
      found.add(candidate.kind);
      cues.push(`${candidate.kind}.${candidate.cue}`);
    }
  }
  const kinds = DANGER_KINDS.filter((kind) => found.has(kind));
  const [kind] = kinds;
  if (kind === undefined) return null;
  const numbers = [...new Set(kinds.flatMap((each) => DANGER_NUMBERS[each]))];
  return { kind, kinds, numbers, cues, priority: 'prioritaire' };
}
