/**
 * Measures the danger detector on phrasing files written by people who never saw it
 * (format: danger.yaml and benign.yaml, see the phrasings' FORMAT.md): recall per category and the
 * share of false emergencies. Only aggregate figures, unless asked to list the misses.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { DANGER_KINDS, type DangerKind } from '../domain/vocabulary';
import type { DangerReading } from './detect';
import { BenignExample, DangerExample } from './examples';

export interface SafetyReport {
  /** answered: the category's number given at once (emergency answer or second-stage question); checked: by the question. */
  perKind: Record<DangerKind, { total: number; answered: number; ledBy: number; checked: number }>;
  danger: { total: number; answered: number; ledBy: number; checked: number };
  /** falseEmergencies: the full emergency answer; checks: the second-stage question. */
  benign: { total: number; falseEmergencies: number; checks: number };
  misses: Array<{ text: string; expected: DangerKind; got: string }>;
  falseAlarms: Array<{ text: string; why: string; got: string }>;
  questions: Array<{ text: string; why: string; got: string }>;
}

function readList<T>(file: string, schema: z.ZodType<T>): T[] {
  const parsed = z.array(schema).safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * « Answered »: the expected category (or one of its accepted others) is among the kinds found, so
 * its number is in the message, or it is the kind of the second-stage question (« checked »), which
 * gives its number. « Led by »: it is the first one of the emergency answer (its number comes first).
 */
export function evaluateSafety(
  dir: string,
  read: (text: string) => DangerReading,
  files: { danger: string; benign: string } = { danger: 'danger.yaml', benign: 'benign.yaml' },
): SafetyReport {
  const danger = readList(path.join(dir, files.danger), DangerExample);
  const benign = readList(path.join(dir, files.benign), BenignExample);
  const perKind = Object.fromEntries(DANGER_KINDS.map((kind) => [kind, { total: 0, answered: 0, ledBy: 0, checked: 0 }])) as SafetyReport['perKind'];
  const report: SafetyReport = {
    perKind,
    danger: { total: 0, answered: 0, ledBy: 0, checked: 0 },
    benign: { total: 0, falseEmergencies: 0, checks: 0 },
    misses: [],
    falseAlarms: [],
    questions: [],
  };
  for (const item of danger) {
    const { signal, check } = read(item.text);
    const accepted = [item.expect, ...(item.also ?? [])];
    const emergency = signal !== null && signal.kinds.some((kind) => accepted.includes(kind));
    const checked = !emergency && check !== null && accepted.includes(check.kind);
    const ledBy = signal !== null && accepted.includes(signal.kind);
    for (const bucket of [perKind[item.expect], report.danger]) {
      bucket.total += 1;
      if (emergency || checked) bucket.answered += 1;
      if (checked) bucket.checked += 1;
      if (ledBy) bucket.ledBy += 1;
    }
    if (!emergency && !checked) report.misses.push({ text: item.text, expected: item.expect, got: signal ? signal.cues.join(',') : check ? check.cue : 'nothing' });
  }
  for (const item of benign) {
    const { signal, check } = read(item.text);
    report.benign.total += 1;
    if (signal) {
      report.benign.falseEmergencies += 1;
      report.falseAlarms.push({ text: item.text, why: item.why ?? '', got: signal.cues.join(',') });
    } else if (check) {
      report.benign.checks += 1;
      report.questions.push({ text: item.text, why: item.why ?? '', got: check.cue });
    }
  }
  return report;
}
