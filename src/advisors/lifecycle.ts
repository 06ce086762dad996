/**
 * The life of a ticket as advisors work it (Communautés 360 levels of service), an XState machine:
 *
 *   new ──TAKE──▶ taken (the advisor becomes the referent)
 *   taken ──UPDATE | COMMENT | CALLBACK_ATTEMPT──▶ n1_in_progress ──SOLVE──▶ solved (wrap-up code, note)
 *   taken | n1_in_progress ──ESCALATE_N2 (date of the next staff territorial)──▶ n2_on_agenda
 *   n2_on_agenda ──UPDATE giving partners and actions──▶ n2_actions_recorded ──SOLVE──▶ solved
 *   n2_on_agenda | n2_actions_recorded ──ESCALATE_N3 (need, what was missing)──▶ unmet_need
 *
 * Anything else is refused (the machine does not handle the event). Pure: who may send which event
 * is the policy's business (policy.ts); storing and auditing belong to the service.
 */
import { assign, setup, transition, type SnapshotFrom } from 'xstate';
import type { Actor } from './principal';
import type { CaseFile, CaseStatus, Level, MissingKind, NextAction, WrapUp } from './caseFile';
import type { NeedId } from '../domain/vocabulary';

export interface CaseChanges {
  partners?: string[];
  /** One partner added to the list (picked from the directory, or written), whatever others added meanwhile. */
  addPartner?: string;
  actions?: string[];
  nextAction?: NextAction | null;
  staffDate?: string;
  referent?: Actor;
}

interface Stamp {
  at: string;
  by: Actor;
}

export type CaseEvent =
  | ({ type: 'TAKE' } & Stamp)
  | ({ type: 'UPDATE'; changes: CaseChanges } & Stamp)
  | ({ type: 'COMMENT'; text: string } & Stamp)
  | ({ type: 'CALLBACK_ATTEMPT'; reached: boolean } & Stamp)
  | ({ type: 'ESCALATE_N2'; staffDate: string } & Stamp)
  | ({ type: 'ESCALATE_N3'; need: NeedId; missing: MissingKind[] } & Stamp)
  | ({ type: 'SOLVE'; wrapUp: WrapUp } & Stamp);

function withChanges(context: CaseFile, changes: CaseChanges): Partial<CaseFile> {
  const next: Partial<CaseFile> = {};
  if (changes.partners) next.partners = changes.partners;
  if (changes.addPartner) next.partners = [...(changes.partners ?? context.partners), changes.addPartner];
  if (changes.actions) next.actions = changes.actions;
  if (changes.staffDate) next.staffDate = changes.staffDate;
  if (changes.referent) next.referent = changes.referent;
  if (changes.nextAction !== undefined) next.nextAction = changes.nextAction ?? undefined;
  return { ...context, ...next };
}

const raiseLevel = (context: CaseFile, level: Level, stamp: Stamp) => ({
  level,
  levelHistory: [...context.levelHistory, { level, at: stamp.at, by: stamp.by }],
});

export const caseMachine = setup({
  types: {
    context: {} as CaseFile,
    input: {} as CaseFile,
    events: {} as CaseEvent,
  },
  guards: {
    isCallback: ({ context }) => context.callback !== undefined,
    /** A staff date belongs to N2. */
    noStaffDate: ({ event }) => event.type !== 'UPDATE' || event.changes.staffDate === undefined,
    /** N2 moves on once partners and actions are both recorded (given now or before). */
    partnersAndActionsRecorded: ({ context, event }) => {
      if (event.type !== 'UPDATE') return false;
      const partners = event.changes.partners ?? context.partners;
      const actions = event.changes.actions ?? context.actions;
      return (partners.length > 0 || event.changes.addPartner !== undefined) && actions.length > 0;
    },
  },
  actions: {
    stamp: assign(({ event }) => ({ updatedAt: event.at })),
    becomeReferent: assign(({ context, event }) => ({
      referent: event.by,
      takenAt: event.at,
      ...(context.levelHistory.length === 0 ? raiseLevel(context, 1, event) : {}),
    })),
    applyChanges: assign(({ context, event }) => (event.type === 'UPDATE' ? withChanges(context, event.changes) : {})),
    addNote: assign(({ context, event }) =>
      event.type === 'COMMENT' ? { notes: [...context.notes, { at: event.at, by: event.by, text: event.text }] } : {},
    ),
    recordAttempt: assign(({ context, event }) => {
      if (event.type !== 'CALLBACK_ATTEMPT' || !context.callback) return {};
      return {
        callback: {
          state: event.reached ? ('called' as const) : context.callback.state,
          attempts: context.callback.attempts + 1,
          lastOutcome: event.reached ? ('reached' as const) : ('not_reached' as const),
          lastAttemptAt: event.at,
        },
      };
    }),
    putOnAgenda: assign(({ context, event }) =>
      event.type === 'ESCALATE_N2' ? { staffDate: event.staffDate, ...raiseLevel(context, 2, event) } : {},
    ),
    recordUnmetNeed: assign(({ context, event }) =>
      event.type === 'ESCALATE_N3'
        ? { unmetNeed: { need: event.need, missing: event.missing }, closedAt: event.at, nextAction: undefined, ...raiseLevel(context, 3, event) }
        : {},
    ),
    solve: assign(({ event }) => (event.type === 'SOLVE' ? { wrapUp: event.wrapUp, closedAt: event.at, nextAction: undefined } : {})),
    /** Told to the edge: an unmet need to record for the observatory (no personal data). */
    reportUnmetNeed: () => undefined,
  },
}).createMachine({
  id: 'ticketCase',
  context: ({ input }) => input,
  initial: 'new',
  states: {
    new: {
      on: {
        TAKE: { target: 'taken', actions: ['becomeReferent', 'stamp'] },
        COMMENT: { actions: ['addNote', 'stamp'] },
      },
    },
    taken: {
      on: {
        UPDATE: { guard: 'noStaffDate', target: 'n1_in_progress', actions: ['applyChanges', 'stamp'] },
        COMMENT: { target: 'n1_in_progress', actions: ['addNote', 'stamp'] },
        CALLBACK_ATTEMPT: { guard: 'isCallback', target: 'n1_in_progress', actions: ['recordAttempt', 'stamp'] },
        ESCALATE_N2: { target: 'n2_on_agenda', actions: ['putOnAgenda', 'stamp'] },
      },
    },
    n1_in_progress: {
      on: {
        UPDATE: { guard: 'noStaffDate', actions: ['applyChanges', 'stamp'] },
        COMMENT: { actions: ['addNote', 'stamp'] },
        CALLBACK_ATTEMPT: { guard: 'isCallback', actions: ['recordAttempt', 'stamp'] },
        ESCALATE_N2: { target: 'n2_on_agenda', actions: ['putOnAgenda', 'stamp'] },
        SOLVE: { target: 'solved', actions: ['solve', 'stamp'] },
      },
    },
    n2_on_agenda: {
      on: {
        UPDATE: [
          { guard: 'partnersAndActionsRecorded', target: 'n2_actions_recorded', actions: ['applyChanges', 'stamp'] },
          { actions: ['applyChanges', 'stamp'] },
        ],
        COMMENT: { actions: ['addNote', 'stamp'] },
        CALLBACK_ATTEMPT: { guard: 'isCallback', actions: ['recordAttempt', 'stamp'] },
        ESCALATE_N3: { target: 'unmet_need', actions: ['recordUnmetNeed', 'stamp', 'reportUnmetNeed'] },
      },
    },
    n2_actions_recorded: {
      on: {
        UPDATE: { actions: ['applyChanges', 'stamp'] },
        COMMENT: { actions: ['addNote', 'stamp'] },
        CALLBACK_ATTEMPT: { guard: 'isCallback', actions: ['recordAttempt', 'stamp'] },
        SOLVE: { target: 'solved', actions: ['solve', 'stamp'] },
        ESCALATE_N3: { target: 'unmet_need', actions: ['recordUnmetNeed', 'stamp', 'reportUnmetNeed'] },
      },
    },
    solved: { type: 'final' },
    unmet_need: { type: 'final' },
  },
});

export type CaseSnapshot = SnapshotFrom<typeof caseMachine>;

export type CaseStep =
  | { accepted: true; caseFile: CaseFile; effects: Array<'reportUnmetNeed'> }
  | { accepted: false; status: CaseStatus };

/** The snapshot of a stored case file (its status is the state). */
export function restore(caseFile: CaseFile): CaseSnapshot {
  return caseMachine.resolveState({ value: caseFile.status, context: caseFile });
}

/**
 * One event on a stored case file: the next case file and the effects to execute, or refused when
 * the machine does not accept the event in this state. Executes nothing.
 */
export function step(caseFile: CaseFile, event: CaseEvent): CaseStep {
  const snapshot = restore(caseFile);
  if (!snapshot.can(event)) return { accepted: false, status: caseFile.status };
  const [next, actions] = transition(caseMachine, snapshot, event);
  const status = String(next.value) as CaseStatus;
  const effects = actions.map((a) => a.type).filter((t): t is 'reportUnmetNeed' => t === 'reportUnmetNeed');
  return { accepted: true, caseFile: { ...next.context, status }, effects };
}

/** The events the machine accepts in this state (the console greys out the other buttons). */
export function acceptedEvents(caseFile: CaseFile): CaseEvent['type'][] {
  const snapshot = restore(caseFile);
  const probe: Stamp = { at: caseFile.updatedAt, by: { subject: 'probe', role: 'advisor' } };
  const candidates: CaseEvent[] = [
    { type: 'TAKE', ...probe },
    { type: 'UPDATE', changes: {}, ...probe },
    { type: 'COMMENT', text: 'x', ...probe },
    { type: 'CALLBACK_ATTEMPT', reached: true, ...probe },
    { type: 'ESCALATE_N2', staffDate: '2000-01-01', ...probe },
    { type: 'ESCALATE_N3', need: 'sans_solution', missing: ['other'], ...probe },
    { type: 'SOLVE', wrapUp: { id: 'probe', label: 'probe' }, ...probe },
  ];
  return candidates.filter((event) => snapshot.can(event)).map((event) => event.type);
}
