/** Token verification: an OpenID Connect provider's JWKS, or the local development key. */
import { createServer, type Server } from 'node:http';
import { SignJWT, exportJWK, generateKeyPair, type KeyLike } from 'jose';
import { AuthenticationError, createTokenVerifier } from '../../src/advisors/auth';
import { mintDevToken } from '../../src/advisors/devToken';
import { systemClock } from '../../src/domain/ports';
import { createMemoryStore } from '../../src/storage/memory-store';
import { createStoreKeys } from '../../src/storage/keys';
import { createTicketStore } from '../../src/tickets/ticket-store';
import { ticketRefFor } from '../../src/tickets/ref';

describe('advisor tokens from an identity provider (JWKS)', () => {
  let server: Server;
  let jwksUrl: string;
  let privateKey: KeyLike;
  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    jwksUrl = `http://127.0.0.1:${address.port}/jwks`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const settings = () => ({ jwksUrl, issuer: 'https://proconnect.example.gouv.fr', audience: 'orientation-360', devSigningKey: 'x'.repeat(40) });
  const sign = (claims: Record<string, unknown>, issuer = 'https://proconnect.example.gouv.fr') =>
    new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setSubject('agent-1').setIssuer(issuer).setAudience('orientation-360').setIssuedAt().setExpirationTime('1h').sign(privateKey);

  it('When the provider signs a token with role and territories, then the principal is read from it', async () => {
    const verifier = createTokenVerifier(settings(), systemClock);
    const token = await sign({ name: 'Agent Un', o360_role: 'coordinator', o360_territories: ['44', '2A'] });
    await expect(verifier.verify(token)).resolves.toEqual({ subject: 'agent-1', name: 'Agent Un', role: 'coordinator', territories: ['44', '2A'] });
  });

  it('When the issuer is another, or a development token is offered while a JWKS is set, then it is refused', async () => {
    const verifier = createTokenVerifier(settings(), systemClock);
    await expect(verifier.verify(await sign({ o360_role: 'advisor', o360_territories: ['44'] }, 'https://evil.example'))).rejects.toBeInstanceOf(AuthenticationError);
    const dev = await mintDevToken({ subject: 'x', role: 'national_admin', territories: 'all' }, { signingKey: 'x'.repeat(40), issuer: settings().issuer, audience: 'orientation-360' });
    await expect(verifier.verify(dev)).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('When a development token has expired, then it is refused with that reason', async () => {
    const key = 'k'.repeat(40);
    const verifier = createTokenVerifier({ issuer: 'dev', audience: 'o360', devSigningKey: key }, systemClock);
    const old = await mintDevToken({ subject: 'x', role: 'advisor', territories: ['44'] }, { signingKey: key, issuer: 'dev', audience: 'o360', now: new Date('2020-01-01'), ttlSeconds: 60 });
    await expect(verifier.verify(old)).rejects.toThrow('Votre jeton d’accès a expiré');
  });
});

describe('the per-territory ticket index', () => {
  it('When a ticket learns its département later, then it is listed in that territory too, and every territory reads only its months', async () => {
    const kv = createMemoryStore();
    const keys = createStoreKeys('o360test-index');
    const tickets = createTicketStore(kv, { ttlDays: 30, keys });
    const draft = { ref: ticketRefFor(null, 'CAindex1'), channel: 'voice' as const, kind: 'routed' as const, priority: 'normale' as const, conversationId: 'CAindex1' };
    const created = await tickets.createOrUpdate({ ...draft, departement: null });
    const since = new Date(Date.now() - 24 * 3600 * 1000);
    expect(await tickets.refsOfTerritory('XX', since)).toEqual([created.ref]);
    await tickets.createOrUpdate({ ...draft, departement: '44' });
    expect(await tickets.refsOfTerritory('44', since)).toEqual([created.ref]);
    expect(await tickets.refsOfTerritory('35', since)).toEqual([]);
    expect(await tickets.refsOfTerritory('all', since)).toEqual([created.ref]);
    const month = new Date().toISOString().slice(0, 7);
    expect(await kv.ttl(keys.ticketIndex('44', month))).toBeGreaterThan(30 * 24 * 3600);
    await kv.close();
  });
});
