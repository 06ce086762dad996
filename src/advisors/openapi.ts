/**
 * The OpenAPI 3.1 document of the advisor API, generated from the same zod schemas the routes
 * validate with (z.toJSONSchema, JSON Schema 2020-12 as OpenAPI 3.1 expects). Served at
 * GET /api/openapi.json.
 */
import { z } from 'zod';
import {
  AdvisorEventDocSchema,
  AdvisorTicketSchema,
  AgendaSchema,
  AuditListSchema,
  CallbackAttemptBodySchema,
  CallbackListSchema,
  CaseFileViewSchema,
  CloseBodySchema,
  CommentBodySchema,
  ErrorSchema,
  LevelBodySchema,
  MeSchema,
  MonthQuerySchema,
  ObservatorySchema,
  TakeBodySchema,
  TerritoryQuerySchema,
  TicketListQuerySchema,
  TicketListSchema,
  ChatListSchema,
  TicketViewSchema,
  UpdateBodySchema,
} from './schemas';
import { AuditEntrySchema } from './audit';
import { PresenceBodySchema, PresenceViewSchema, TeamPresenceSchema } from './presence';
import { WrapUpListViewSchema } from './wrapUpCodes';
import { WrapUpBodySchema, WrapUpQuerySchema } from './wrapUpRoutes';
import { GdprEraseBodySchema, GdprErasureSchema, GdprExportBodySchema, GdprExportSchema } from './gdpr';
import { ObservatoryPublicationSchema, ObservatoryQuerySchema } from '../observatory/schemas';
import { DashboardQuerySchema, DashboardSchema } from '../dashboard/schemas';
import { directoryPaths } from '../directory/openapi';
import { studioPaths } from '../studio/openapi';
import { StaffAccountBodySchema, StaffAccountSchema, StaffAccountUpdateSchema, StaffAuditQuerySchema, StaffListSchema } from './staff';

type JsonObject = Record<string, unknown>;

const COMPONENTS = {
  AdvisorTicket: AdvisorTicketSchema,
  CaseFile: CaseFileViewSchema,
  TicketView: TicketViewSchema,
  TicketList: TicketListSchema,
  ChatList: ChatListSchema,
  Agenda: AgendaSchema,
  CallbackList: CallbackListSchema,
  AuditTrail: AuditListSchema,
  Observatory: ObservatorySchema,
  Principal: MeSchema,
  Error: ErrorSchema,
  AdvisorEvent: AdvisorEventDocSchema,
  StaffAccount: StaffAccountSchema,
  StaffList: StaffListSchema,
  StaffAudit: z.object({ entries: z.array(AuditEntrySchema) }).strict(),
  Presence: PresenceViewSchema,
  WrapUpCodes: WrapUpListViewSchema,
  TeamPresence: TeamPresenceSchema,
  GdprExport: GdprExportSchema,
  GdprErasure: GdprErasureSchema,
  ObservatoryPublication: ObservatoryPublicationSchema,
  Dashboard: DashboardSchema,
} as const;
type ComponentName = keyof typeof COMPONENTS;

function components(): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  const out = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, unrepresentable: 'any' }) as { schemas: Record<string, JsonObject> };
  return Object.fromEntries(Object.entries(out.schemas).map(([id, schema]) => [id, withoutDialect(schema)]));
}

function withoutDialect(schema: JsonObject): JsonObject {
  const { $schema: _dialect, $id: _id, ...rest } = schema;
  return rest;
}

function inputSchema(schema: z.ZodType): JsonObject {
  return withoutDialect(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonObject);
}

const ref = (name: ComponentName) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonObject) => ({ content: { 'application/json': { schema } } });
/**
 * A refusal: its description says, in French, what the body's `error` says (the sentence itself, or
 * « … » where the sentence names what was sent), as the API answers it (src/http/problems.ts).
 */
const error = (description: string) => ({ description, ...json(ref('Error')) });

/** What every staff API may answer: not signed in (or a token refused), and a store that does not answer. */
const STANDARD_ERRORS = {
  '401': error('« Connectez-vous pour continuer. » ; avec un jeton refusé : « Votre jeton d’accès n’est pas valide. Reconnectez-vous. » ou « Votre jeton d’accès a expiré. Reconnectez-vous. » ; session finie : « Votre session est terminée. Reconnectez-vous. »'),
  '503': error('« … ne répondent pas. Réessayez dans un instant. » (les dossiers, les comptes, la disponibilité…) : le stockage ne répond pas ; ou « La connexion ne répond pas. Réessayez dans un instant. » (la session)'),
};
/** The body refused by its schema: each wrong field named, with what it needs (src/http/problems.ts). */
const INVALID = '« La demande n’est pas valide : le champ « … » : … . »';

function queryParameters(schema: z.ZodObject): JsonObject[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const fieldSchema = inputSchema(field as z.ZodType);
    const { description, ...rest } = fieldSchema;
    return { name, in: 'query', required: !(field as z.ZodType).safeParse(undefined).success, schema: rest, ...(description ? { description } : {}) };
  });
}

const emailParameter = { name: 'email', in: 'path', required: true, schema: { type: 'string', format: 'email' }, description: 'The account’s e-mail' };
const refParameter = { name: 'ref', in: 'path', required: true, schema: { type: 'string', pattern: '^T-[0-9A-Z]{2,3}-[0-9A-Z]{6}$' }, description: 'Ticket ref, e.g. T-44-7K3F9Q' };

function caseCommand(summary: string, body: z.ZodType, okStatus = '200'): JsonObject {
  return {
    summary,
    parameters: [refParameter],
    requestBody: { required: true, ...json(inputSchema(body)) },
    responses: {
      [okStatus]: { description: 'The ticket and its case file after the change', ...json(ref('TicketView')) },
      '400': error(`${INVALID}, ou « Ces champs sont remplis par le service, pas par la demande : … . » (territoire, historique des niveaux, auteur…), ou ce qui manque à l’étape (par exemple « Le dossier n’a pas de besoin renseigné : il en faut un pour le N3. »)`),
      '403': error('« Votre rôle ne permet pas cette action (il faut : …). », « Seul le référent de ce dossier ou un coordinateur peut le modifier. », « Seul un coordinateur peut passer un dossier en N3, après le staff territorial. » ou « Seul un coordinateur peut confier un dossier à un autre référent. »'),
      '404': error('« Ce dossier n’existe pas ou n’est pas de vos départements. »'),
      '409': error('« Cette action n’est pas possible quand le dossier est « … ». Un collègue l’a peut-être changé : il est mis à jour. », « Le niveau ne peut que monter : N1, puis N2, puis N3. » ou « Quelqu’un modifie ce dossier en ce moment. Réessayez dans un instant. »'),
      ...STANDARD_ERRORS,
    },
  };
}

function gdprRequest(summary: string, body: z.ZodType, answer: ComponentName): JsonObject {
  return {
    summary,
    description: 'National admins only. The phone number or e-mail goes in the body, never in the URL.',
    requestBody: { required: true, ...json(inputSchema(body)) },
    responses: {
      '200': { description: summary, ...json(ref(answer)) },
      '400': error(`${INVALID} : ni téléphone ni e-mail, les deux, un numéro ou une adresse illisible ; pour l’effacement, sans "confirm": true (« l’effacement est définitif : confirmez avec "confirm": true »)`),
      '403': error('« Votre rôle ne permet pas cette action (il faut : administrateur national). »'),
      ...STANDARD_ERRORS,
    },
  };
}

/** The observatory (src/observatory/): authorities, coordinators and national admins, for their own départements. */
function observatoryPaths(): JsonObject {
  const territoryParameter = { name: 'territory', in: 'path', required: true, schema: { type: 'string', pattern: '^(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-46])$' }, description: 'Département code' };
  const refusals = {
    '400': error(`« Le territoire doit être un numéro de département : de 01 à 95, 2A, 2B, de 971 à 974, ou 976. », ou ${INVALID} (le mois : « il faut un mois AAAA-MM, par exemple 2026-11 »)`),
    '403': error('« Vous ne pouvez pas lire l’observatoire de ce département. » (un département qui n’est pas le vôtre, ou un conseiller)'),
    ...STANDARD_ERRORS,
  };
  const parameters = [territoryParameter, ...queryParameters(ObservatoryQuerySchema)];
  return {
    '/api/observatory/{territory}': {
      get: {
        summary: 'The published figures of a territory over twelve months (JSON), no count from 1 to 10, audited',
        parameters,
        responses: { '200': { description: 'The four tables', ...json(ref('ObservatoryPublication')) }, ...refusals },
      },
    },
    '/api/observatory/{territory}/export.csv': {
      get: {
        summary: 'The same figures as CSV: UTF-8 with BOM, `;` separator, CRLF, French headers (Territoire;Période;Tableau;Unité;Ligne;Colonne;Effectif), one count per line, totals named « Total », « secret » for suppressed counts; audited',
        parameters,
        responses: { '200': { description: 'The CSV file (attachment)', content: { 'text/csv; charset=utf-8': { schema: { type: 'string' } } } }, ...refusals },
      },
    },
    '/observatoire': {
      get: {
        summary: 'The figures as an accessible page (DSFR tables with captions, no script); without a territory, the first of yours',
        parameters: [{ name: 'territory', in: 'query', required: false, schema: territoryParameter.schema }, ...queryParameters(ObservatoryQuerySchema)],
        responses: {
          '200': { description: 'The page', content: { 'text/html': { schema: { type: 'string' } } } },
          '401': { description: 'Une page en français : se connecter, avec le lien', content: { 'text/html': { schema: { type: 'string' } } } },
          '403': { description: 'Une page en français : ce département n’est pas l’un des vôtres', content: { 'text/html': { schema: { type: 'string' } } } },
        },
      },
    },
  };
}

/** The dashboard (src/dashboard/): coordinators of the territory and national admins. */
function dashboardPaths(): JsonObject {
  const parameters = queryParameters(DashboardQuerySchema);
  const html = (description: string) => ({ description, content: { 'text/html': { schema: { type: 'string' } } } });
  return {
    '/api/dashboard': {
      get: {
        summary: 'Figures of a territory without personal data: now (who waits, the longest wait, callbacks to make, advisors available), today, each day of the period and its totals (contacts by channel, answered, abandoned rate, wait p50 / p90, callbacks done within target, hand-offs, needs)',
        parameters,
        responses: {
          '200': { description: 'The figures', ...json(ref('Dashboard')) },
          '400': error(`${INVALID} (territoire, dates « il faut une date AAAA-MM-JJ, par exemple 2026-11-25 », « la date « from » doit venir avant la date « to » »), ou « La période couvre 366 jours au plus. »`),
          '403': error('« Seuls les coordinateurs du département et l’équipe nationale lisent son tableau de bord. » (conseillers et autorités compris)'),
          ...STANDARD_ERRORS,
        },
      },
    },
    '/tableau-de-bord': {
      get: {
        summary: 'The same figures as an accessible page (DSFR, charts drawn on the server each followed by its table, no script); without a territory, your first one (national admins: the whole country)',
        parameters,
        responses: { '200': html('The page'), '401': html('Une page en français : se connecter, avec le lien'), '403': html('Une page en français : ce tableau de bord n’est pas l’un des vôtres') },
      },
    },
  };
}

export function openApiDocument(): JsonObject {
  const read = (summary: string, name: ComponentName, extra: JsonObject = {}) => ({
    summary,
    ...extra,
    responses: {
      '200': { description: summary, ...json(ref(name)) },
      '403': error('« Votre rôle ne permet pas cette action (il faut : …). » ou « Vous ne travaillez pas pour ce département. »'),
      ...STANDARD_ERRORS,
    },
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'orientation-360 advisor API',
      version: '1.0.0',
      description:
        'Tickets of the 0 800 360 360 helpline through the levels of service N1 → N2 → N3, for the advisors, coordinators and national admins of each territory. A ticket of another territory answers 404, as if it did not exist. Every read and change is audited. The authorities (role authority: ARS, conseil départemental, MDPH) read only the observatory (/api/observatory, /observatoire); every other endpoint refuses them.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }, { session: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'OpenID Connect access token with o360_role and o360_territories claims' },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'o360-session',
          description:
            'The console’s session after signing in at /auth/login (OpenID Connect, e.g. ProConnect); `__Host-o360-session` over https. Every POST, PUT, PATCH or DELETE made with it must carry the session’s CSRF token (GET /auth/session) in the X-CSRF-Token header, or it is refused with 403.',
        },
      },
      schemas: components(),
    },
    paths: {
      '/api/advisor/me': { get: read('Who I am: role and territories', 'Principal') },
      '/api/advisor/tickets': {
        get: read('My territories’ tickets, priority first then oldest first', 'TicketList', { parameters: queryParameters(TicketListQuerySchema) }),
      },
      '/api/advisor/chats': {
        get: read('My territories’ open chat hand-offs (routed, or fallback: out of hours, national list) with the live state of their conversation (waiting, human, bot, ended), priority first', 'ChatList', {
          parameters: queryParameters(TerritoryQuerySchema),
        }),
      },
      '/api/advisor/tickets/{ref}': {
        get: { ...read('One ticket with its case file', 'TicketView', { parameters: [refParameter] }), responses: { '200': { description: 'The ticket', ...json(ref('TicketView')) }, '404': error('« Ce dossier n’existe pas ou n’est pas de vos départements. »'), ...STANDARD_ERRORS } },
        patch: caseCommand('Update partners, actions, next action, staff date; coordinators may hand the case to another referent', UpdateBodySchema),
      },
      '/api/advisor/tickets/{ref}/take': { post: caseCommand('Take the ticket: I become the referent', TakeBodySchema) },
      '/api/advisor/tickets/{ref}/comments': { post: caseCommand('Add a note', CommentBodySchema, '201') },
      '/api/advisor/tickets/{ref}/callback-attempts': { post: caseCommand('Record a callback attempt (reached or not)', CallbackAttemptBodySchema, '201') },
      '/api/advisor/tickets/{ref}/level': { post: caseCommand('Change level: 2 puts it on the next staff territorial; 3 records an unmet need (coordinators)', LevelBodySchema) },
      '/api/advisor/tickets/{ref}/close': { post: caseCommand('Close with a wrap-up code of the ticket’s territory (required) and a note; 400 for a code not in its list', CloseBodySchema) },
      '/api/advisor/tickets/{ref}/audit': { get: read('The ticket’s audit trail (coordinators, national admins)', 'AuditTrail', { parameters: [refParameter] }) },
      '/api/advisor/agenda': { get: read('The N2 agenda of a territory, by staff date', 'Agenda', { parameters: queryParameters(TerritoryQuerySchema.required({ territory: true })) }) },
      '/api/advisor/callbacks': {
        get: read('Open callback tickets, to call first; the number only for the territory’s own people', 'CallbackList', { parameters: queryParameters(TerritoryQuerySchema) }),
      },
      '/api/advisor/observatory/unmet-needs': {
        get: read('Unmet needs of a month (N3), anonymous (coordinators, national admins)', 'Observatory', { parameters: queryParameters(MonthQuerySchema) }),
      },
      '/api/advisor/events': {
        get: {
          summary:
            'Live events of my territories (Server-Sent Events): ticket.created, ticket.updated, chat.message (the person wrote in a handed-off chat), person.returned (the person of an open N1 case contacted us again: for its referent), chat.danger (words of danger in a chat: the kind, never the words), chat.dangerDoubt (the question « en danger ? » was asked in a chat an advisor has: a doubt, the kind)',
          description: 'text/event-stream; each `data:` line is an AdvisorEvent. A browser EventSource may pass the token as ?access_token=.',
          responses: { '200': { description: 'The event stream', content: { 'text/event-stream': { schema: ref('AdvisorEvent') } } }, ...STANDARD_ERRORS },
        },
      },
      '/api/advisor/presence': {
        get: {
          summary: 'My presence (offline when never set or expired); with ?territory=, who is there in one of my territories (coordinators, national admins)',
          parameters: queryParameters(TerritoryQuerySchema),
          responses: {
            '200': { description: 'My presence (Presence), or with ?territory= the team’s (TeamPresence)', ...json({ oneOf: [ref('Presence'), ref('TeamPresence')] }) },
            '400': error(INVALID),
            '403': error('« Seul un coordinateur du département voit qui y est disponible. »'),
            ...STANDARD_ERRORS,
          },
        },
        put: {
          summary: 'Set my presence and how many chats I take at once (at most my staff account’s maxChats); holds 90 s, so the console repeats it every 30 s',
          requestBody: { required: true, ...json(inputSchema(PresenceBodySchema)) },
          responses: { '200': { description: 'My presence as stored', ...json(ref('Presence')) }, '400': error(`${INVALID}, ou « Votre compte permet … chats en même temps au plus. »`), '409': error('« Votre disponibilité change en ce moment sur un autre écran. Réessayez dans un instant. »'), ...STANDARD_ERRORS },
        },
      },
      '/api/advisor/wrap-up-codes': {
        get: {
          summary: 'The wrap-up codes a ticket of this territory closes with: its own list, or the national one (config/wrap-up-codes.yaml)',
          parameters: queryParameters(WrapUpQuerySchema),
          responses: { '200': { description: 'The list in use', ...json(ref('WrapUpCodes')) }, '400': error(INVALID), '403': error('« Vous ne travaillez pas pour ce département. »'), ...STANDARD_ERRORS },
        },
        put: {
          summary: 'Give the territory its own list (coordinators of the territory, national admins); audited as wrapup.update',
          requestBody: { required: true, ...json(inputSchema(WrapUpBodySchema)) },
          responses: { '200': { description: 'The list in use', ...json(ref('WrapUpCodes')) }, '400': error(`${INVALID} (identifiants, libellés, doublons, de 1 à 40 codes)`), '403': error('« Seul un coordinateur du département peut changer ses codes de clôture. »'), ...STANDARD_ERRORS },
        },
        delete: {
          summary: 'Back to the national list (coordinators of the territory, national admins); audited as wrapup.reset',
          parameters: queryParameters(WrapUpQuerySchema),
          responses: { '200': { description: 'The national list, now in use', ...json(ref('WrapUpCodes')) }, '403': error('« Seul un coordinateur du département peut changer ses codes de clôture. »'), ...STANDARD_ERRORS },
        },
      },
      '/api/vocabulary': {
        get: {
          summary: 'The French labels of every code the console shows (needs, profiles, statuses, levels, channels, kinds, roles…); public, no personal data',
          security: [],
          responses: { '200': { description: 'Lists of { id, label } by group', ...json({ type: 'object', additionalProperties: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, label: { type: 'string' } }, required: ['id', 'label'] } } }) } },
        },
      },
      '/api/tickets/{ref}': { get: read('The pre-filled ticket (screen pop)', 'AdvisorTicket', { parameters: [refParameter] }) },
      '/api/admin/staff': {
        get: read('The staff accounts I manage (national admins: all; coordinators: the advisors of their territories)', 'StaffList'),
        post: {
          summary: 'Create a staff account (coordinators: advisors of their own territories only); audited',
          requestBody: { required: true, ...json(inputSchema(StaffAccountBodySchema)) },
          responses: {
            '201': { description: 'The new account', ...json(ref('StaffAccount')) },
            '400': error(`${INVALID} (e-mail, rôle, départements : « un administrateur national n’a pas de département (« all ») ; les autres rôles en ont au moins un »)`),
            '403': error('« Seuls les coordinateurs et l’équipe nationale gèrent les comptes. » ou « Vous ne pouvez gérer que les conseillers de vos départements. »'),
            '409': error('« Un compte existe déjà avec cette adresse. », ou « Les comptes changent en ce moment. Réessayez dans un instant. »'),
            ...STANDARD_ERRORS,
          },
        },
      },
      '/api/admin/staff/{email}': {
        put: {
          summary: 'Change the role, territories or name of an account; audited',
          parameters: [emailParameter],
          requestBody: { required: true, ...json(inputSchema(StaffAccountUpdateSchema)) },
          responses: {
            '200': { description: 'The account after the change', ...json(ref('StaffAccount')) },
            '400': error(INVALID),
            '403': error('« Vous ne pouvez gérer que les conseillers de vos départements. » (le nouveau rôle ou les départements), ou « Seuls les coordinateurs et l’équipe nationale gèrent les comptes. »'),
            '404': error('« Ce compte n’existe pas ou n’est pas de vos départements. »'),
            '409': error('« Vous ne pouvez pas modifier votre propre compte. », ou « Les comptes changent en ce moment. Réessayez dans un instant. »'),
            ...STANDARD_ERRORS,
          },
        },
        delete: {
          summary: 'Remove an account (its sessions end at their next request); audited',
          parameters: [emailParameter],
          responses: {
            '200': { description: 'Removed', ...json({ type: 'object', properties: { removed: { type: 'string' } }, required: ['removed'] }) },
            '404': error('« Ce compte n’existe pas ou n’est pas de vos départements. »'),
            '409': error('« Vous ne pouvez pas retirer votre propre compte. », ou « Les comptes changent en ce moment. Réessayez dans un instant. »'),
            ...STANDARD_ERRORS,
          },
        },
      },
      '/api/admin/staff/audit': { get: read('Staff account changes and sign-ins of one day (coordinators: those of their territories’ advisors)', 'StaffAudit', { parameters: queryParameters(StaffAuditQuerySchema) }) },
      '/api/admin/gdpr/export': {
        post: gdprRequest(
          'Export everything held about one person (a phone number or an e-mail): tickets, case files, transcripts, callbacks, history links, the audit of their tickets; audited without personal data',
          GdprExportBodySchema,
          'GdprExport',
        ),
      },
      '/api/admin/gdpr/erase': {
        post: gdprRequest(
          'Erase what is held about one person: their tickets (personal fields, transcripts, callbacks), case files and notes, history links, the live call or chat; audited with counts only',
          GdprEraseBodySchema,
          'GdprErasure',
        ),
      },
      '/api/calls/{callSid}/ticket': {
        get: read('The pre-filled ticket of a call', 'AdvisorTicket', { parameters: [{ name: 'callSid', in: 'path', required: true, schema: { type: 'string' } }] }),
      },
      ...observatoryPaths(),
      ...dashboardPaths(),
      ...directoryPaths(),
      ...studioPaths({ inputSchema, json, error, standardErrors: STANDARD_ERRORS }),
    },
  };
}
