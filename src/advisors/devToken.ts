/** Development tokens, signed with the local HS256 key (never accepted when a JWKS URL is set). */
import { SignJWT } from 'jose';
import { DEV_ALGORITHM, ROLE_CLAIM, TERRITORIES_CLAIM, devKeyBytes } from './auth';
import { PrincipalSchema, type Principal } from './principal';

export interface DevTokenOptions {
  signingKey: string;
  issuer: string;
  audience: string;
  /** Lifetime in seconds (default 8 hours, a working day). */
  ttlSeconds?: number;
  /** Issued-at time (default now). */
  now?: Date;
}

export async function mintDevToken(principal: Principal, options: DevTokenOptions): Promise<string> {
  const checked = PrincipalSchema.parse(principal);
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const claims: Record<string, unknown> = { [ROLE_CLAIM]: checked.role, [TERRITORIES_CLAIM]: checked.territories };
  if (checked.name !== undefined) claims.name = checked.name;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: DEV_ALGORITHM, typ: 'JWT' })
    .setSubject(checked.subject)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + (options.ttlSeconds ?? 8 * 3600))
    .sign(devKeyBytes(options.signingKey));
}
