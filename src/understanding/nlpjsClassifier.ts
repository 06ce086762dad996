/**
 * The second approach compared in `npm run eval:understanding -- --approach=nlpjs`: NLP.js's French
 * intent classifier (a small neural network over Snowball-stemmed words), trained at start from each
 * FAQ entry's title, questions and keywords. Below its own threshold it answers nothing (not sure).
 * Kept for the comparison only (README, « Understanding »): the service uses src/understanding/matcher.ts.
 */
import { containerBootstrap } from '@nlpjs/core';
import { LangFr } from '@nlpjs/lang-fr';
import { Nlp } from '@nlpjs/nlp';
import type { FaqEntry } from '../knowledge/schema';

export interface FaqClassifier {
  /** The entry id, or null when the classifier is not sure. */
  classify(text: string): Promise<string | null>;
}

interface NlpInstance {
  addLanguage(language: string): void;
  addDocument(language: string, utterance: string, intent: string): void;
  train(): Promise<void>;
  process(language: string, utterance: string): Promise<{ intent: string; score: number }>;
  settings: Record<string, unknown>;
}

/** Below this score NLP.js's answer is taken as « not sure ». */
export const NLPJS_THRESHOLD = 0.6;

export async function createNlpjsClassifier(entries: readonly FaqEntry[]): Promise<FaqClassifier> {
  const container = await containerBootstrap();
  // NLP.js's own defaults for its classifiers, without the training log on stdout.
  container.registerConfiguration('nlu-??', { keepStopwords: true, nonefeatureValue: 1, nonedeltaMultiplier: 1.2, spellCheck: false, spellCheckDistance: 1, filterZeros: true, log: false }, true);
  container.use(Nlp);
  container.use(LangFr);
  const nlp = container.get('nlp') as NlpInstance;
  nlp.settings.autoSave = false;
  nlp.settings.threshold = NLPJS_THRESHOLD;
  nlp.addLanguage('fr');
  for (const entry of entries) {
    for (const utterance of [entry.title, ...entry.questions, ...(entry.keywords ?? [])]) nlp.addDocument('fr', utterance, entry.id);
  }
  await nlp.train();
  return {
    async classify(text) {
      const result = await nlp.process('fr', text);
      return result.intent !== 'None' && result.score >= NLPJS_THRESHOLD ? result.intent : null;
    },
  };
}
