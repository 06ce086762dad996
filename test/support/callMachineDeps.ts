/** The call machine wired with the real flow, places and territories, and a readable sealing. */
import type { AppConfig } from '../../src/config/appConfig';
import { createPlaces } from '../../src/places/places';
import { createCallMachine, type CallMachineDeps } from '../../src/voice/callMachine';
import { callMachineDeps as machineDeps } from '../../src/voice/machineDeps';
import { repoConfig } from './config';

export function callMachineDeps(config: AppConfig = repoConfig()): CallMachineDeps {
  return machineDeps(config, createPlaces({ postcodeOverrides: config.territories.national.postcodeOverrides }), {
    // Tests read the number back: "sealed" here is only a marker, the real sealing is tested in security.
    sealPhoneNumber: (e164) => ({ sealed: `test-sealed:${e164}`, lastDigits: e164.slice(-2) }),
    sealEmail: (email) => ({ sealed: `test-sealed:${email}`, hint: `${email[0]}…${email.slice(email.indexOf('@'))}` }),
  });
}

export function testCallMachine(config?: AppConfig) {
  return createCallMachine(callMachineDeps(config));
}
