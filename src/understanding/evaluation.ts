/**
 * The understanding check: phrasing files written by people who never saw the code
 * (test/understanding/{tuning,test}/{faq,danger,benign,phone}.yaml, format in test/understanding/README.md),
 * run through what each channel really does, and counted as right, unsure or wrong.
 * Shared by `npm run eval:understanding` and the jest test, so both measure the same thing.
 * Pure: the matchers and the safety detector are handed in.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { loadYamlWithSchema } from '../config/yamlFile';

export const SPLITS = ['tuning', 'test'] as const;
export type Split = (typeof SPLITS)[number];

/** The aims, judged on the test split. */
export const AIMS = {
  faqRight: 0.9,
  faqWrong: 0.03,
  dangerRecall: 1,
  falseEmergencies: 0.01,
  /** Ordinary messages that get the second-stage question (« Êtes-vous en danger en ce moment ? »). */
  secondStage: 0.08,
  phoneRight: 0.95,
} as const;

const text = z.string().regex(/\S/, { error: 'expected a text' });

export const faqFileSchema = z.array(
  z.object({ text, expect: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/)).min(1), writer: z.string().optional(), style: z.string().optional() }),
);
export const dangerFileSchema = z.array(
  z.object({ text, expect: z.string(), also: z.array(z.string()).nullish(), channel: z.string().optional(), indirect: z.boolean().optional() }),
);
export const benignFileSchema = z.array(z.object({ text, why: z.string().optional() }));
export const phoneFileSchema = z.array(
  z.object({ menu: z.enum(['profile', 'needs', 'place', 'yesno']), said: text, expect: z.union([z.string(), z.number()]).transform(String) }),
);

export interface PhrasingSplit {
  faq: z.output<typeof faqFileSchema>;
  danger: z.output<typeof dangerFileSchema>;
  benign: z.output<typeof benignFileSchema>;
  phone: z.output<typeof phoneFileSchema>;
}

/** Reads one split's four files; a missing file is an empty set. */
export function loadSplit(dir: string): PhrasingSplit {
  const read = <S extends z.ZodType>(schema: S, name: string): z.output<S> | [] => {
    const file = path.join(dir, `${name}.yaml`);
    return existsSync(file) ? (loadYamlWithSchema(schema, file) ?? []) : [];
  };
  return {
    faq: read(faqFileSchema, 'faq') as PhrasingSplit['faq'],
    danger: read(dangerFileSchema, 'danger') as PhrasingSplit['danger'],
    benign: read(benignFileSchema, 'benign') as PhrasingSplit['benign'],
    phone: read(phoneFileSchema, 'phone') as PhrasingSplit['phone'],
  };
}

export type Verdict = 'right' | 'unsure' | 'wrong';

export interface Outcome {
  text: string;
  expected: string;
  got: string;
  verdict: Verdict;
}

export interface Tally {
  right: number;
  unsure: number;
  wrong: number;
  total: number;
  failures: Outcome[];
}

export interface EvaluationDeps {
  /** The FAQ entry the chat answers in its own text, or null when it says it is not sure. */
  faqAnswer(text: string): string | null | Promise<string | null>;
  /** The ids an entry answers: its own, and those of the entries merged into it (default: its own). */
  faqAnswers?(id: string): readonly string[];
  /**
   * What the message gets: the emergency answer giving the number of `category` (or `also`) (right) or
   * not (other); else the second-stage question « Êtes-vous en danger en ce moment ? » naming that
   * number (asked) or another (askedOther); else nothing (none).
   */
  emergency(text: string, categories: readonly string[], channel?: 'chat' | 'phone'): 'right' | 'other' | 'asked' | 'askedOther' | 'none';
  /** What a phone menu makes of what was said: an option id, `human`, a département code, `ask`, or null. */
  phone(menu: 'profile' | 'needs' | 'place' | 'yesno', said: string): string | null;
}

export interface SplitReport {
  faq: Tally;
  /** Per category: messages whose number was given at once (emergency answer or second-stage question naming it). */
  danger: Record<string, Tally>;
  /** Benign messages that got the full emergency answer count as wrong (false emergencies). */
  benign: Tally;
  /** Benign messages that got the second-stage question instead: not wrong, but counted (aim: few). */
  checks: { count: number; total: number; texts: string[] };
  phone: Tally;
  /** Per menu. */
  phoneMenus: Record<string, Tally>;
  /** CPU per FAQ message, in microseconds. */
  faqCpuMicros: number;
}

function tally(outcomes: readonly Outcome[]): Tally {
  const count = (verdict: Verdict) => outcomes.filter((o) => o.verdict === verdict).length;
  return { right: count('right'), unsure: count('unsure'), wrong: count('wrong'), total: outcomes.length, failures: outcomes.filter((o) => o.verdict !== 'right') };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

export async function evaluateSplit(split: PhrasingSplit, deps: EvaluationDeps): Promise<SplitReport> {
  const started = process.cpuUsage();
  const faqOutcomes: Outcome[] = [];
  for (const { text: message, expect } of split.faq) {
    const got = await deps.faqAnswer(message);
    const none = expect.includes('none');
    const answered = got === null ? [] : (deps.faqAnswers?.(got) ?? [got]);
    const verdict: Verdict = got === null ? (none ? 'right' : 'unsure') : answered.some((id) => expect.includes(id)) ? 'right' : 'wrong';
    faqOutcomes.push({ text: message, expected: expect.join('|'), got: got ?? 'notSure', verdict });
  }
  const cpu = process.cpuUsage(started);
  const faqCpuMicros = split.faq.length === 0 ? 0 : (cpu.user + cpu.system) / split.faq.length;

  const danger: Record<string, Tally> = {};
  for (const [category, items] of groupBy(split.danger, (item) => item.expect)) {
    danger[category] = tally(
      items.map(({ text: message, expect, also, channel }) => {
        const got = deps.emergency(message, [expect, ...(also ?? [])], channel === 'phone' ? 'phone' : 'chat');
        const said = { none: 'no emergency answer', other: 'another emergency answer', askedOther: "another kind's question", asked: `${expect} (question)`, right: expect }[got];
        return { text: message, expected: expect, got: said, verdict: got === 'right' || got === 'asked' ? 'right' : 'wrong' };
      }),
    );
  }

  const checks: SplitReport['checks'] = { count: 0, total: split.benign.length, texts: [] };
  const benign = tally(
    split.benign.map(({ text: message, why }) => {
      const got = deps.emergency(message, []);
      const asked = got === 'asked' || got === 'askedOther';
      if (asked) {
        checks.count += 1;
        checks.texts.push(message);
      }
      return { text: message, expected: `no emergency (${why ?? 'benign'})`, got: got === 'none' ? 'none' : asked ? 'second-stage question' : 'emergency answer', verdict: got === 'none' || asked ? 'right' : 'wrong' };
    }),
  );

  const phoneOutcomes = split.phone.map(({ menu, said, expect }) => {
    const got = deps.phone(menu, said);
    // `none`: nothing is the right reading (« à côté de chez ma mère » names no place: the caller is asked again).
    const verdict: Verdict = got === expect || (got === null && expect === 'none') ? 'right' : got === null ? 'unsure' : 'wrong';
    return { menu, outcome: { text: `[${menu}] ${said}`, expected: expect, got: got ?? 'not understood', verdict } };
  });
  const phoneMenus: Record<string, Tally> = {};
  for (const [menu, items] of groupBy(phoneOutcomes, (item) => item.menu)) phoneMenus[menu] = tally(items.map((item) => item.outcome));

  return { faq: tally(faqOutcomes), danger, benign, checks, phone: tally(phoneOutcomes.map((item) => item.outcome)), phoneMenus, faqCpuMicros };
}

export interface AimResult {
  name: string;
  value: number;
  aim: string;
  met: boolean;
}

const share = (part: number, total: number): number => (total === 0 ? 0 : part / total);

/** The aims of the test split, each with its figure. */
export function judgeAims(report: SplitReport): AimResult[] {
  const { faq, benign, phone } = report;
  const results: AimResult[] = [
    { name: 'FAQ right', value: share(faq.right, faq.total), aim: `≥ ${AIMS.faqRight * 100} %`, met: share(faq.right, faq.total) >= AIMS.faqRight },
    { name: 'FAQ wrong', value: share(faq.wrong, faq.total), aim: `≤ ${AIMS.faqWrong * 100} %`, met: share(faq.wrong, faq.total) <= AIMS.faqWrong },
    ...Object.entries(report.danger).map(([category, t]) => ({
      name: `danger recall ${category}`,
      value: share(t.right, t.total),
      aim: '100 %',
      met: t.right === t.total,
    })),
    { name: 'false emergencies', value: share(benign.wrong, benign.total), aim: `≤ ${AIMS.falseEmergencies * 100} %`, met: share(benign.wrong, benign.total) <= AIMS.falseEmergencies },
    { name: 'second-stage questions', value: share(report.checks.count, report.checks.total), aim: `≤ ${AIMS.secondStage * 100} %`, met: share(report.checks.count, report.checks.total) <= AIMS.secondStage },
    { name: 'phone right', value: share(phone.right, phone.total), aim: `≥ ${AIMS.phoneRight * 100} %`, met: share(phone.right, phone.total) >= AIMS.phoneRight },
  ];
  return results;
}
