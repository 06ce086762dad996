/**
 * The studio (configuration versions, their proofs and trials) and the figures read from the service:
 * the observatory (anonymous contacts, unmet needs) and the dashboard (now and by day).
 */
import type { Express } from 'express';
import type { Presence } from '../advisors/presence';
import type { ChatTurns } from '../chat/chatTurns';
import { dashboardRouter } from '../dashboard';
import { createObservatoryRouter } from '../observatory/routes';
import { createStudioRouter } from '../studio';
import { createStudioTrialRouter } from '../studio/proofTrialRoutes';
import type { ServiceBuilder } from '../studio/trial/trialApp';
import type { Services } from './services';

/** `buildApp`: how a trial builds a service of its own on a version or a draft (createApp itself). */
export function mountStudio(app: Express, s: Services, buildApp: ServiceBuilder): void {
  const { studio, verifier, logger } = s;
  app.use(createStudioRouter({ ...studio, verifier }));
  app.use(createStudioTrialRouter({ loadConfig: (id) => studio.studio.loadVersionConfig(id), proveDraft: (id) => studio.studio.proveDraft(id), buildApp, verifier, logger }));
}

export function mountFigures(app: Express, s: Services, deps: { presence: Presence; chat: ChatTurns }): void {
  const { store, keys, clock, logger, verifier, config, departementName } = s;
  app.use(createObservatoryRouter({ verifier, contacts: s.contacts, unmetNeeds: s.observatory, settings: config.observatory, audit: s.audit, clock, logger, departementName }));
  app.use(
    dashboardRouter({
      store,
      keys,
      clock,
      logger,
      daily: s.daily,
      presence: deps.presence,
      verifier,
      territories: config.territories,
      departementCodes: s.places.all().map((d) => d.code),
      departementName,
      callbackTargetHoursOf: s.callbackTargetHours,
      ticketTtlDays: s.settings.ticketTtlDays,
      sweepGoneChats: (queues) => deps.chat.sweepGone(queues),
    }),
  );
}
