/**
 * The emergency answer: the right numbers first, then 112 and 114 (SMS, for deaf and hard-of-hearing
 * people) always, then the priority hand-over to an advisor. Every sentence lives in
 * content/fr/safety.yaml; the schema proves each one gives the numbers it must.
 */
import * as path from 'node:path';
import { z } from 'zod';
import { findRepoRoot } from '../config/env';
import { PromptCatalog } from '../prompts/catalog';
import { loadYamlWithSchema, parseWithSchema, parseYamlWithSchema } from '../config/yamlFile';
import { DANGER_KINDS, DANGER_NUMBERS, type DangerKind, type DangerSignal } from './detect';

export const SAFETY_MESSAGES_FILE = path.join('content', 'fr', 'safety.yaml');

/** Numbers every emergency message gives, whatever the danger. */
export const ALWAYS_NUMBERS = ['112', '114'] as const;

/** "3114" is found in « le 3114 » and « le 3 114 », never inside a longer number. */
export function mentionsNumber(text: string, number: string): boolean {
  const digitsJoined = text.replace(/(\d) (?=\d)/g, '$1');
  return new RegExp(`(?<!\\d)${number}(?!\\d)`).test(digitsJoined);
}

const sentence = z.string().regex(/\S/, { error: 'il faut une phrase, pas un texte vide' });

function mustGive(numbers: readonly string[]) {
  return sentence.superRefine((text, ctx) => {
    for (const number of numbers) {
      if (!mentionsNumber(text, number)) ctx.addIssue({ code: 'custom', message: `doit donner le numéro ${number}` });
    }
  });
}

/** One lead per kind of danger (the `satisfies` makes a new kind fail to compile until it has its sentence). */
const leadShape = {
  sourd: mustGive(DANGER_NUMBERS.sourd),
  urgence_medicale: mustGive(DANGER_NUMBERS.urgence_medicale),
  danger_immediat: mustGive(DANGER_NUMBERS.danger_immediat),
  suicide: mustGive(DANGER_NUMBERS.suicide),
  enfance_en_danger: mustGive(DANGER_NUMBERS.enfance_en_danger),
  violence_conjugale: mustGive(DANGER_NUMBERS.violence_conjugale),
  maltraitance: mustGive(DANGER_NUMBERS.maltraitance),
} satisfies Record<DangerKind, z.ZodType<string>>;

/** A number Twilio can dial: digits, optionally with the international +. */
const dialNumber = z.string().regex(/^\+?\d{2,15}$/, { error: 'il faut un numéro à composer : des chiffres seulement, par exemple "3114" ou "+33123456789"' });

/** On the phone: the number we offer to put the caller through to, and what they hear first (it gives that number). */
const phoneEntry = z
  .strictObject({ dial: dialNumber, say: sentence })
  .superRefine((entry, ctx) => {
    if (!mentionsNumber(entry.say, entry.dial.replace(/^\+33/, '0'))) ctx.addIssue({ code: 'custom', path: ['say'], message: `doit donner le numéro ${entry.dial}` });
  });

const phoneShape = Object.fromEntries(DANGER_KINDS.map((kind) => [kind, phoneEntry])) as Record<DangerKind, typeof phoneEntry>;

/** The second stage (« Êtes-vous en danger en ce moment ? »): each question gives its kind's first number, what the phone says too. */
const checkChatEntry = (kind: DangerKind) => z.strictObject({ ask: mustGive([DANGER_NUMBERS[kind][0] as string]), yes: sentence });
const checkChatShape = Object.fromEntries(DANGER_KINDS.map((kind) => [kind, checkChatEntry(kind)])) as unknown as Record<DangerKind, ReturnType<typeof checkChatEntry>>;
const checkPhoneEntry = z.strictObject({ say: sentence, ask: sentence });
const checkPhoneShape = Object.fromEntries(DANGER_KINDS.map((kind) => [kind, checkPhoneEntry])) as Record<DangerKind, typeof checkPhoneEntry>;
const nameShape = Object.fromEntries(DANGER_KINDS.map((kind) => [kind, sentence])) as Record<DangerKind, typeof sentence>;

export const safetyMessagesSchema = z.strictObject({
  lead: z.strictObject(leadShape),
  always: mustGive(ALWAYS_NUMBERS),
  escalation: sentence,
  /** The category in a few words, for the ticket and the advisor's whisper (« danger : suicide »). */
  names: z.strictObject(nameShape),
  phone: z.strictObject(phoneShape),
  check: z.strictObject({ chat: z.strictObject(checkChatShape), no: sentence, goOn: sentence, phone: z.strictObject(checkPhoneShape) }),
}).superRefine((messages, ctx) => {
  // On the phone, the second stage says the number the emergency branch would put the caller through to.
  for (const kind of DANGER_KINDS) {
    const numbers = [...new Set([DANGER_NUMBERS[kind][0] as string, messages.phone[kind].dial.replace(/^\+33/, '0')])];
    if (!numbers.some((number) => mentionsNumber(messages.check.phone[kind].say, number))) {
      ctx.addIssue({ code: 'custom', path: ['check', 'phone', kind, 'say'], message: `doit donner le numéro ${numbers.join(' ou ')}` });
    }
  }
});

export type SafetyMessages = z.output<typeof safetyMessagesSchema>;

export function parseSafetyMessages(raw: unknown, fileName: string): SafetyMessages {
  return parseWithSchema(safetyMessagesSchema, raw, fileName);
}

export function parseSafetyMessagesYaml(text: string, fileName: string): SafetyMessages {
  return parseYamlWithSchema(safetyMessagesSchema, text, fileName);
}

export function loadSafetyMessagesFile(file: string): SafetyMessages {
  return loadYamlWithSchema(safetyMessagesSchema, file);
}

let shipped: SafetyMessages | undefined;

/** content/fr/safety.yaml of this project, read once (from src/ or dist/src/ alike). */
export function defaultSafetyMessages(): SafetyMessages {
  shipped ??= loadSafetyMessagesFile(path.join(findRepoRoot(__dirname), SAFETY_MESSAGES_FILE));
  return shipped;
}

/**
 * What the user reads at once: the lead of every danger found (most urgent first), then 112 and the
 * 114 by SMS, then the priority hand-over. One paragraph per part.
 */
export function emergencyMessage(signal: DangerSignal, messages: SafetyMessages = defaultSafetyMessages()): string {
  return [...signal.kinds.map((kind) => messages.lead[kind]), messages.always, messages.escalation].map((text) => text.trim()).join('\n');
}

/**
 * The phone's sentences of content/fr/safety.yaml as prompts, laid over prompts/fr/voice.yaml:
 * `danger.said.<kind>` (what the caller hears first) and `danger.name.<kind>` (for the whisper).
 */
export function safetyPrompts(messages: SafetyMessages): PromptCatalog {
  const said = Object.fromEntries(DANGER_KINDS.map((kind) => [kind, messages.phone[kind].say]));
  const check = Object.fromEntries(DANGER_KINDS.map((kind) => [kind, messages.check.phone[kind]]));
  return PromptCatalog.fromTree({ danger: { said, name: messages.names, check } }, SAFETY_MESSAGES_FILE);
}

/** The chat's second-stage question for a kind, with its two buttons. */
export function dangerCheckQuestion(kind: DangerKind, messages: SafetyMessages = defaultSafetyMessages()): { text: string; yes: string; no: string } {
  const { ask, yes } = messages.check.chat[kind];
  return { text: ask.trim(), yes, no: messages.check.no };
}

/** The number the phone puts a caller through to for each kind of danger. */
export function dangerDialNumber(messages: SafetyMessages): (kind: DangerKind) => string {
  return (kind) => messages.phone[kind].dial;
}
