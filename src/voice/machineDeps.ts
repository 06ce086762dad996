/**
 * The call machine's dependencies from a configuration: the one wiring used by the service (app.ts),
 * the studio's proof and trial, and the tests. Only the sealing of numbers and e-mails is chosen by
 * the caller (the service seals with its data key; the proof, which stores nothing, only marks).
 */
import type { AppConfig } from '../config/appConfig';
import type { Places } from '../places/places';
import { decideRoute } from '../routing/decide';
import { dangerDialNumber, detectDanger, spokenDangerCheck } from '../safety';
import { ticketRefFor } from '../tickets/ref';
import type { CallMachineDeps, PlaceFinder, SealedEmail, SealedNumber } from './callMachine';

export interface Sealing {
  sealPhoneNumber(e164: string): SealedNumber;
  sealEmail(email: string): SealedEmail;
}

export function placeFinderOf(places: Places): PlaceFinder {
  return {
    departementsForPostcode: (postcode) => places.departementsForPostcode(postcode),
    get: (code) => places.get(code),
    findByName: (text) => places.departementsNamedIn(text).flatMap((code) => places.get(code) ?? []),
  };
}

export function callMachineDeps(config: AppConfig, places: Places, sealing: Sealing): CallMachineDeps {
  return {
    flow: config.flow,
    places: placeFinderOf(places),
    decideRoute: (departement, now) => decideRoute(config.territories, departement, now),
    sealPhoneNumber: (e164) => sealing.sealPhoneNumber(e164),
    sealEmail: (email) => sealing.sealEmail(email),
    ticketRefFor,
    detectDanger,
    dangerCheck: spokenDangerCheck,
    dangerNumber: dangerDialNumber(config.safetyMessages),
  };
}
