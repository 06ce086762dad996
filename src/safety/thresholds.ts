/**
 * The thresholds that decide what the danger model may say (detect.ts), and the shipped ones: chosen
 * by the grid of `npm run eval:safety -- --cv=5 --grid`, not set by hand (README « Safety first »).
 */
import type { DangerModel } from './model';

/** How sure the model must be, and when it may speak: what the grid of « Safety first » (README) chooses. */
export interface DangerThresholds {
  /** How sure the model must be of a kind of danger to raise it when no rule fired (0–1). */
  confidence: number;
  /** How sure the model must be that a message is ordinary to drop what the rules found (0–1; above 1: never). */
  vetoConfidence: number;
  /** How sure it must be when the context speaks of a past, a hypothesis or a question (0–1; above 1: never). */
  contextConfidence: number;
  /** How likely another kind must be to join a danger already found (it raises no alarm by itself). */
  alsoConfidence: number;
  /** Fewer words of substance than this and the model must reach `shortConfidence`: short messages are mostly left to the rules. */
  minContentWords: number;
  /** How sure the model must be on a short message (0–1; above 1: never). */
  shortConfidence: number;
  /**
   * The grey zone, below the emergency: how likely a kind of danger must be for the second-stage
   * question (« Êtes-vous en danger en ce moment ? » with that kind's number; 0–1; above 1: never).
   */
  checkConfidence: number;
  /**
   * When no rule and no « who hurts whom » reading fired, how sure the model alone must be for the full
   * emergency answer (0–1; 0: its usual confidence is enough). Below it, the person gets the
   * second-stage question with the kind's number instead.
   */
  aloneConfidence: number;
}

type Defaulted = 'alsoConfidence' | 'minContentWords' | 'shortConfidence' | 'checkConfidence' | 'aloneConfidence';
export interface DetectorOptions extends Omit<DangerThresholds, Defaulted>, Partial<Pick<DangerThresholds, Defaulted>> {
  /** The statistical second opinion, or null for the rules alone. */
  model: DangerModel | null;
}

/**
 * The shipped thresholds, chosen by the grid of `npm run eval:safety -- --cv=5 --grid` (5-fold
 * cross-validation): the highest minimum recall over the seven kinds whose false emergencies stay
 * within a point of the reference setting's (README « Safety first »). Not set by hand.
 */
export const MODEL_CONFIDENCE = 0.4;
export const MODEL_CONTEXT_CONFIDENCE = 0.7;
export const MODEL_VETO_CONFIDENCE = 0.98;
export const MODEL_ALSO_CONFIDENCE = 0.1;
/** On few words of substance (« je veux courir »), the model's opinion rests on a bigram or two: left to the rules. */
export const MODEL_MIN_CONTENT_WORDS = 6;
export const MODEL_SHORT_CONFIDENCE = 0.95;
/**
 * The grey zone. The grid (within its budget of questions on the ordinary look-alikes) chose 0.15; but
 * people's everyday questions are what the chat mostly reads, and its buttons replace the flow's: at
 * 0.15, 3.9 % of the FAQ's examples got the question (« pouvez-vous me passer quelqu'un ? » → the 112),
 * 1.6 % at 0.3 (a budget of 2 %), for a weakest cross-validated recall of 89.1 % instead of 92.0 %
 * (`npm run eval:safety -- --ordinary` and `-- --cv=5`).
 */
export const MODEL_CHECK_CONFIDENCE = 0.3;
/**
 * On the phone the question is a turn of its own (« Dites oui ou non »), not a line under the answer
 * as in the chat: it is asked from the model's word only from this probability. At 0.15, 15 % of the
 * phone menus' ordinary examples were asked (« je n'arrive plus à me laver » → the 15); at 0.4, 2.8 %,
 * for a weakest cross-validated recall of 88.6 % instead of 92.0 % (`npm run eval:safety -- --ordinary`).
 */
export const SPOKEN_CHECK_CONFIDENCE = 0.4;
/**
 * The model alone (no rule fired) gives the full emergency answer only from this probability; below,
 * the second-stage question (its number at once, counted as found). Compared with `1 - p(none)`: the
 * model may hesitate between two kinds of danger. 5-fold cross-validation: the highest value that
 * loses no danger (false emergencies 27 → 18 of 1076, questions 62 → 71; README « Tenth round »).
 */
export const MODEL_ALONE_CONFIDENCE = 0.7;

export const SHIPPED_THRESHOLDS: Readonly<DangerThresholds> = {
  confidence: MODEL_CONFIDENCE,
  contextConfidence: MODEL_CONTEXT_CONFIDENCE,
  vetoConfidence: MODEL_VETO_CONFIDENCE,
  alsoConfidence: MODEL_ALSO_CONFIDENCE,
  minContentWords: MODEL_MIN_CONTENT_WORDS,
  shortConfidence: MODEL_SHORT_CONFIDENCE,
  checkConfidence: MODEL_CHECK_CONFIDENCE,
  aloneConfidence: MODEL_ALONE_CONFIDENCE,
};
