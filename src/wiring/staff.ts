/**
 * The staff's side of the API, in the order express must meet it: the OpenAPI document, the sign-in
 * (OpenID Connect) and the session that names the principal of every staff API, then the staff
 * accounts, the GDPR requests, the consoles' event stream, the vocabulary, wrap-up codes, presence,
 * tickets and the directory.
 */
import type { Express } from 'express';
import { createGdprService } from '../advisors/gdpr';
import { createGdprRouter } from '../advisors/gdprRoutes';
import { openApiDocument } from '../advisors/openapi';
import { createPresence, type Presence } from '../advisors/presence';
import { createPresenceRouter } from '../advisors/presenceRoutes';
import { createAdvisorRouter } from '../advisors/routes';
import { createStaffRouter } from '../advisors/staffRoutes';
import { createVocabularyRouter } from '../advisors/vocabulary';
import { createWrapUpRouter } from '../advisors/wrapUpRoutes';
import { createOidcRelyingParty } from '../auth/oidc';
import { createSignInRouter } from '../auth/routes';
import { chatQueueName, type ChatTurns } from '../chat/chatTurns';
import { createDirectoryRouter } from '../directory/routes';
import { createLiveConversations } from '../people/liveConversations';
import type { Services } from './services';

/** Where a staff session (or a bearer token) is read: every staff API and the staff's pages. */
const STAFF_PATHS = ['/api/advisor', '/api/admin', '/api/studio', '/api/tickets', '/api/calls', '/api/chats', '/api/observatory', '/observatoire', '/api/dashboard', '/tableau-de-bord', '/api/directory'];

export function mountStaff(app: Express, s: Services, chat: ChatTurns): { presence: Presence } {
  const { store, keys, clock, logger, settings, verifier, staff, sessions, tickets, advisors } = s;
  const openApi = openApiDocument();
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  // Staff sign-in: the session (or a bearer token) names the principal of every staff API.
  const tokenFallback = settings.advisorAuth.jwksUrl === undefined && settings.advisorAuth.devSigningKey !== undefined;
  app.use(createSignInRouter({ relyingParty: s.signIn.oidc ? createOidcRelyingParty(s.signIn.oidc) : null, sessions, staff, tokenFallback, clock, logger }));
  app.use(STAFF_PATHS, ...sessions.middleware);
  app.use(createStaffRouter({ staff, verifier, logger }));
  const liveConversations = createLiveConversations({ store, keys, chatTranscript: (id) => chat.transcript(id), chatQueueName });
  const gdpr = createGdprService({
    store,
    keys,
    tickets,
    audit: s.audit,
    live: liveConversations,
    clock,
    ticketTtlDays: settings.ticketTtlDays,
    personKeySecret: s.personKeySecret,
    openSealed: s.openSealed,
    logger,
  });
  app.use(createGdprRouter({ gdpr, verifier, logger }));
  app.use(s.advisorEvents.router);
  app.use(createVocabularyRouter());
  const presence = createPresence({ store, keys, clock });
  app.use(createWrapUpRouter({ codes: s.wrapUpCodes, service: advisors, verifier, logger }));
  app.use(
    createPresenceRouter({
      presence,
      verifier,
      logger,
      liveChats: (principal, territory) => advisors.liveChatsBy(principal, territory, async (conversationId) => (await chat.mode(conversationId)) === 'human'),
      chatLimitOf: (principal) => staff.chatLimitOf(principal.subject),
    }),
  );
  app.use(createAdvisorRouter({ service: advisors, verifier, tickets, logger, chatMode: (conversationId) => chat.mode(conversationId) }));
  app.use(createDirectoryRouter({ directory: s.directory, advisors, verifier }));
  return { presence };
}
