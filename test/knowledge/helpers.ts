import * as path from 'node:path';
import { ConfigError } from '../../src/config/configError';
import type { FaqEntry } from '../../src/knowledge/schema';

export const ROOT = path.join(__dirname, '..', '..');

/** The ConfigError a call throws (fails the test when it throws nothing or something else). */
export function configErrorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

/** A valid entry, changed by `overrides`. */
export function entry(overrides: Partial<FaqEntry> & Pick<FaqEntry, 'id'>): FaqEntry {
  return {
    title: 'Une question ?',
    answer: 'Une phrase courte. Une autre phrase.',
    source: { label: 'Service-Public.fr', url: 'https://www.service-public.fr/' },
    questions: ['Une façon de demander ?', 'Une autre façon ?'],
    ...overrides,
  };
}
