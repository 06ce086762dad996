/**
 * The phone line's wiring: a call's turns on the version it started on, the waiting room, the
 * emergency answer (the national fallback when nothing else can answer), the /voice routes, and the
 * lean voice lane that answers the turn webhooks ahead of express.
 */
import type { RequestListener } from 'node:http';
import type { Express } from 'express';
import { twilioSignatureCheck } from '../http/twilioSignature';
import { timeRequests } from '../metrics';
import { decideRoute } from '../routing/decide';
import { fixedSecurityHeaders } from '../web/securityHeaders';
import { CallTurns } from '../voice/callTurns';
import { emergencyTwiml, type EmergencyDeps } from '../voice/emergency';
import { createVoiceRouter } from '../voice/routes';
import { createTurnWebhooks } from '../voice/turnWebhooks';
import { createVoiceLane } from '../voice/voiceLane';
import { createWaitingRoom } from '../voice/waitingRoom';
import type { Services } from './services';

export interface VoiceWiring {
  /** The national fallback's TwiML: what a caller gets when a request cannot be answered otherwise. */
  fallbackTwiml: () => string;
  /** The lean voice lane, handing what it does not answer to `next`. */
  laneAhead(next: RequestListener): RequestListener;
}

export function mountVoice(app: Express, s: Services): VoiceWiring {
  const { store, keys, clock, logger, settings, metrics, tickets, people, runtimes } = s;
  const waitingRoom = createWaitingRoom(store, keys, settings.callTtlSeconds);
  const calls = new CallTurns({
    runtime: runtimes.voice,
    store,
    keys,
    tickets,
    waitingRoom,
    clock,
    callTtlSeconds: settings.callTtlSeconds,
    metrics: s.counting,
    personKeyOf: (caller) => people.ofSealedNumber(caller),
  });
  const emergency: EmergencyDeps = {
    decideRoute: (departement, now) => decideRoute(s.live.current().config.territories, departement, now),
    wording: runtimes.emergencyWording,
    lastResortQueue: 'cercle-national',
  };
  const fallbackTwiml = () => emergencyTwiml(emergency, null, clock.now());
  const voice = {
    calls,
    tickets,
    waitingRoom,
    emergency,
    departementName: s.departementName,
    // The caller's number: its person key is kept, for the call's ticket (src/people/personLinks.ts).
    sealPhoneNumber: (e164: string) => people.sealCaller(e164, s.sealPhoneNumber),
    urls: s.urls,
    clock,
    logger,
    twilioAuthToken: settings.twilioAuthToken,
    publicBaseUrl: settings.publicBaseUrl,
    metrics: s.counting,
  };
  const turns = createTurnWebhooks(voice);
  app.use('/voice', timeRequests(metrics, 'voice', '/voice'), createVoiceRouter({ ...voice, turns }));
  return {
    fallbackTwiml,
    laneAhead: (next) =>
      createVoiceLane({
        turns,
        isSigned: twilioSignatureCheck(settings.twilioAuthToken, settings.publicBaseUrl),
        securityHeaders: fixedSecurityHeaders(),
        metrics,
        logger,
        fallbackTwiml,
        next,
      }),
  };
}
