/**
 * Who hurts whom: the right number depends on the victim and on who hurts them. A child → 119; an
 * older or disabled adult hurt by family, a carer or an institution → 3977 (a son hitting his mother
 * is that, not a child in danger); a partner → 3919.
 *
 * Reads the words one by one: an act of harm (its Snowball stem: « frappée », « frappait » →
 * « frapp »), the person named or the pronoun just before it (« il me frappe », « l'aide à domicile la
 * pousse »), the person after it (« mon fils frappe ma mère »), or a passive (« elle a été frappée par
 * son fils »). Figures of speech (« il me tape sur les nerfs », « je me bats pour mon fils ») are not harm.
 */
import type { DangerKind } from '../domain/vocabulary';
import { squeeze, stem, type PreparedText } from './normalise';
import { mentionsIn, type Mention, type Person, type Role } from './people';


const stems = (list: string): Set<string> => new Set(list.split(/\s+/).filter(Boolean).map((word) => stem(squeeze(word))));

/** Acts that hurt whoever the victim is. */
const STRONG = stems(`
  frappe frapper frappes frappent frappait frappaient frappera frappee frappees frappes
  bat bats battent battait battaient battu battue battus battre
  cogne cogner cognait cognee gifle gifler giflait giflee viole violer violait violee
  etrangle etrangler etranglait brutalise brutaliser brutalisait brutalisee maltraite maltraiter maltraitait maltraitee
  secoue secouer secouait secouee tabasse tabasser tabassait tabassee blesse blesser blessait blessee
  tripote tripoter tripotait tabassent torture torturer torturait bouscule bousculer bousculait bousculee
  agresse agresser agressait agressee agressent violent violente violents sequestre sequestrer sequestrait sequestree
`);
/** Blows named as nouns: « un coup de poing », « des coups de pied ». */
const BLOW = new Set(['coup', 'coups', 'claque', 'claques', 'gifle', 'gifles', 'bafe', 'bafes', 'beigne']);
/** A slap needs no « de »: « il m'a mis une claque » (and « coupé » is no blow: words, not stems). */
const SLAP = new Set(['claque', 'claques', 'gifle', 'gifles', 'bafe', 'bafes', 'beigne']);
const BLOW_KIND = /^de (?:poing|poings|pied|pieds|couteau|tete|ceinture|baton|bate|marteau)\b/;
/** « jetée par terre », « poussée dans l'escalier »: harm whoever does it. */
const THROWN = stems('jete jetee jeter pousse poussee pousser');
const THROWN_WHERE = /^(?:par terre|au sol|contre (?:le|un) mur|dans l escalier|dans les escaliers|dans l escalier|du lit|de (?:son|mon|sa|ma) fauteuil)\b/;
/** « il a levé la main sur moi ». */
const RAISED = stems('leve lever levait');
/** « me battre » is to fight, not to be beaten: « je n'ai plus la force de me battre ». */
const FIGHT = stems('bat bats battre battent');
/** Acts on a body part: « il m'a cassé le bras », « serré le cou ». */
const ON_BODY = stems('casse casser cassait serre serrer serrait tordu tordre fracture fracturer');
const BODY_PART = /^(?:le |la |les |mon |ma |mes |son |sa |ses )?(?:bras|nez|cou|gorge|poignet|poignets|jambe|jambes|cote|cotes|machoire|dent|dents|doigt|doigts|tete|crane|epaule|main|mains)\b/;
/** Acts that are harm only between named people (« l'auxiliaire pousse ma mère », not « il pousse le fauteuil »). */
const WEAK = stems(`
  pousse pousser poussait poussee pince pincer pincait insulte insulter insultait insultee humilie humilier humiliait
  enferme enfermer enfermait enfermee attache attacher attachait attachee prive priver privait
  menace menacer menacait menacee harcele harceler harcelait harcelee
  force forcer forcait oblige obliger obligeait rabaisse rabaisser rabaissait touche toucher touchait touchee
  mord mordre mordait mordu mordue griffe griffer griffee griffait brule bruler brulait brulee tape taper tapait tapee
  terrorise terroriser terrorisait rudoie rudoyer rudoyait
`);
/** Acts of words, not of the body (« harcelée », « insulté »): between children at school, the question, not the emergency (detect.ts). */
const VERBAL = stems('harcele harceler harcelait harcelee harcelent insulte insulter insultait insultee insultent humilie humilier humiliait humiliee rabaisse rabaisser rabaissait menace menacer menacait menacee menacent');
/** Weak acts that hurt the speaker even when the author is not named: « on me tape », « il me menace ». */
const AGAINST_SPEAKER = stems('tape tapent tapait menace menacent menacee harcele harcelent harcelee pince pincent pincee brule brulee mord mordu mordue griffe griffee terrorise humilie humiliee insulte insultee');
/** Touching is abuse of a child, or by a carer or a relative. */
const CHILD_ONLY = stems('touche toucher touchait touchee');
/** « taper » hurts only with a person as its object: « il me tape », « tape sur elle », not « il tape sur son clavier ». */
const NEEDS_PRONOUN = stems('tape taper tapait tapee brule bruler brulait mord mordre mordait');
/** Past in the verb itself: « il me frappait » (past violence, unless a word of the present says it goes on). */
const VIOLENT = stem('violent');
const IMPERFECT = /(?:ait|aient)$/;

const FIGURATIVE_AFTER = /^(?:sur les nerfs|sur le systeme|a la porte|a la fenetre|les murs|le mur|la porte|dans les murs|sur la table|sur le clavier|sur son clavier|sur mon clavier|des mains|le record|la mesure|en retraite|le fer|(?:la|les|le|mes|ses|nos|vos) (?:loi|lois|droit|droits|regle|regles|reglement|secret|contrat|vie privee)|avec (?:la|sa|son|ma|mon) (?:maladie|handicap|administration|mdph)|(?:de|d) (?:sa |son |ses |la |le |les )?(?:tablete|ecran|ecrans|console|jeux? video|desert|sortie|sorties|tele|television|telephone portable|recreation|recre|fot|match)|a l idee (?:de|d|que|qu)|par (?:les|des|le|la|ces|ses) (?:demarchages?|apels|pubs?|publicites?|mails|messages|sms|notifications|relances|courriers|factures|impots|moustiques))\b/;

/** Who is most likely the author when the sentence does not say (« il me frappe devant les enfants, mon conjoint »). */
const AGGRESSOR_PREFERENCE: readonly Role[] = ['partner', 'carer', 'institution', 'parent', 'relative', 'child'];
const VICTIM_ROLES: ReadonlySet<Role> = new Set(['child', 'partner', 'parent', 'relative']);
/** « il ma frappée » is how many write « il m'a frappée ». */
const SPEAKER_OBJECTS = new Set(['me', 'm', 'nous', 'moi', 'ma']);
const THIRD_OBJECTS = new Set(['le', 'la', 'l', 'les', 'lui', 'leur']);
const SUBJECT_PRONOUNS = new Set(['il', 'elle', 'ils', 'elles', 'on', 'qui']);
const AUXILIARIES = new Set(['a', 'ont', 'avait', 'avaient', 'aura', 'va', 'vont', 'veut', 'veulent', 'continue', 'continuent', 'recommence']);
const BE = new Set(['ete', 'suis', 'es', 'est', 'sommes', 'etes', 'sont', 'etait', 'etais', 'etaient', 'se', 'fait', 'fais', 'font', 'faire', 'fai']);
/** The words between a person named and an object pronoun when that person is its verb's subject (« mon fils la frappe », « mon fils ne la laisse »). */
const SUBJECT_BEFORE_OBJECT = /^(?:|ne|n|qui|qui ne|qui n|lui meme|elle meme)$/;
const REFLEXIVE: ReadonlyArray<[string, string]> = [['je', 'me'], ['tu', 'te'], ['nous', 'nous'], ['vous', 'vous']];

export interface Harm {
  /** The word of the act (for its clause). */
  index: number;
  kinds: DangerKind[];
  /** The rule that read it, e.g. "harm_victim_relative": no user words. */
  cue: string;
  /** Who is hurt, and who hurts (as far as the sentence says). */
  victim: Person;
  aggressor: Person;
  /** The sentence says who hurts (« par son fils », « mon mari la frappe »), not guessed from whoever else is named. */
  authorSaid: boolean;
  /** An act of words (« harcelé », « insulté », « du harcèlement »), not of the body. */
  verbal: boolean;
}

function nearestBefore(mentions: readonly Mention[], index: number, window = 8): Mention | undefined {
  return [...mentions].reverse().find((m) => m.end < index && index - m.end <= window);
}

function nearestAfter(mentions: readonly Mention[], index: number, window = 4): Mention | undefined {
  return mentions.find((m) => m.index > index && m.index - index <= window);
}

function kindsFor(victim: Person, aggressor: Person, mentions: readonly Mention[]): DangerKind[] {
  const named = (role: Role) => mentions.some((m) => m.role === role);
  switch (victim) {
    case 'child':
      return ['enfance_en_danger'];
    case 'parent':
    case 'relative':
      // « mon père frappe maman », « sa sœur vit avec son compagnon… »: the couple, and a vulnerable adult.
      return aggressor === 'parent' || aggressor === 'partner' || (aggressor === 'unknown' && named('partner')) ? ['violence_conjugale', 'maltraitance'] : ['maltraitance'];
    case 'partner':
      return ['violence_conjugale'];
    case 'speaker':
      if (aggressor === 'partner') return ['violence_conjugale'];
      // « mon père me frappe »: a child, or an adult with a disability.
      if (aggressor === 'parent') return ['enfance_en_danger', 'maltraitance'];
      if (aggressor === 'child' || aggressor === 'relative' || aggressor === 'carer' || aggressor === 'institution') return ['maltraitance'];
      return ['violence_conjugale'];
    default: {
      if (aggressor === 'partner') return ['violence_conjugale'];
      if (aggressor === 'carer' || aggressor === 'institution') return ['maltraitance'];
      const kinds: DangerKind[] = [];
      if (named('child')) kinds.push('enfance_en_danger');
      if (named('partner')) kinds.push('violence_conjugale');
      if (named('parent') || named('relative') || named('carer') || named('institution')) kinds.push('maltraitance');
      return kinds.length > 0 ? kinds : ['violence_conjugale'];
    }
  }
}

/** Every act of harm in the text, with the kinds its victim and its author call for. */
export function harmsIn(prepared: PreparedText): Harm[] {
  const { words: tokens, stems: tokenStems } = prepared;
  const mentions = mentionsIn(tokens);
  /** « j'ai 14 ans »: the speaker is a child. */
  const speakerIsMinor = /(?:^| )j ai (?:[4-9]|1[0-7]|quatorze|quinze|seize|dix sept|treize|douze|onze|dix) ans\b/.test(tokens.join(' '));
  const harms: Harm[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const verb = tokenStems[i] as string;
    // « forcément », « violemment »: adverbs share a stem with an act but are none.
    if ((tokens[i] as string).endsWith('ment')) continue;
    const after = tokens.slice(i + 1, i + 5).join(' ');
    const word = tokens[i] as string;
    const blow = BLOW.has(word) && (BLOW_KIND.test(after) || SLAP.has(word));
    const strong = STRONG.has(verb) || blow || (RAISED.has(verb) && /^la main sur\b/.test(after)) || (ON_BODY.has(verb) && BODY_PART.test(after)) || (THROWN.has(verb) && THROWN_WHERE.test(after));
    if (!strong && !WEAK.has(verb)) continue;
    const before = tokens[i - 1] ?? '';
    const beforeThat = tokens[i - 2] ?? '';
    if (FIGURATIVE_AFTER.test(after)) continue;
    // « le cœur qui bat très vite »
    if (FIGHT.has(verb) && beforeThat === 'coeur') continue;
    if (FIGHT.has(verb) && ['me', 'te', 'se', 'nous', 'vous'].includes(before) && (tokens[i] === 'batre' || ['je', 'tu', 'de', 'a', 'pour', 'nous', 'vous'].includes(beforeThat))) continue;
    if (before === 'se' || before === 's' || REFLEXIVE.some(([subject, object]) => beforeThat === subject && before === object)) continue;
    // « elle s'est cassé le bras », « je me suis brûlée »: done to oneself.
    if (['est', 'suis', 'es', 'sont', 'sommes'].includes(before) && ['s', 'se', 'm', 'me', 't', 'te', 'nous'].includes(beforeThat)) continue;
    if (IMPERFECT.test(tokens[i] as string)) continue;
    // « il ne nous touche pas », « il ne m'a jamais frappée », « il ne la frappe plus »: an act denied is none.
    if (denied(tokens, i)) continue;
    // « mon ex qui était violent »: the imperfect is on the verb before the adjective.
    if (verb === VIOLENT && (IMPERFECT.test(before) || (before === 'ete' && IMPERFECT.test(beforeThat)))) continue;

    // Who is hurt, and by whom.
    let victim: Person = 'unknown';
    let aggressor: Person = 'unknown';
    const pronounAt = blow
      ? (() => {
          for (let j = i - 1; j >= Math.max(0, i - 4); j--) if (SPEAKER_OBJECTS.has(tokens[j] as string) || THIRD_OBJECTS.has(tokens[j] as string)) return j;
          return -1;
        })()
      : SPEAKER_OBJECTS.has(before) || THIRD_OBJECTS.has(before) ? i - 1 : AUXILIARIES.has(before) && (SPEAKER_OBJECTS.has(beforeThat) || THIRD_OBJECTS.has(beforeThat)) ? i - 2 : -1;
    const adjective = verb === VIOLENT;
    const passive = !adjective && (BE.has(before) || tokens[i - 2] === 'victime');
    if (passive) {
      const speakerSubject = ['suis', 'me', 'fais', 'fai'].includes(before) || ['je', 'j', 'me', 'm'].includes(beforeThat) || tokens.slice(Math.max(0, i - 4), i).some((t) => t === 'je' || t === 'j');
      const left = nearestBefore(mentions, i);
      victim = left?.role ?? (speakerSubject ? 'speaker' : 'unknown');
      const par = tokens.indexOf('par', i);
      const by = par > 0 && par - i <= 3 ? nearestAfter(mentions, par, 3) : undefined;
      aggressor = by?.role ?? 'unknown';
    } else if (pronounAt >= 0) {
      const pronoun = tokens[pronounAt] as string;
      const left = nearestBefore(mentions, pronounAt);
      const subjectPronoun = SUBJECT_PRONOUNS.has(tokens[pronounAt - 1] ?? '');
      if (SPEAKER_OBJECTS.has(pronoun)) {
        victim = 'speaker';
        aggressor = left?.role ?? 'unknown';
      } else if (subjectPronoun && tokens[pronounAt - 1] !== 'qui' && left && VICTIM_ROLES.has(left.role)) {
        // « mon neveu vit chez ma tante et il la frappe »: the last person named is the victim, the one before the author.
        victim = left.role;
        aggressor = nearestBefore(mentions, left.index, 12)?.role ?? 'unknown';
      } else if (left && /^de (?:mon|ma|mes|son|sa|ses|notre|nos|leur|leurs|la|l)$/.test(tokens.slice(left.index - 2, left.index).join(' ')) && nearestBefore(mentions, left.index, 4)) {
        // « le père de mon fils le frappe »: the head of the phrase hurts, its complement is hurt.
        aggressor = nearestBefore(mentions, left.index, 4)?.role ?? 'unknown';
        victim = VICTIM_ROLES.has(left.role) ? left.role : 'third';
      } else if (left && VICTIM_ROLES.has(left.role) && !SUBJECT_BEFORE_OBJECT.test(tokens.slice(left.end + 1, pronounAt).join(' ')) && nearestBefore(mentions, left.index, 12)) {
        // « un père hurle sur son enfant et le frappe », « ma voisine crie sur son bébé, je l'entends le
        // taper »: a person named away from the pronoun is whom it stands for; the one before hurts.
        victim = left.role;
        aggressor = nearestBefore(mentions, left.index, 12)?.role ?? 'unknown';
      } else {
        aggressor = left?.role ?? 'unknown';
        // Not the one who writes (« je suis la grand-mère de Léo, ma belle-fille l'attache »).
        victim = mentions.find((m) => m !== left && !m.speaker && VICTIM_ROLES.has(m.role))?.role ?? 'third';
      }
    } else {
      if (NEEDS_PRONOUN.has(verb) && !/^(?:dessus|sur (?:moi|lui|elle|eux|nous))\b/.test(after)) continue;
      const left = nearestBefore(mentions, i);
      const right = nearestAfter(mentions, i);
      aggressor = left?.role ?? 'unknown';
      victim = right?.role ?? (/^(?:dessus|sur moi|(?:avec|envers|contre) moi|la main sur moi)\b/.test(after) ? 'speaker' : 'unknown');
    }
    // « on le frappe à l'ehpad », « il m'a poussée, mon mari »: whoever else is named is who hurts.
    const authorSaid = aggressor !== 'unknown';
    if (aggressor === 'unknown') aggressor = mentions.find((m) => m.role === 'carer' || m.role === 'institution')?.role ?? 'unknown';
    if (aggressor === 'unknown' && victim === 'speaker') aggressor = AGGRESSOR_PREFERENCE.find((role) => mentions.some((m) => m.role === role)) ?? 'unknown';
    // « violent » names no victim by itself: « violent avec l'administration » is not harm.
    if (adjective && (victim === 'unknown' || victim === 'third')) continue;
    if (CHILD_ONLY.has(verb) && victim !== 'child' && aggressor !== 'carer' && aggressor !== 'institution' && aggressor !== 'parent' && aggressor !== 'relative') continue;
    // A weak act is harm between named people only (a passive names its victim: « elle se fait
    // taper »), or a threat to the speaker (« on me menace »).
    const threatToSpeaker = victim === 'speaker' && AGAINST_SPEAKER.has(verb);
    if (!strong && !threatToSpeaker && (victim === 'unknown' || victim === 'third' || (aggressor === 'unknown' && !passive))) continue;
    // Nobody named, no pronoun: « il frappe » says too little.
    if (victim === 'unknown' && aggressor === 'unknown' && mentions.length === 0) continue;
    if (victim === 'speaker' && speakerIsMinor) victim = 'child';
    // « ma fille de 3 ans me tape quand elle est en colère »: a young child who hits an adult is no abuse.
    if (aggressor === 'child' && victim !== 'child' && mentions.filter((m) => m.role === 'child').every((m) => m.young)) continue;
    harms.push({ index: i, kinds: kindsFor(victim, aggressor, mentions), cue: `harm_${strong ? 'act' : 'named'}_${victim}`, victim, aggressor, authorSaid, verbal: !strong && VERBAL.has(verb) });
  }
  harms.push(...suffered(tokens, mentions, speakerIsMinor));
  return harms;
}

const DENIALS = new Set(['pas', 'jamais', 'plus', 'rien']);
const NEGATIONS = new Set(['ne', 'n']);
const NOT_ONLY = /^(?:seulement|que|qu|uniquement|juste)$/;

/** Is the act at `i` denied: « ne … pas » around it (« il ne la frappe pas ») or its auxiliary (« il ne m'a jamais frappée »)? */
function denied(tokens: readonly string[], i: number): boolean {
  const negatedBefore = (from: number): boolean => tokens.slice(Math.max(0, from - 3), from).some((token) => NEGATIONS.has(token));
  // « il ne la frappe pas seulement », « ne … pas que »: not only, so done.
  if (NOT_ONLY.test(tokens.slice(i + 2, i + 3).join(' '))) return false;
  if (DENIALS.has(tokens[i + 1] ?? '') && negatedBefore(i)) return true;
  const auxiliary = i - 2;
  return DENIALS.has(tokens[i - 1] ?? '') && AUXILIARIES.has(tokens[auxiliary] ?? '') && negatedBefore(auxiliary);
}

const SUFFERS = /^(?:des |de |d |la |les )?(?:violence|violences|coups|maltraitance|maltraitances|agression|agressions|abus|atouchements|viol|viols|harcelement|brimades|sevices)\b/;

/** « mon fils subit des violences », « je suis victime de coups »: the person before is the victim. */
function suffered(tokens: readonly string[], mentions: readonly Mention[], speakerIsMinor: boolean): Harm[] {
  const harms: Harm[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i] as string;
    const next = tokens.slice(i + 1, i + 4).join(' ');
    const isSuffer = /^(?:subit|subi|subis|subisent|victime|victimes)$/.test(word) && (word.startsWith('victime') ? /^(?:de|d) /.test(next) && SUFFERS.test(next.replace(/^(?:de|d) /, '')) : SUFFERS.test(next));
    if (!isSuffer) continue;
    const speaker = ['je', 'j', 'suis'].some((w) => tokens.slice(Math.max(0, i - 3), i).includes(w));
    const left = nearestBefore(mentions, i);
    let victim: Person = left?.role ?? (speaker ? 'speaker' : 'unknown');
    if (victim === 'speaker' && speakerIsMinor) victim = 'child';
    const par = tokens.slice(i, i + 8).indexOf('par');
    const aggressor = par > 0 ? (nearestAfter(mentions, i + par, 3)?.role ?? 'unknown') : 'unknown';
    harms.push({ index: i, kinds: kindsFor(victim, aggressor, mentions), cue: `harm_suffered_${victim}`, victim, aggressor, authorSaid: aggressor !== 'unknown', verbal: /^(?:du |de |d |le |les )?(?:harcelement|brimades|insultes|moqueries)\b/.test(next) });
  }
  return harms;
}

/** School and its pupils, where children's words hurt children (« au collège », « dans le bus scolaire », « d'autres élèves »). */
const SCHOOL = /\b(?:ecole|colege|lycee|clase|cour de recre|recre|recreation|cantine|bus scolaire|car scolaire|eleves?|camarades|primaire|maternele|internat|reseaux sociaux|snap|snapchat|instagram|tiktok|cyberharcelement)\b/;

/**
 * Words between children at school (« ma fille est harcelée au collège », « il se fait insulter par
 * d'autres élèves »): a child hurt by words, by no adult named. Not an emergency by itself: the FAQ's
 * answer and the question « Un enfant est-il en danger… 119 ». Blows (« il se fait frapper au
 * collège ») and an adult said to harass (« par sa maîtresse ») are not this; a school nurse or
 * « l'établissement » named beside it is no author.
 */
export function peerHarassment(harm: Harm, prepared: PreparedText): boolean {
  return harm.verbal && harm.victim === 'child' && (!harm.authorSaid || harm.aggressor === 'child') && SCHOOL.test(prepared.text);
}

/** Does the text name a child (« mon fils », « ma fille de 8 ans »; not « mon fils de 30 ans »)? */
function namesAChild(prepared: PreparedText): boolean {
  return mentionsIn(prepared.words).some((mention) => mention.role === 'child');
}

/** Adults the harm reading can find hurt (a partner, a parent, a relative, the speaker when not a minor). */
const ADULT_VICTIMS: ReadonlySet<string> = new Set(['partner', 'parent', 'relative', 'speaker']);

/**
 * Does the harm reading say a child is hurt and no adult is, the child named by age or school stage
 * (« ma belle-fille attache Léo, 6 ans »)?
 * A child gets the 119 even when disabled: the model may not add the 3977 (README « Thirteenth round »).
 */
export function childIsVictimOnly(harms: readonly Harm[], prepared: PreparedText): boolean {
  if (!harms.some((harm) => harm.victim === 'child') || harms.some((harm) => ADULT_VICTIMS.has(harm.victim))) return false;
  // Only a child by age or school stage: « mon fils », « son petit-fils » may be adults (« ma voisine de 85 ans, son petit-fils… »).
  return mentionsIn(prepared.words).some((mention) => mention.role === 'child' && mention.sure === true);
}

/**
 * Does the harm reading say an adult is hurt, no child is hurt, and the only child named (if any) is
 * the one who hurts (« battu par sa fille », « son petit-fils qui la frappe », « mon fils de 30 ans »)?
 */
export function childIsAuthorOnly(harms: readonly Harm[], prepared: PreparedText): boolean {
  if (harms.some((harm) => harm.victim === 'child')) return false;
  const adultHurt = harms.filter((harm) => ADULT_VICTIMS.has(harm.victim));
  return adultHurt.some((harm) => harm.aggressor === 'child') || (adultHurt.length > 0 && !namesAChild(prepared));
}
