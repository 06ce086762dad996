/**
 * The service's parts, built once from its dependencies, before any route: the configuration served,
 * the tickets and who hears of them, the people's links, the audit, the staff and their sessions, the
 * advisors' use cases, the studio and the directory, the versioned runtimes of calls and chats. No
 * express here: the per-area modules beside this one mount routes over these parts.
 */
import { randomBytes } from 'node:crypto';
import { createTokenVerifier } from '../advisors/auth';
import { createAuditTrail } from '../advisors/audit';
import { createAdvisorEvents } from '../advisors/events';
import { createObservatory } from '../advisors/observatory';
import { createAdvisorService } from '../advisors/service';
import { createStaffDirectory } from '../advisors/staffDirectory';
import { createStaffService } from '../advisors/staffService';
import { ticketSavedEvent } from '../advisors/ticketNotices';
import { createWrapUpCodes } from '../advisors/wrapUpCodes';
import type { AppDeps } from '../appDeps';
import { createStaffSessions, isPlainLoopback } from '../auth/session';
import { createDailyFigures } from '../dashboard';
import { createDirectoryService } from '../directory/service';
import { allMetrics } from '../domain/ports';
import { countingCallbacksDone } from '../metrics';
import { createContactCounters } from '../observatory/contacts';
import { derivePersonKeySecret } from '../people/personKey';
import { createPersonLinks } from '../people/personLinks';
import { createPlaces } from '../places/places';
import { lastDigits, maskEmail, openText, sealText } from '../security/seal';
import { storeKeys as defaultStoreKeys } from '../storage/keys';
import { createStudioApi, staticConfig } from '../studio';
import { createVersionedRuntimes } from '../studio/versionedRuntimes';
import { callbackTargetHoursOf } from '../territories/schema';
import { createTicketStore } from '../tickets/ticket-store';
import type { SealedEmail, SealedNumber } from '../voice/callMachine';
import { voiceUrls } from '../voice/urls';

export type Services = ReturnType<typeof createServices>;

export function createServices(deps: AppDeps) {
  const { store, clock, logger, settings, metrics } = deps;
  const live = deps.live ?? staticConfig(deps.config);
  // The version served at start: what is no part of a call or a chat (the desk, the dashboard) reads it.
  const config = live.current().config;
  metrics.configServed(live.current().version);
  live.onChange((served) => metrics.configServed(served.version));
  const keys = deps.keys ?? defaultStoreKeys;
  // Names and time zones of the départements (the same in every version; postcodes: the version's places).
  const places = createPlaces();
  // The edges count once, through the Metrics port: live (/metrics) and by day (the dashboard).
  const callbackTargetHours = (territory: string) => callbackTargetHoursOf(live.current().config.territories, territory);
  const daily = createDailyFigures({ store, keys, clock, logger, timeZoneOf: (code) => places.get(code)?.timeZone, callbackTargetHoursOf: callbackTargetHours });
  const counting = allMetrics(metrics, daily);
  const sealPhoneNumber = (e164: string): SealedNumber => ({ sealed: sealText(settings.dataKey, e164), lastDigits: lastDigits(e164, 2) });
  const sealEmail = (email: string): SealedEmail => ({ sealed: sealText(settings.dataKey, email), hint: maskEmail(email) });
  const verifier = createTokenVerifier(settings.advisorAuth, clock);
  const advisorEvents = createAdvisorEvents({ bus: deps.bus, keys, verifier, logger });
  const contacts = createContactCounters(store, keys);
  const observatory = createObservatory(store, keys);
  const tickets = createTicketStore(store, {
    ttlDays: settings.ticketTtlDays,
    clock,
    keys,
    // Waiting calls and chats, callbacks: the consoles of the ticket's territory hear of it at once;
    // a new ticket is counted, anonymously, for the observatory.
    onSaved: (ticket, change) => {
      if (change === 'created') void contacts.count(ticket).catch((error: unknown) => logger.warn({ err: error }, 'observatory: contact not counted'));
      // A console that misses the notice reads the ticket at its next refresh: logged (no ref, no
      // personal data), never thrown (the bus may be down with Redis).
      advisorEvents.publish(ticketSavedEvent(ticket, change)).catch((error: unknown) => logger.warn({ err: error, change }, 'advisor events: ticket notice not published'));
    },
    // A person's new contact: the referents of their open N1 cases hear of it.
    onPersonLinked: (ticket) =>
      void advisors.personReturned(ticket).catch((error: unknown) => logger.warn({ err: error }, 'history: could not tell the referents')),
  });
  const openSealed = (sealed: string) => openText(settings.dataKey, sealed);
  const personKeySecret = derivePersonKeySecret(settings.dataKey);
  const people = createPersonLinks({ secret: personKeySecret, openSealed, tickets });
  const audit = createAuditTrail(store, keys, { ticketTtlDays: settings.ticketTtlDays, clock });
  const signIn = settings.signIn ?? { sessionSecret: randomBytes(32).toString('hex'), idleTimeoutSeconds: 30 * 60, absoluteLifetimeSeconds: 12 * 3600, bootstrapAdminEmails: [] };
  const staff = createStaffService({ directory: createStaffDirectory(store, keys), audit, clock, bootstrapAdminEmails: signIn.bootstrapAdminEmails });
  const sessions = createStaffSessions({
    store,
    keys,
    clock,
    staff,
    logger,
    settings: {
      secret: signIn.sessionSecret,
      idleTimeoutSeconds: signIn.idleTimeoutSeconds,
      absoluteLifetimeSeconds: signIn.absoluteLifetimeSeconds,
      secureCookie: !isPlainLoopback(signIn.oidc?.redirectUrl ?? settings.publicBaseUrl),
    },
  });
  const wrapUpCodes = createWrapUpCodes({ store, keys, national: config.wrapUpCodes });
  const advisors = createAdvisorService({
    store,
    keys,
    tickets,
    audit: countingCallbacksDone(audit, counting, tickets),
    observatory,
    events: advisorEvents,
    clock,
    ticketTtlDays: settings.ticketTtlDays,
    missingReasons: config.observatory.missing.map((reason) => reason.id),
    wrapUpCodes,
    timeZoneOf: (territory) => live.current().config.territories.territories[territory]?.timeZone ?? places.get(territory)?.timeZone ?? 'Europe/Paris',
    openSealed,
    logger,
  });
  const studio = createStudioApi({ store, keys, audit, clock, live });
  // The directory is a file of the configuration's versions: read from the version served, written through the studio.
  const directory = createDirectoryService({
    published: () => live.current().config.directory,
    studio: { ...studio.studio, publish: studio.publishing.publish },
    audit,
    clock,
  });
  const urls = voiceUrls(settings.publicBaseUrl);
  // A call or a chat finishes on its version, with the crisis switch and the closures of the version served now.
  const runtimes = createVersionedRuntimes({ live, voice: { sealPhoneNumber, sealEmail, urls }, logger });
  return {
    ...deps,
    keys,
    live,
    config,
    places,
    departementName: (code: string) => places.get(code)?.name,
    callbackTargetHours,
    daily,
    counting,
    sealPhoneNumber,
    verifier,
    advisorEvents,
    contacts,
    observatory,
    tickets,
    openSealed,
    personKeySecret,
    people,
    audit,
    signIn,
    staff,
    sessions,
    wrapUpCodes,
    advisors,
    studio,
    directory,
    urls,
    runtimes,
  };
}
