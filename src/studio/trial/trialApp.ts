/**
 * A trial runs the real service on a draft configuration, apart from the real one: createApp (handed
 * in, so that this module need not import app.ts) with an in-memory store and bus of its own, a clock
 * stopped at the chosen time, secrets made for this trial only, listening on the loopback only while
 * the trial lasts. Nothing reaches the real store, and nothing leaves the process.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { App, AppDeps } from '../../appDeps';
import type { AppConfig } from '../../config/appConfig';
import type { Clock } from '../../domain/ports';
import { silentLogger } from '../../logging';
import { createMetrics } from '../../metrics';
import { localTimeToInstant } from '../../routing/local-time';
import { createMemoryBus, createMemoryStore } from '../../storage/memory-store';
import { createStoreKeys } from '../../storage/keys';
import { packagedWebPublicDir } from '../../web/routes';
import type { TwilioSide } from './simulatedCall';

/** createApp (src/app.ts). */
export type ServiceBuilder = (deps: AppDeps) => App;

/** The URL Twilio would call in a trial: never a real host (.invalid), only the loopback is reached. */
export const TRIAL_PUBLIC_BASE_URL = 'https://essai.orientation360.invalid';
const NATIONAL_TIME_ZONE = 'Europe/Paris';

export interface TrialMoment {
  /** The UTC instant the trial's clock shows. */
  instant: Date;
  timeZone: string;
}

/** « 2026-11-23T08:45 » in the territory's time zone (the national one when none is given). */
export function trialMoment(config: AppConfig, localDateTime: string, territory?: string): TrialMoment {
  const timeZone = (territory && config.territories.territories[territory]?.timeZone) || NATIONAL_TIME_ZONE;
  const [date = '', time = ''] = localDateTime.split('T');
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return { instant: localTimeToInstant(date, hours * 60 + minutes, timeZone), timeZone };
}

export interface TrialService {
  app: App;
  /** What Twilio knows of this trial: its URL and its signing token. */
  side: TwilioSide;
  clock: Clock;
}

export async function withTrialService<T>(buildApp: ServiceBuilder, config: AppConfig, instant: Date, work: (trial: TrialService) => Promise<T>): Promise<T> {
  const clock: Clock = { now: () => new Date(instant) };
  const store = createMemoryStore(clock, { sweepIntervalMs: 0 });
  const authToken = randomBytes(24).toString('hex');
  const app = buildApp({
    config,
    store,
    bus: createMemoryBus(),
    clock,
    logger: silentLogger(),
    metrics: createMetrics({ defaultMetrics: false }),
    keys: createStoreKeys('trial'),
    settings: {
      publicBaseUrl: TRIAL_PUBLIC_BASE_URL,
      twilioAuthToken: authToken,
      dataKey: randomBytes(32),
      callTtlSeconds: 3600,
      ticketTtlDays: 1,
      advisorAuth: { issuer: 'orientation-360-trial', audience: 'orientation-360-trial', devSigningKey: randomBytes(32).toString('hex') },
      chatTtlSeconds: 3600,
      bot: { microsoftAppId: undefined, microsoftAppPassword: undefined, microsoftAppType: 'MultiTenant', microsoftAppTenantId: undefined },
      webPublicDir: packagedWebPublicDir(),
      metricsToken: undefined,
    },
  });
  const server: Server = app.express.listen(0, '127.0.0.1');
  try {
    await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('the trial service has no port');
    return await work({ app, clock, side: { publicBaseUrl: TRIAL_PUBLIC_BASE_URL, authToken, endpoints: [{ httpBase: `http://127.0.0.1:${address.port}` }] } });
  } finally {
    await app.close();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await store.close();
  }
}
