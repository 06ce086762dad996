/**
 * Words of danger, found before anything else is answered, said directly or not: suicide (wishes
 * to disappear, means prepared), violence in the couple, abuse of a vulnerable adult, a child in
 * danger, a medical emergency, an immediate danger, a deaf person in danger.
 *
 * Three steps: the text is prepared (normalise.ts: folded, typos and contractions repaired, figures
 * of speech removed, Snowball stems); phrase rules and the « who hurts whom » reading (harm.ts) find
 * danger, each judged in its clause by the context (ruleFindings.ts, context.ts: what is past,
 * hypothetical or a question about a number is left out unless a word of the present says it goes
 * on); the model (model.ts) weighs in, and the thresholds (thresholds.ts) decide. Recall first: in doubt, danger.
 * A signal names the rules that fired, never the user's words: it can be logged.
 */
import { LRUCache } from 'lru-cache';
import type { Priority } from '../domain/vocabulary';
import { DANGER_KINDS, type DangerKind } from '../domain/vocabulary';
import { contextOf, toldFromAfar, type DangerContext } from './context';
import { CARE_EQUIPMENT, errandVisit } from './everyday';
import { childIsAuthorOnly, childIsVictimOnly, harmsIn } from './harm';
import { shippedDangerModel } from './examples';
import { conditionManaged } from './knownCare';
import type { DangerModel, ModelLabel } from './model';
import { prepareForDanger } from './normalise';
import { ownSpending } from './ownStory';
import { DEAF_PATTERN } from './rules';
import { findByRules, type Finding } from './ruleFindings';
import {
  MODEL_ALONE_CONFIDENCE,
  MODEL_ALSO_CONFIDENCE,
  MODEL_CHECK_CONFIDENCE,
  MODEL_MIN_CONTENT_WORDS,
  MODEL_SHORT_CONFIDENCE,
  SHIPPED_THRESHOLDS,
  SPOKEN_CHECK_CONFIDENCE,
  type DangerThresholds,
  type DetectorOptions,
} from './thresholds';

export { DANGER_KINDS };
export type { DangerKind };

/** The numbers to call for each kind, most specific first (the message always adds 112 and 114). */
export const DANGER_NUMBERS: Readonly<Record<DangerKind, readonly string[]>> = {
  sourd: ['114'],
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

/**
 * Is the model's usual confidence enough? Yes when the context of the whole message says nothing of a
 * past, a hypothesis or a question about a number (or a word of the present says it goes on); else it
 * must be surer (it has learnt such messages from the ordinary examples too).
 */
function modelAllowed(kind: ModelLabel, whole: DangerContext): boolean {
  if (whole.over) return false;
  // Today's words alone (« maintenant ») beside a time gone are today against then for a medical event (ruleFindings.ts).
  if (whole.ongoing || (whole.present && !(kind === 'urgence_medicale' && whole.past))) return true;
  if (whole.past || whole.hypothesis || whole.question || whole.explained || toldFromAfar(whole)) return false;
  return kind !== 'urgence_medicale' || (!whole.medicalHistory && !whole.habitual);
}

/**
 * A bare cry for help, an adult kept from care by the one who should give it, no way out (« c'est ma
 * dernière nuit ») or a child named as hurt (« ma fille se fait taper à l'école ») is answered whatever
 * the model thinks (cross-validation: the veto saved no false emergency on these, and lost real ones).
 */
const UNVETOED_CUES: ReadonlySet<string> = new Set(['cry_for_help', 'bare_urgency', 'deprived_of_care', 'no_way_out', 'harm_act_child', 'harm_named_child', 'harm_suffered_child']);

/** What a message holds before any threshold: what the rules found, its context, the model's opinion. */
export interface DangerEvidence {
  found: readonly Finding[];
  /** What the rules found in a fear of one day (« j'ai peur qu'un jour il me frappe »): asked about, never an emergency. */
  feared: readonly Finding[];
  whole: DangerContext;
  opinion: ReturnType<DangerModel['classify']> | undefined;
  contentWords: number;
  deaf: boolean;
  /**
   * The only child the message names is the one who hurts an adult (« mon oncle est battu par sa
   * fille »): the model, which reads words and not who does what, may not add the 119.
   */
  childIsAuthor: boolean;
  /** The harm reading finds a child hurt and no adult (« Léo, 6 ans, trisomique »): the model may not add the 3977. */
  childIsVictim: boolean;
  /** Equipment of care named (« une ceinture de maintien »): the model alone may only ask. */
  careEquipment: boolean;
  /** One's own matter the model misreads (own money spent, an errand visit, a known condition handled): the model alone may only ask. */
  ownMatter: boolean;
}

/** Read a message once: the rules and the model (null when there are no words). */
export function readDanger(text: string, model: DangerModel | null): DangerEvidence | null {
  const prepared = prepareForDanger(text);
  if (prepared.words.length === 0) return null;
  const whole = contextOf(prepared.text, prepared.asked);
  const harms = harmsIn(prepared);
  const childIsAuthor = childIsAuthorOnly(harms, prepared);
  const read = findByRules(prepared, whole, harms);
  // The signs of a neglected child (« des bleus ») next to a child word: not when that child is the one who hurts an adult.
  const found = childIsAuthor ? read.found.filter((each) => each.cue !== 'child_neglected') : read.found;
  return {
    found,
    feared: read.feared,
    whole,
    opinion: model?.classify(prepared),
    contentWords: prepared.content.length,
    deaf: DEAF_PATTERN.test(prepared.text),
    childIsAuthor: childIsAuthor && !found.some((each) => each.kind === 'enfance_en_danger'),
    childIsVictim: childIsVictimOnly(harms, prepared),
    careEquipment: CARE_EQUIPMENT.test(prepared.text),
    ownMatter: ownSpending(prepared.text) || errandVisit(prepared.text) || conditionManaged(prepared.text),
  };
}

/**
 * Danger when the rules fire (their kinds), or when the model is confident of a kind of danger (surer
 * when the context says past, hypothetical or a question, and on few words of substance): the
 * model's kind joins the rules' kinds, cue `<kind>.model`. When the model is very sure a message is
 * ordinary and no word of the present says otherwise, what the rules found is dropped (a rule's false
 * alarm), except a bare cry for help. A deaf person in danger gets the 114 first.
 */
export function decideDanger(evidence: DangerEvidence, thresholds: DangerThresholds): DangerSignal | null {
  const { whole, opinion } = evidence;
  let found = [...evidence.found];
  if (opinion === undefined) return signalOf(found);
  const sureOrdinary = opinion.label === 'none' && opinion.probability >= thresholds.vetoConfidence;
  // A word of the present (« maintenant il reparle de mourir ») keeps what the rules found, and so
  // does a question about a number: the rules already left out the question, what they found is beside it.
  if (sureOrdinary && !whole.present && !whole.question && !found.some((each) => UNVETOED_CUES.has(each.cue))) found = [];
  const inContext = modelAllowed(opinion.label, whole) ? thresholds.confidence : thresholds.contextConfidence;
  const needed = evidence.contentWords >= thresholds.minContentWords ? inContext : Math.max(inContext, thresholds.shortConfidence);
  // The model alone (no rule fired) must also be very sure there is danger, of whatever kind (it may
  // hesitate between two: then the emergency names both numbers); below, decideCheck asks the question.
  // Signs the message explains (« des bleus à cause de son attelle »): the model alone may only ask.
  // A quarrel told beside a silence (« elle ne répond plus à mes messages, elle boude »): the model alone may only ask.
  // Equipment of care named (« une ceinture de maintien »): the model alone may only ask too (everyday.ts), and on one's own matter (ownMatter).
  const sureOfDanger =
    found.length > 0 || (!whole.explained && !whole.sulking && !evidence.careEquipment && !evidence.ownMatter && 1 - opinion.probabilities.none >= thresholds.aloneConfidence);
  const confident = opinion.probability >= needed && sureOfDanger;
  // What the model may add: not the 119 when the child named is the one who hurts an adult.
  const mayAdd = (kind: DangerKind): boolean => !(evidence.childIsAuthor && kind === 'enfance_en_danger') && !(evidence.childIsVictim && kind === 'maltraitance');
  if (opinion.label !== 'none' && confident && mayAdd(opinion.label)) {
    // The model's kind joins the rules' kinds, if any (kinds stay in order of urgency).
    if (found.length === 0 && opinion.label !== 'sourd' && evidence.deaf) found.push({ kind: 'sourd', cue: 'deaf_in_danger' });
    if (!found.some((each) => each.kind === opinion.label)) found.push({ kind: opinion.label, cue: 'model' });
  }
  // Once there is danger, a kind the rules were only in doubt about joins it (« mon voisin de 90 ans ne
  // m'ouvre pas et ne décroche plus depuis deux jours »: the model's number, and the 15).
  if (found.length > 0) for (const each of evidence.feared) if (!found.some((other) => other.kind === each.kind)) found.push(each);
  // Once there is danger, another kind the model finds likely joins it (pills swallowed: 15 and 3114).
  if (found.length > 0) for (const kind of DANGER_KINDS) if (mayAdd(kind) && opinion.probabilities[kind] >= thresholds.alsoConfidence && !found.some((each) => each.kind === kind)) found.push({ kind, cue: 'model_also' });
  return signalOf(found);
}

/** The grey zone: some evidence of danger, below the emergency. The person is asked, with this kind's number. */
export interface DangerCheck {
  kind: DangerKind;
  /** The kind's first number (3919, 3977, 3114…): the one the question gives. */
  number: string;
  /** Why, safe to log: `<kind>.check_rules` (rules the model's veto dropped) or `<kind>.check_model`. */
  cue: string;
  /** How sure: 1 when rules found it, else the model's probability of that kind. */
  confidence: number;
}

/**
 * The second stage, for a message that got no emergency answer: what the rules found but the model
 * vetoed, or else the kind of danger the model finds most likely, when at least `checkConfidence`
 * (at least `confidence` too when the context speaks of a past, a hypothesis or a question).
 * Null when there is no such evidence (or when the emergency answer was given).
 */
export function decideCheck(evidence: DangerEvidence, thresholds: DangerThresholds, signal: DangerSignal | null): DangerCheck | null {
  if (signal !== null || evidence.whole.over) return null;
  const fromRules = DANGER_KINDS.find((kind) => evidence.found.some((each) => each.kind === kind)) ?? DANGER_KINDS.find((kind) => evidence.feared.some((each) => each.kind === kind));
  if (fromRules !== undefined) return checkOf(fromRules, 'check_rules', 1);
  const probabilities = evidence.opinion?.probabilities;
  if (probabilities === undefined) return null;
  let best: DangerKind | undefined;
  for (const kind of DANGER_KINDS) {
    if ((evidence.childIsAuthor && kind === 'enfance_en_danger') || (evidence.childIsVictim && kind === 'maltraitance')) continue;
    if (probabilities[kind] >= thresholds.checkConfidence && (best === undefined || probabilities[kind] > probabilities[best])) best = kind;
  }
  if (best === undefined) return null;
  // In a past, a hypothesis or a question about a number (« c'est quoi le 3114 ? »), the model's
  // usual confidence for an emergency is what makes it ask (« mon ancien mari me suit partout »).
  return modelAllowed(best, evidence.whole) || probabilities[best] >= Math.max(thresholds.checkConfidence, thresholds.confidence) ? checkOf(best, 'check_model', probabilities[best]) : null;
}

const checkOf = (kind: DangerKind, cue: string, confidence: number): DangerCheck => ({ kind, number: DANGER_NUMBERS[kind][0] as string, cue: `${kind}.${cue}`, confidence });

/** What the detector says of a message: the emergency answer, or the second-stage question, or neither. */
export interface DangerReading {
  signal: DangerSignal | null;
  check: DangerCheck | null;
}

/** A danger detector: the rules and the model read the message, the thresholds decide. */
export function createDangerReader(options: DetectorOptions): (text: string) => DangerReading {
  const { model, ...given } = options;
  const thresholds: DangerThresholds = {
    alsoConfidence: MODEL_ALSO_CONFIDENCE,
    minContentWords: MODEL_MIN_CONTENT_WORDS,
    shortConfidence: MODEL_SHORT_CONFIDENCE,
    checkConfidence: MODEL_CHECK_CONFIDENCE,
    aloneConfidence: MODEL_ALONE_CONFIDENCE,
    ...given,
  };
  return (text) => {
    const evidence = readDanger(text, model);
    if (evidence === null) return { signal: null, check: null };
    const signal = decideDanger(evidence, thresholds);
    return { signal, check: decideCheck(evidence, thresholds, signal) };
  };
}

/** The emergency answer alone (the second stage left out). */
export function createDangerDetector(options: DetectorOptions): (text: string) => DangerSignal | null {
  const read = createDangerReader(options);
  return (text) => read(text).signal;
}

/**
 * The danger a person confirmed at the second-stage question (« Oui, je suis en danger »): that kind
 * first, with any other the answer itself names. Cue `<kind>.confirmed`.
 */
export function confirmedDanger(kind: DangerKind, also: DangerSignal | null = null): DangerSignal {
  const found: Finding[] = [{ kind, cue: 'confirmed' }, ...(also?.kinds ?? []).filter((other) => other !== kind).map((other) => ({ kind: other, cue: 'confirmed_also' }))];
  const signal = signalOf(found) as DangerSignal;
  // The kind asked about leads: its number is the one the question gave.
  const kinds = [kind, ...signal.kinds.filter((other) => other !== kind)];
  return { ...signal, kind, kinds, numbers: [...new Set(kinds.flatMap((each) => DANGER_NUMBERS[each]))] };
}

function signalOf(found: readonly Finding[]): DangerSignal | null {
  const kinds = DANGER_KINDS.filter((kind) => found.some((each) => each.kind === kind));
  const [kind] = kinds;
  if (kind === undefined) return null;
  const cues = [...new Set(found.map((each) => `${each.kind}.${each.cue}`))];
  const numbers = [...new Set(kinds.flatMap((each) => DANGER_NUMBERS[each]))];
  return { kind, kinds, numbers, cues, priority: 'prioritaire' };
}

/**
 * The shipped detector: the rules, with the model trained on this project's examples
 * (content/fr/safety-examples-*.yaml). Trained at start, when this module loads (well under a second),
 * never in the middle of a request, where it would hold the event loop.
 */
const shippedReader = createDangerReader({ model: shippedDangerModel(), ...SHIPPED_THRESHOLDS });

/**
 * The last texts read, with what was found: a chat message is checked as it arrives, then its words
 * again by the flow at the question the conversation is on (src/voice/callReading.ts). The detector
 * is pure, so the kept answer is the one it would give again. Bounded; the signals are read-only.
 */
const READ_LATELY_KEPT = 64;
const readLately = new LRUCache<string, DangerReading>({ max: READ_LATELY_KEPT, memoMethod: (text) => shippedReader(text) });

/** The danger a text speaks of, or null. Pure and fast: run it on every message before anything else. */
export function detectDanger(text: string): DangerSignal | null {
  return readLately.memo(text).signal;
}

/** The grey zone (no emergency answer, some evidence of danger): the kind to ask about, or null. */
export function dangerCheck(text: string): DangerCheck | null {
  return readLately.memo(text).check;
}

/** The second-stage question for words said on the phone: as `dangerCheck`, from `SPOKEN_CHECK_CONFIDENCE` when only the model found it. */
export function spokenDangerCheck(text: string): DangerCheck | null {
  const check = readLately.memo(text).check;
  return check !== null && check.confidence >= SPOKEN_CHECK_CONFIDENCE ? check : null;
}

/** Both at once: the emergency answer, or the second-stage question, or neither. */
export function assessDanger(text: string): DangerReading {
  return readLately.memo(text);
}
