/**
 * The advisors' use cases: find a ticket the principal may see, list a territory's tickets, move a
 * case through its lifecycle, and write every read and change to the audit trail. No express here:
 * routes.ts turns outcomes into HTTP answers.
 */
import type { Clock, KeyValueStore } from '../domain/ports';
import type { Logger } from '../logging';
import type { StoreKeys } from '../storage/keys';
import { monthOf, territoryOfTicket, ALL_TERRITORIES_INDEX, TicketCorruptError, type TicketStore } from '../tickets/ticket-store';
import type { Ticket } from '../tickets/ticket';

type TicketKind = Ticket['kind'];
import type { NeedId } from '../domain/vocabulary';
import type { AuditAction, AuditTrail, AuditEntry } from './audit';
import { CaseFileSchema, MISSING_KINDS, newCaseFile, nextActionDue, OPEN_STATUSES, type CaseFile, type CaseStatus, type MissingKind } from './caseFile';
import { parseFrenchDateTime } from './frenchDateTime';
import type { WrapUpCodes } from './wrapUpCodes';
import type { AdvisorEvents } from './events';
import { createPersonHistory, type PastContact } from './history';
import { acceptedEvents, step, type CaseChanges, type CaseEvent } from './lifecycle';
import type { Observatory, UnmetNeedRecord } from './observatory';
import { actorOf, canSeeTerritory, coordinates, type Principal } from './principal';
import { ticketForAdvisor, type AdvisorTicket } from './views';
import { STATUS_LABELS } from './vocabulary';
import { withStoreLock } from '../storage/lock';

export type Outcome<T> = { ok: true; value: T } | { ok: false; status: 400 | 403 | 404 | 409; error: string };

export interface TicketView {
  ticket: AdvisorTicket;
  case: CaseFile;
  territory: string;
  allowedEvents: string[];
  /** The person's other contacts in the principal's territories (one ticket's view only). */
  history?: PastContact[];
}

/** What an advisor asks of a case (the service adds who and when). */
export type CaseCommand =
  | { type: 'TAKE' }
  | { type: 'UPDATE'; changes: Omit<CaseChanges, 'nextAction'> & { nextAction?: { text: string; due: string } | null } }
  | { type: 'COMMENT'; text: string }
  | { type: 'CALLBACK_ATTEMPT'; reached: boolean }
  | { type: 'LEVEL'; level: 1 }
  | { type: 'ESCALATE_N2'; staffDate: string }
  | { type: 'ESCALATE_N3'; need?: NeedId; missing: MissingKind[] }
  | { type: 'SOLVE'; wrapUp: string; note?: string };

export interface TicketListFilter {
  status?: CaseStatus[];
  level?: Array<1 | 2 | 3>;
  priority?: 'normale' | 'prioritaire';
  channel?: 'voice' | 'chat';
  /** One kind, or several (the chat list: routed and fallback hand-offs). */
  kind?: TicketKind | TicketKind[];
  territory?: string;
  minAgeHours?: number;
  maxAgeHours?: number;
  /** Only open cases whose next action is due now. */
  reminderDue?: boolean;
  limit: number;
}

export interface AdvisorServiceDeps {
  store: KeyValueStore;
  keys: StoreKeys;
  tickets: TicketStore;
  audit: AuditTrail;
  observatory: Observatory;
  events: AdvisorEvents;
  clock: Clock;
  ticketTtlDays: number;
  /** The N3 reasons an escalation may give (config/observatory.yaml); default: the built-in ones. */
  missingReasons?: readonly string[];
  /** The wrap-up codes a case of a territory may close with. */
  wrapUpCodes: Pick<WrapUpCodes, 'of'>;
  /** The IANA time zone of a territory (a next action is typed in it). */
  timeZoneOf(territory: string): string;
  /** Opens a sealed callback number or e-mail address. */
  openSealed(sealed: string): string;
  logger: Logger;
}

const AUDIT_OF: Record<CaseCommand['type'], AuditAction> = {
  TAKE: 'ticket.take',
  UPDATE: 'ticket.update',
  COMMENT: 'ticket.comment',
  CALLBACK_ATTEMPT: 'ticket.callback_attempt',
  LEVEL: 'ticket.level',
  ESCALATE_N2: 'ticket.level',
  ESCALATE_N3: 'ticket.level',
  SOLVE: 'ticket.close',
};

const LOCK = { seconds: 5, tries: 20, waitMs: 25 };
const READ_BATCH = 50;

export class CaseBusyError extends Error {
  constructor() {
    super('Quelqu’un modifie ce dossier en ce moment. Réessayez dans un instant.');
    this.name = 'CaseBusyError';
  }
}

export function createAdvisorService(deps: AdvisorServiceDeps) {
  const { store, keys, tickets, audit, clock } = deps;
  const retentionMs = deps.ticketTtlDays * 24 * 3600 * 1000;

  async function caseOf(ticket: Ticket): Promise<CaseFile> {
    const territory = territoryOfTicket(ticket);
    const raw = await store.get(keys.ticketCase(ticket.ref));
    if (raw !== null) {
      const parsed = CaseFileSchema.safeParse(JSON.parse(raw));
      if (parsed.success) return { ...parsed.data, territory };
      deps.logger.error({ ref: ticket.ref }, 'stored case file is invalid: starting from a new one');
    }
    return newCaseFile(ticket, territory);
  }

  const history = createPersonHistory({ tickets, caseOf, events: deps.events });

  function view(ticket: Ticket, caseFile: CaseFile): TicketView {
    return { ticket: ticketForAdvisor(ticket), case: caseFile, territory: territoryOfTicket(ticket), allowedEvents: acceptedEvents(caseFile) };
  }

  /** The ticket and its case file, or null when absent, expired, or outside the principal's territories. */
  async function visible(principal: Principal, ref: string): Promise<{ ticket: Ticket; caseFile: CaseFile } | null> {
    const ticket = await tickets.get(ref);
    if (!ticket || !canSeeTerritory(principal, territoryOfTicket(ticket))) return null;
    return { ticket, caseFile: await caseOf(ticket) };
  }

  async function record(principal: Principal, action: AuditAction, fields: Omit<AuditEntry, 'at' | 'actor' | 'action'> = {}) {
    return audit.record({ actor: actorOf(principal), action, ...fields });
  }

  const withLock = <T>(ref: string, work: () => Promise<T>): Promise<T> =>
    withStoreLock(store, keys.lock('case', ref), LOCK, () => new CaseBusyError(), work);

  /** The role rules of each command (403), before the lifecycle's own (409). */
  function forbidden(principal: Principal, caseFile: CaseFile, command: CaseCommand): string | null {
    if (command.type === 'ESCALATE_N3' && !coordinates(principal)) return 'Seul un coordinateur peut passer un dossier en N3, après le staff territorial.';
    if (command.type === 'UPDATE' && command.changes.referent && !coordinates(principal)) return 'Seul un coordinateur peut confier un dossier à un autre référent.';
    const changesTheCase = command.type !== 'TAKE' && command.type !== 'COMMENT';
    const referent = caseFile.referent?.subject;
    if (changesTheCase && referent !== undefined && referent !== principal.subject && !coordinates(principal)) {
      return 'Seul le référent de ce dossier ou un coordinateur peut le modifier.';
    }
    return null;
  }

  async function toEvent(principal: Principal, ticket: Ticket, command: Exclude<CaseCommand, { type: 'LEVEL' }>): Promise<CaseEvent | string> {
    const stamp = { at: clock.now().toISOString(), by: actorOf(principal) };
    const territory = territoryOfTicket(ticket);
    if (command.type === 'ESCALATE_N3') {
      const need = command.need ?? ticket.need;
      if (need === undefined) return 'Le dossier n’a pas de besoin renseigné : il en faut un pour le N3.';
      const reasons = deps.missingReasons ?? MISSING_KINDS;
      const unknown = command.missing.filter((id) => !reasons.includes(id));
      if (unknown.length > 0) return `Ce qui manque (« missing ») n’est pas dans la liste : ${unknown.join(', ')}. Choisissez parmi ${reasons.join(', ')}.`;
      return { type: 'ESCALATE_N3', need, missing: command.missing, ...stamp };
    }
    if (command.type === 'SOLVE') {
      const { codes } = await deps.wrapUpCodes.of(territory);
      const code = codes.find((c) => c.id === command.wrapUp);
      if (!code) return `Le code de clôture ${command.wrapUp} n’est pas dans la liste du département : choisissez parmi ${codes.map((c) => c.id).join(', ')}.`;
      return { type: 'SOLVE', wrapUp: { ...code, ...(command.note ? { note: command.note } : {}) }, ...stamp };
    }
    if (command.type === 'UPDATE' && command.changes.nextAction) {
      const { text, due } = command.changes.nextAction;
      const timeZone = deps.timeZoneOf(territory);
      const instant = /^\d{4}-/.test(due) ? new Date(due) : parseFrenchDateTime(due, timeZone);
      if (!instant || Number.isNaN(instant.getTime())) return 'expected a date and time as jj/mm/aaaa hh:mm in nextAction.due';
      return { type: 'UPDATE', changes: { ...command.changes, nextAction: { text, due: instant.toISOString(), timeZone } }, ...stamp };
    }
    return { ...command, ...stamp } as CaseEvent;
  }

  async function save(ticket: Ticket, caseFile: CaseFile): Promise<void> {
    const left = Date.parse(ticket.createdAt) + retentionMs - clock.now().getTime();
    await store.set(keys.ticketCase(ticket.ref), JSON.stringify(CaseFileSchema.parse(caseFile)), Math.max(1, Math.ceil(left / 1000)));
  }

  const indexesOf = (principal: Principal, filter: TicketListFilter): string[] =>
    filter.territory !== undefined ? [filter.territory] : principal.territories === 'all' ? [ALL_TERRITORIES_INDEX] : principal.territories;

  /** The tickets a list asks for, without the audit entry (list() writes it). */
  async function find(principal: Principal, filter: TicketListFilter): Promise<Outcome<{ tickets: TicketView[]; truncated: boolean }>> {
    if (filter.territory !== undefined && !canSeeTerritory(principal, filter.territory)) {
      return { ok: false, status: 403, error: 'Vous ne travaillez pas pour ce département.' };
    }
    const indexes = indexesOf(principal, filter);
    const now = clock.now().getTime();
    const oldest = Math.max(now - retentionMs, filter.maxAgeHours === undefined ? 0 : now - filter.maxAgeHours * 3600_000);
    const kinds = filter.kind === undefined ? undefined : ([] as TicketKind[]).concat(filter.kind);
    const refs = (await Promise.all(indexes.map((t) => tickets.refsOfTerritory(t, new Date(oldest))))).flat();
    const found: TicketView[] = [];
    let truncated = false;
    for (let i = 0; i < refs.length; i += READ_BATCH) {
      const batch = await Promise.all(
        refs.slice(i, i + READ_BATCH).map(async (ref) => {
          try {
            return await visible(principal, ref);
          } catch (error) {
            // A record damaged for good is left out (and logged); any other failure (Redis slow,
            // paused, gone) fails the whole list: never a short list that looks complete.
            if (!(error instanceof TicketCorruptError)) throw error;
            deps.logger.error({ err: error, ref }, 'ticket unreadable while listing');
            return null;
          }
        }),
      );
      for (const item of batch) {
        if (!item) continue;
        const { ticket, caseFile } = item;
        const created = Date.parse(ticket.createdAt);
        if (filter.territory !== undefined && territoryOfTicket(ticket) !== filter.territory) continue;
        if (created < oldest) continue;
        if (filter.minAgeHours !== undefined && created > now - filter.minAgeHours * 3600_000) continue;
        if (filter.status && !filter.status.includes(caseFile.status)) continue;
        if (filter.level && !filter.level.includes(caseFile.level)) continue;
        if (filter.priority && ticket.priority !== filter.priority) continue;
        if (filter.channel && ticket.channel !== filter.channel) continue;
        if (kinds && !kinds.includes(ticket.kind)) continue;
        if (filter.reminderDue && !(OPEN_STATUSES.includes(caseFile.status) && nextActionDue(caseFile.nextAction, clock.now()))) continue;
        if (found.some((v) => v.ticket.ref === ticket.ref)) continue;
        if (found.length >= filter.limit) {
          truncated = true;
          break;
        }
        found.push(view(ticket, caseFile));
      }
      if (truncated) break;
    }
    found.sort(
      (a, b) =>
        Number(b.ticket.priority === 'prioritaire') - Number(a.ticket.priority === 'prioritaire') ||
        a.ticket.createdAt.localeCompare(b.ticket.createdAt),
    );
    return { ok: true, value: { tickets: found, truncated } };
  }

  return {
    visible,
    view,

    async read(principal: Principal, ref: string, action: AuditAction = 'ticket.read'): Promise<TicketView | null> {
      const found = await visible(principal, ref);
      if (!found) return null;
      const past = await history.historyFor(principal, found.ticket);
      await record(principal, action, { ref, territory: territoryOfTicket(found.ticket), ...(past.length > 0 ? { detail: { history: past.length } } : {}) });
      return { ...view(found.ticket, found.caseFile), history: past };
    },

    /** A ticket joined its person's index: the referents of their open N1 cases are told. */
    personReturned: (ticket: Ticket) => history.personReturned(ticket),

    async act(principal: Principal, ref: string, command: CaseCommand): Promise<Outcome<TicketView>> {
      return withLock(ref, async () => {
        const found = await visible(principal, ref);
        if (!found) return { ok: false, status: 404, error: 'Ce dossier n’existe pas ou n’est pas de vos départements.' };
        const { ticket, caseFile } = found;
        const denial = forbidden(principal, caseFile, command);
        if (denial) return { ok: false, status: 403, error: denial };
        if (command.type === 'LEVEL') return { ok: false, status: 409, error: 'Le niveau ne peut que monter : N1, puis N2, puis N3.' };
        const event = await toEvent(principal, ticket, command);
        if (typeof event === 'string') return { ok: false, status: 400, error: event };
        const result = step(caseFile, event);
        if (!result.accepted) {
          return { ok: false, status: 409, error: `Cette action n’est pas possible quand le dossier est « ${STATUS_LABELS[result.status]} ». Un collègue l’a peut-être changé : il est mis à jour.` };
        }
        const next = result.caseFile;
        await save(ticket, next);
        const detail: AuditEntry['detail'] = { from: caseFile.status, to: next.status, level: next.level };
        if (command.type === 'UPDATE') detail.fields = Object.keys(command.changes);
        if (command.type === 'CALLBACK_ATTEMPT') {
          detail.reached = command.reached;
          // The attempt that completes the callback (counted once in the figures).
          detail.callbackDone = caseFile.callback?.state !== 'called' && next.callback?.state === 'called';
        }
        if (command.type === 'SOLVE') detail.wrapUp = command.wrapUp;
        await record(principal, AUDIT_OF[command.type], { ref, territory: next.territory, detail });
        if (result.effects.includes('reportUnmetNeed') && next.unmetNeed) {
          await deps.observatory.record({ month: monthOf(clock.now()), territory: next.territory, need: next.unmetNeed.need, missing: next.unmetNeed.missing });
        }
        await deps.events.publish({
          type: 'ticket.updated',
          ref,
          territory: next.territory,
          channel: ticket.channel,
          kind: ticket.kind,
          priority: ticket.priority,
          status: next.status,
          level: next.level,
          at: next.updatedAt,
        });
        return { ok: true, value: view(ticket, next) };
      });
    },

    /** The principal's tickets (one territory of theirs, or all of them), priority first then oldest first; audited. */
    async list(principal: Principal, filter: TicketListFilter): Promise<Outcome<{ tickets: TicketView[]; truncated: boolean }>> {
      const found = await find(principal, filter);
      if (found.ok) await record(principal, 'ticket.list', { detail: { count: found.value.tickets.length, territories: indexesOf(principal, filter) } });
      return found;
    },

    /**
     * How many live chats each advisor has now (subject → count): the open chat cases of one territory
     * (or all of the principal's) whose referent has the conversation (`isLive`). Counts only: not audited.
     */
    async liveChatsBy(principal: Principal, territory: string | undefined, isLive: (conversationId: string) => Promise<boolean>): Promise<Record<string, number>> {
      const found = await find(principal, { territory, channel: 'chat', kind: ['routed', 'fallback'], status: [...OPEN_STATUSES], limit: 500 });
      const counts: Record<string, number> = {};
      if (!found.ok) return counts;
      for (const view of found.value.tickets) {
        const referent = view.case.referent?.subject;
        if (referent !== undefined && (await isLive(view.ticket.conversationId))) counts[referent] = (counts[referent] ?? 0) + 1;
      }
      return counts;
    },

    /** N2 cases of one territory by the date of their staff territorial. */
    async agenda(principal: Principal, territory: string) {
      const listed = await this.list(principal, { territory, status: ['n2_on_agenda', 'n2_actions_recorded'], limit: 500 });
      if (!listed.ok) return listed;
      const byDate = new Map<string, TicketView[]>();
      for (const item of listed.value.tickets) {
        const date = item.case.staffDate ?? 'unscheduled';
        byDate.set(date, [...(byDate.get(date) ?? []), item]);
      }
      await record(principal, 'agenda.read', { territory, detail: { count: listed.value.tickets.length } });
      const staffs = [...byDate.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([staffDate, items]) => ({ staffDate, tickets: items }));
      return { ok: true as const, value: { territory, staffs } };
    },

    /**
     * Open callback tickets, to call first, then by request time. The number itself is shown only to
     * the people of the ticket's own territory: advisors and coordinators listing it among their
     * départements (XX: the national team); national admins for national (XX) tickets only. Each
     * contact shown in clear is audited as such (`callback.contact_read`, with its kind), apart from
     * the list read.
     */
    async callbacks(principal: Principal, territory: string | undefined): Promise<Outcome<{ callbacks: TicketView[] }>> {
      const listed = await this.list(principal, { territory, kind: 'callback', status: [...OPEN_STATUSES], limit: 500 });
      if (!listed.ok) return listed;
      const items = listed.value.tickets.sort(
        (a, b) =>
          Number(a.case.callback?.state === 'called') - Number(b.case.callback?.state === 'called') ||
          Number(b.ticket.priority === 'prioritaire') - Number(a.ticket.priority === 'prioritaire') ||
          (a.ticket.callback?.requestedAt ?? '').localeCompare(b.ticket.callback?.requestedAt ?? ''),
      );
      const shown: TicketView[] = [];
      for (const item of items) {
        const ticket = await tickets.get(item.ticket.ref);
        const own = principal.territories === 'all' ? item.territory === 'XX' : principal.territories.includes(item.territory);
        if (!ticket?.callback || !own) {
          shown.push(item);
          continue;
        }
        const callback = item.ticket.callback;
        if (ticket.callback.contact === 'phone' && callback?.contact === 'phone') {
          shown.push({ ...item, ticket: { ...item.ticket, callback: { ...callback, number: deps.openSealed(ticket.callback.numberSealed) } } });
        } else if (ticket.callback.contact === 'email' && callback?.contact === 'email') {
          shown.push({ ...item, ticket: { ...item.ticket, callback: { ...callback, email: deps.openSealed(ticket.callback.emailSealed) } } });
        } else {
          shown.push(item);
          continue;
        }
        await record(principal, 'callback.contact_read', { ref: item.ticket.ref, territory: item.territory, detail: { contact: ticket.callback.contact } });
      }
      await record(principal, 'callbacks.read', { detail: { count: shown.length } });
      return { ok: true, value: { callbacks: shown } };
    },

    async auditOf(principal: Principal, ref: string): Promise<Outcome<{ ref: string; entries: AuditEntry[] }>> {
      if (!coordinates(principal)) return { ok: false, status: 403, error: 'L’historique des accès est réservé aux coordinateurs et à l’équipe nationale.' };
      const found = await visible(principal, ref);
      if (!found) return { ok: false, status: 404, error: 'Ce dossier n’existe pas ou n’est pas de vos départements.' };
      await record(principal, 'ticket.audit_read', { ref, territory: territoryOfTicket(found.ticket) });
      return { ok: true, value: { ref, entries: await audit.ofTicket(ref) } };
    },

    async observatory(principal: Principal, month: string | undefined) {
      if (!coordinates(principal)) return { ok: false as const, status: 403 as const, error: 'L’observatoire est réservé aux coordinateurs et à l’équipe nationale.' };
      const chosen = month ?? monthOf(clock.now());
      const records: UnmetNeedRecord[] = (await deps.observatory.ofMonth(chosen)).filter((r) => canSeeTerritory(principal, r.territory));
      const counts: Record<string, Record<string, number>> = {};
      for (const r of records) {
        const forTerritory = (counts[r.territory] ??= {});
        forTerritory[r.need] = (forTerritory[r.need] ?? 0) + 1;
      }
      await record(principal, 'observatory.read', { detail: { month: chosen, count: records.length } });
      return { ok: true as const, value: { month: chosen, records, countsByTerritoryAndNeed: counts } };
    },

    record,
  };
}

export type AdvisorService = ReturnType<typeof createAdvisorService>;
