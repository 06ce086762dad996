/**
 * The advisor API's requests and responses, as zod schemas: the routes validate with them and the
 * OpenAPI document (openapi.ts) is generated from them, so the two cannot drift apart.
 */
import { z } from 'zod';
import { DANGER_KINDS, NEED_IDS, PROFILES } from '../domain/vocabulary';
import { TicketChoiceSchema, TranscriptLineSchema, TICKET_KINDS, TICKET_STATUSES } from '../tickets/ticket';
import { CASE_STATUSES, CaseFileSchema, IsoDate, MAX_MISSING_REASONS, MISSING_KINDS, MissingReasonIdSchema } from './caseFile';
import { AuditEntrySchema } from './audit';
import { UnmetNeedRecordSchema } from './observatory';
import { DepartementCodeSchema, ROLES } from './principal';
import { AdvisorEventSchema } from './events';
import { PastContactSchema } from './history';
import { FrenchDateTimeSchema } from './frenchDateTime';
import { WrapUpIdSchema } from './wrapUpCodes';

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (typeof value === 'string' ? value.split(',').filter((s) => s !== '') : value), z.array(item).min(1));

export const TicketListQuerySchema = z
  .strictObject({
    status: list(z.enum(CASE_STATUSES)).optional().describe('Lifecycle states, comma-separated'),
    level: list(z.coerce.number().pipe(z.union([z.literal(1), z.literal(2), z.literal(3)]))).optional().describe('Levels 1, 2, 3, comma-separated'),
    priority: z.enum(['normale', 'prioritaire']).optional(),
    channel: z.enum(['voice', 'chat']).optional(),
    kind: z.enum(TICKET_KINDS).optional(),
    territory: z.union([DepartementCodeSchema, z.literal('XX')]).optional().describe('One of my territories (default: all of them)'),
    minAgeHours: z.coerce.number().min(0).max(87_600).optional().describe('Created at least this many hours ago'),
    maxAgeHours: z.coerce.number().min(0).max(87_600).optional().describe('Created at most this many hours ago'),
    reminderDue: z.stringbool().optional().describe('true: only open cases whose next action is due now (« rappel dû »)'),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  ;

export const TerritoryQuerySchema = z.strictObject({
  territory: z.union([DepartementCodeSchema, z.literal('XX')]).optional().describe('One of my territories (default: all of them)'),
});
export const MonthQuerySchema = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'il faut un mois AAAA-MM, par exemple 2026-11' }).optional().describe('Default: this month'),
});

/**
 * Fields no request may set: the territory follows the ticket's département, the level history and
 * every author are written by the service from the token. Named so that a request setting them is
 * rejected (400), not silently applied.
 */
export const SERVER_OWNED_FIELDS = ['territory', 'departement', 'level', 'levelHistory', 'status', 'author', 'by', 'notes', 'takenAt', 'closedAt', 'createdAt', 'updatedAt', 'ref', 'callback', 'solution', 'unmetNeed'] as const;

export const TakeBodySchema = z.strictObject({});

export const UpdateBodySchema = z
  .strictObject({
    partners: z.array(z.string().trim().min(1).max(200)).max(50).optional().describe('Partners mobilised (replaces the list)'),
    actions: z.array(z.string().trim().min(1).max(500)).max(100).optional().describe('Actions agreed (replaces the list)'),
    nextAction: z
      .strictObject({
        text: z.string().trim().min(1).max(500),
        due: z
          .union([z.iso.datetime({ offset: true, error: 'il faut une date et une heure ISO 8601 avec le décalage horaire' }), FrenchDateTimeSchema])
          .describe('When: « jj/mm/aaaa hh:mm » in the territory’s time zone (as the advisor types it), or an ISO 8601 date-time with its offset'),
      })
      .nullable()
      .optional()
      .describe('What to do next and when: the case shows « rappel dû » in the waiting list once due; null clears it'),
    staffDate: IsoDate.optional().describe('N2 only: move the case to another staff territorial'),
    referent: z
      .strictObject({ subject: z.string().min(1).max(255), name: z.string().min(1).max(200).optional(), role: z.enum(['advisor', 'coordinator']) })
      .optional()
      .describe('Coordinators only: hand the case to another advisor'),
  })
  .refine((body) => Object.keys(body).length > 0, { error: 'Rien à enregistrer : modifiez au moins un champ.' })
  ;

export const CommentBodySchema = z.strictObject({ text: z.string().trim().min(1).max(4000) });

export const LevelBodySchema = z
  .discriminatedUnion('level', [
    z.strictObject({ level: z.literal(1) }),
    z.strictObject({ level: z.literal(2), staffDate: IsoDate.describe('Date of the next staff territorial') }),
    z.strictObject({
      level: z.literal(3),
      need: z.enum(NEED_IDS).optional().describe("Default: the ticket's need"),
      missing: z.array(MissingReasonIdSchema).min(1).max(MAX_MISSING_REASONS).describe(`What was missing: ids listed in config/observatory.yaml, the built-in ${MISSING_KINDS.join(', ')} and those coordinators add (no free text: no personal data)`),
    }),
  ])
  ;

export const CloseBodySchema = z.strictObject({
  wrapUp: WrapUpIdSchema.describe('How the contact ended: an id of the territory’s wrap-up codes (GET /api/advisor/wrap-up-codes)'),
  note: z.string().trim().min(1).max(2000).optional().describe('A closing note: the solution in place, what was said'),
});
export const CallbackAttemptBodySchema = z.strictObject({ reached: z.boolean() });

const ShownCallbackSchema = z.union([
  z.strictObject({ contact: z.literal('phone'), lastDigits: z.string(), requestedAt: z.string(), number: z.string().optional().describe("Only for the territory's own advisors, on the callback list") }),
  z.strictObject({ contact: z.literal('email'), emailHint: z.string(), requestedAt: z.string(), email: z.string().optional() }),
]);

export const AdvisorTicketSchema = z
  .strictObject({
    ref: z.string(),
    channel: z.enum(['voice', 'chat']),
    kind: z.enum(TICKET_KINDS),
    status: z.enum(TICKET_STATUSES).describe('Intake status (the lifecycle is in case.status)'),
    profile: z.enum(PROFILES).optional(),
    need: z.enum(NEED_IDS).optional(),
    departement: z.string().nullable().optional(),
    territoryName: z.string().optional(),
    priority: z.enum(['normale', 'prioritaire']),
    danger: z.enum(DANGER_KINDS).optional().describe('Words of danger were said: their kind'),
    choices: z.array(TicketChoiceSchema),
    callback: ShownCallbackSchema.optional(),
    summary: z.string().optional(),
    transcript: z.array(TranscriptLineSchema).optional(),
    conversationId: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  ;

export const CaseFileViewSchema = CaseFileSchema;

export const TicketViewSchema = z
  .strictObject({
    ticket: AdvisorTicketSchema,
    case: CaseFileViewSchema,
    territory: z.string(),
    allowedEvents: z.array(z.string()).describe('What the lifecycle accepts now (TAKE, UPDATE, COMMENT, …)'),
    history: z
      .array(PastContactSchema)
      .optional()
      .describe('GET of one ticket only: the same person’s other contacts (pseudonymous link), in the territories you may see, oldest first'),
  })
  ;

export const TicketListSchema = z.strictObject({ tickets: z.array(TicketViewSchema), truncated: z.boolean() });
export const CHAT_MODES = ['bot', 'waiting', 'human', 'ended'] as const;
export const ChatListSchema = z.strictObject({
  chats: z.array(
    TicketViewSchema.extend({
      chat: z.strictObject({
        conversationId: z.string(),
        mode: z.enum(CHAT_MODES).describe('waiting: handed off, nobody has it yet; human: an advisor has it (the bot is quiet); bot: handed back; ended: the conversation has expired'),
      }),
    }),
  ),
  truncated: z.boolean(),
});
export const AgendaSchema = z
  .strictObject({ territory: z.string(), staffs: z.array(z.strictObject({ staffDate: z.string(), tickets: z.array(TicketViewSchema) })) })
  ;
export const CallbackListSchema = z.strictObject({ callbacks: z.array(TicketViewSchema) });
export const AuditListSchema = z.strictObject({ ref: z.string(), entries: z.array(AuditEntrySchema) });
export const ObservatorySchema = z
  .strictObject({
    month: z.string(),
    records: z.array(UnmetNeedRecordSchema),
    countsByTerritoryAndNeed: z.record(z.string(), z.record(z.string(), z.number())),
  })
  ;
export const MeSchema = z
  .strictObject({ subject: z.string(), name: z.string().optional(), role: z.enum(ROLES), territories: z.union([z.literal('all'), z.array(z.string())]) })
  ;
export const ErrorSchema = z.strictObject({ error: z.string() });
export const AdvisorEventDocSchema = AdvisorEventSchema;
