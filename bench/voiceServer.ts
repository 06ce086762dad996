/**
 * What the voice benches (bench:voice, bench:voice:count) share: the Twilio account their calls are
 * signed with and the environment of the app servers they start.
 */
import type { TwilioAccount } from './load';

export const ACCOUNT: TwilioAccount = { publicBaseUrl: 'https://orientation360.bench.example', authToken: 'bench-twilio-auth-token-0123456789' };

/**
 * The app's environment. Not 'production': loadEnv then wants every deployment secret (advisor
 * sign-in, the bot's identity…), which the voice path does not use; nothing on it reads NODE_ENV.
 * Not 'development' either: main would start the local OpenID provider on its fixed port (3001)
 * beside each app server, and a second one at once (the chat bench's two apps, another checkout's
 * bench) fails with EADDRINUSE; no sign-in is measured here.
 */
export const VOICE_SERVER_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  PUBLIC_BASE_URL: ACCOUNT.publicBaseUrl,
  TWILIO_AUTH_TOKEN: ACCOUNT.authToken,
  LOG_HASH_KEY: 'bench-log-hash-key-0123456789',
  DATA_KEY: Buffer.alloc(32, 7).toString('base64'),
  REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
  LOG_LEVEL: 'info',
};
