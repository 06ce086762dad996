/**
 * The case file: an advisor's work on one ticket, kept beside the ticket (same ref, same retention)
 * so the intake ticket the voice and chat flows write stays as it is. Plain JSON, validated on read
 * and write; `status` is the lifecycle machine's state (lifecycle.ts).
 */
import { z } from 'zod';
import { NEED_IDS } from '../domain/vocabulary';
import { ROLES } from './principal';

export const CASE_STATUSES = ['new', 'taken', 'n1_in_progress', 'n2_on_agenda', 'n2_actions_recorded', 'solved', 'unmet_need'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const OPEN_STATUSES: readonly CaseStatus[] = ['new', 'taken', 'n1_in_progress', 'n2_on_agenda', 'n2_actions_recorded'];
export const LEVELS = [1, 2, 3] as const;
export type Level = (typeof LEVELS)[number];

/**
 * What was missing when no solution was found (N3). A closed list, so the observatory record can hold
 * no free text and so no personal data.
 */
export const MISSING_KINDS = [
  'no_place_available',
  'no_service_exists',
  'waiting_time_too_long',
  'no_transport',
  'no_funding',
  'regulation_blocks',
  'no_professional_available',
  'not_accessible',
  'other',
] as const;

/**
 * The id of an N3 reason: one of MISSING_KINDS, or one a coordinator added to config/observatory.yaml
 * (the service checks an escalation against that list). An id, never free text.
 */
export const MissingReasonIdSchema = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, { error: 'il faut un identifiant de raison de 2 à 40 caractères : une lettre minuscule, puis des lettres minuscules, des chiffres ou _' });
export const MAX_MISSING_REASONS = 40;

const isoDateTime = z.iso.datetime({ offset: true, error: 'il faut une date et une heure ISO 8601' });
export const IsoDate = z.iso.date({ error: 'il faut une date AAAA-MM-JJ, par exemple 2026-11-25' });
const shortText = (max: number) => z.string().trim().min(1).max(max);

export const ActorSchema = z
  .object({ subject: z.string().min(1).max(255), name: z.string().min(1).max(200).optional(), role: z.enum(ROLES) })
  .strict();

export const NoteSchema = z.object({ at: isoDateTime, by: ActorSchema, text: shortText(4000) }).strict();
/**
 * What to do next on a case, and when: `due` is the instant (UTC) the advisor typed in the territory's
 * time zone (`timeZone`). Case files written before kept a day only (YYYY-MM-DD): still read, due at
 * the start of that day.
 */
export const NextActionSchema = z
  .object({ text: shortText(500), due: z.union([isoDateTime, IsoDate]), timeZone: z.string().min(1).max(64).optional() })
  .strict();
export type NextAction = z.output<typeof NextActionSchema>;

/** The wrap-up code chosen at closing (its label kept as it was then), and the advisor's closing note. */
export const WrapUpSchema = z.object({ id: z.string().min(1).max(40), label: z.string().min(1).max(120), note: shortText(2000).optional() }).strict();
export type WrapUp = z.output<typeof WrapUpSchema>;

/** Is the next action due at `now`? */
export function nextActionDue(nextAction: NextAction | undefined, now: Date): boolean {
  if (!nextAction) return false;
  const due = Date.parse(nextAction.due.length === 10 ? `${nextAction.due}T00:00:00Z` : nextAction.due);
  return Number.isFinite(due) && due <= now.getTime();
}
export const UnmetNeedDetailsSchema = z
  .object({ need: z.enum(NEED_IDS), missing: z.array(MissingReasonIdSchema).min(1).max(MAX_MISSING_REASONS) })
  .strict();
export const CallbackWorkSchema = z
  .object({
    state: z.enum(['to_call', 'called']),
    attempts: z.number().int().min(0),
    lastOutcome: z.enum(['reached', 'not_reached']).optional(),
    lastAttemptAt: isoDateTime.optional(),
  })
  .strict();

export const CaseFileSchema = z
  .object({
    ref: z.string(),
    /** A département code, or XX (national). */
    territory: z.string(),
    status: z.enum(CASE_STATUSES),
    level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    referent: ActorSchema.optional(),
    takenAt: isoDateTime.optional(),
    levelHistory: z.array(z.object({ level: z.union([z.literal(1), z.literal(2), z.literal(3)]), at: isoDateTime, by: ActorSchema }).strict()).max(10),
    notes: z.array(NoteSchema).max(500),
    partners: z.array(shortText(200)).max(50),
    actions: z.array(shortText(500)).max(100),
    nextAction: NextActionSchema.optional(),
    /** The date of the staff territorial whose agenda holds this N2 case. */
    staffDate: IsoDate.optional(),
    callback: CallbackWorkSchema.optional(),
    /** Written before wrap-up codes: the solution in place, as typed at closing. */
    solution: shortText(2000).optional(),
    wrapUp: WrapUpSchema.optional(),
    unmetNeed: UnmetNeedDetailsSchema.optional(),
    closedAt: isoDateTime.optional(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .strict();
export type CaseFile = z.output<typeof CaseFileSchema>;
export type Note = z.output<typeof NoteSchema>;
export type UnmetNeedDetails = z.output<typeof UnmetNeedDetailsSchema>;
/** A reason id: a built-in one (MISSING_KINDS) or one of config/observatory.yaml. */
export type MissingKind = string;

/** The case file of a ticket nobody has touched yet. */
export function newCaseFile(ticket: { ref: string; kind: string; createdAt: string }, territory: string): CaseFile {
  return {
    ref: ticket.ref,
    territory,
    status: 'new',
    level: 1,
    levelHistory: [],
    notes: [],
    partners: [],
    actions: [],
    ...(ticket.kind === 'callback' ? { callback: { state: 'to_call' as const, attempts: 0 } } : {}),
    createdAt: ticket.createdAt,
    updatedAt: ticket.createdAt,
  };
}
