/** The call machine wired with the real flow, places and territories, and a readable sealing. */
import type { AppConfig } from '../../src/config/appConfig';
import { createPlaces } from '../../src/places/places';
import { decideRoute } from '../../src/routing/decide';
import { dangerDialNumber, detectDanger } from '../../src/safety';
import { ticketRefFor } from '../../src/tickets/ref';
import { createCallMachine, type CallMachineDeps } from '../../src/voice/callMachine';
import { repoConfig } from './config';

export function callMachineDeps(config: AppConfig = repoConfig()): CallMachineDeps {
  const places = createPlaces({ postcodeOverrides: config.territories.national.postcodeOverrides });
  return {
    flow: config.flow,
    places: {
      departementsForPostcode: (pc) => places.departementsForPostcode(pc),
      get: (code) => places.get(code),
      findByName: (text) => places.departementsNamedIn(text).flatMap((code) => places.get(code) ?? []),
    },
    decideRoute: (departement, now) => decideRoute(config.territories, departement, now),
    // Tests read the number back: "sealed" here is only a marker, the real sealing is tested in security.
    sealPhoneNumber: (e164) => ({ sealed: `test-sealed:${e164}`, lastDigits: e164.slice(-2) }),
    sealEmail: (email) => ({ sealed: `test-sealed:${email}`, hint: `${email[0]}…${email.slice(email.indexOf('@'))}` }),
    ticketRefFor,
    detectDanger,
    dangerNumber: dangerDialNumber(config.safetyMessages),
  };
}

export function testCallMachine(config?: AppConfig) {
  return createCallMachine(callMachineDeps(config));
}
