/**
 * Mints a development advisor token with the local signing key (ADVISOR_DEV_SIGNING_KEY or its
 * development default). Refused when ADVISOR_JWKS_URL is set or in production: real tokens come from
 * the identity provider.
 *
 *   npm run token:dev -- --role advisor --territories 44,35 [--subject alice] [--name "Alice"] [--hours 8]
 *   npm run token:dev -- --role national_admin --territories all
 */
import { parseArgs } from 'node:util';
import { mintDevToken } from '../src/advisors/devToken';
import { ROLES, type Principal, type Role } from '../src/advisors/principal';
import { EnvError, loadEnv } from '../src/config/env';

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: {
      role: { type: 'string', default: 'advisor' },
      territories: { type: 'string', default: '44' },
      subject: { type: 'string' },
      name: { type: 'string' },
      hours: { type: 'string', default: '8' },
    },
  });
  const env = loadEnv();
  if (env.advisorAuth.jwksUrl || !env.advisorAuth.devSigningKey) {
    throw new Error('ADVISOR_JWKS_URL is set: tokens come from the identity provider, not from this command');
  }
  if (!(ROLES as readonly string[]).includes(values.role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  const role = values.role as Role;
  const territories = values.territories === 'all' ? 'all' : values.territories.split(',').map((t) => t.trim().toUpperCase());
  const principal: Principal = {
    subject: values.subject ?? `dev-${role}`,
    ...(values.name ? { name: values.name } : {}),
    role,
    territories,
  };
  const hours = Number(values.hours);
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 30) throw new Error('--hours must be a number of hours from 0 to 720');
  const token = await mintDevToken(principal, {
    signingKey: env.advisorAuth.devSigningKey,
    issuer: env.advisorAuth.issuer,
    audience: env.advisorAuth.audience,
    ttlSeconds: Math.round(hours * 3600),
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Cannot mint a token: ${error instanceof EnvError || error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
