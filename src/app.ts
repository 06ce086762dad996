/**
 * The composition of the web service: builds the express app from its dependencies and never
 * listens (main.ts does). Tests build it with their own store, clock and configuration.
 * The parts are built in src/wiring/services.ts; each area mounts its routes from src/wiring/, in the
 * order express meets them.
 */
import type { TrustProxy } from './directline';
import type { App, AppDeps } from './appDeps';
import { useFrenchValidationMessages } from './http/problems';
import { fixedSecurityHeaders } from './web/securityHeaders';
import { createChat, mountChatChannel } from './wiring/chat';
import { createExpressApp, mountPagesAndFallbacks } from './wiring/platform';
import { createServices } from './wiring/services';
import { mountStaff } from './wiring/staff';
import { mountFigures, mountStudio } from './wiring/studioAndFigures';
import { mountVoice } from './wiring/voice';

export type { App, AppDeps, AppSettings, SignInSettings } from './appDeps';

export function createApp(deps: AppDeps): App {
  // Every refusal the API answers is French, zod's own messages included.
  useFrenchValidationMessages();
  const s = createServices(deps);
  const app = createExpressApp(s);
  const voice = mountVoice(app, s);
  const { chat, stopSweeping } = createChat(s);
  const { presence } = mountStaff(app, s, chat);
  mountStudio(app, s, createApp);
  mountFigures(app, s, { presence, chat });
  const { directLine, internal } = mountChatChannel(app, s, chat);
  mountPagesAndFallbacks(app, { webPublicDir: s.settings.webPublicDir, logger: s.logger, voiceFallbackTwiml: voice.fallbackTwiml });
  return {
    express: app,
    // The lean lanes ahead of express: the voice turns, then Direct Line's activities and opening.
    requestListener: voice.laneAhead(directLine.lane({ securityHeaders: fixedSecurityHeaders(), trustProxy: app.get('trust proxy fn') as TrustProxy, next: app })),
    tickets: s.tickets,
    get places() {
      return s.runtimes.servedPlaces();
    },
    chat,
    directLine,
    staff: s.staff,
    live: s.live,
    studio: s.studio,
    afterListen(server) {
      internal.setFromServer(server);
      directLine.attachWebSocket(server);
    },
    close: async () => {
      await stopSweeping();
      await s.advisorEvents.close();
      await directLine.close();
      await s.studio.close();
    },
  };
}
