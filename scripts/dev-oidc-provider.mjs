#!/usr/bin/env node
/**
 * A real OpenID Connect provider for development and tests (the `oidc-provider` package, certified
 * by the OpenID Foundation), shaped like ProConnect: the scopes `openid email given_name usual_name
 * siret uid`, the acr value `eidas1`, an RS256 id_token and an RS256-signed userinfo. It proves who
 * someone is and nothing else: roles and territories live in orientation-360's own staff accounts.
 *
 * Never for production: accounts are fixed test people, keys are made at each start, state is in memory.
 *
 * Settings (environment):
 *   DEV_OIDC_PORT            port to listen on (0: a free port), on 127.0.0.1
 *   DEV_OIDC_CLIENT_ID       the one client (default orientation-360-dev)
 *   DEV_OIDC_CLIENT_SECRET   its secret
 *   DEV_OIDC_REDIRECT_URIS   comma-separated redirect URIs of the client
 *   DEV_OIDC_POST_LOGOUT_REDIRECT_URIS  comma-separated post-logout redirect URIs
 * When it listens it prints one JSON line on stdout: {"issuer": "http://127.0.0.1:PORT"}.
 * It stops when its standard input closes (its parent died) or on SIGTERM.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import Provider from 'oidc-provider';

/** The test people: identity only (what ProConnect would say about them). */
export const DEV_IDENTITIES = [
  { id: 'dev-admin', email: 'admin.national@360.test', given_name: 'Nadia', usual_name: 'Martin', label: 'Administratrice nationale' },
  { id: 'dev-coordinator-44', email: 'coordination.44@360.test', given_name: 'Damien', usual_name: 'Leroy', label: 'Coordinateur de Loire-Atlantique (44)' },
  { id: 'dev-advisor-44', email: 'conseil.44@360.test', given_name: 'Alice', usual_name: 'Bernard', label: 'Conseillère de Loire-Atlantique (44)' },
  { id: 'dev-advisor-44-b', email: 'conseil2.44@360.test', given_name: 'Bruno', usual_name: 'Moreau', label: 'Conseiller de Loire-Atlantique (44), 3 chats au plus' },
  { id: 'dev-advisor-35', email: 'conseil.35@360.test', given_name: 'Chloé', usual_name: 'Petit', label: 'Conseillère d’Ille-et-Vilaine (35)' },
  { id: 'dev-no-account', email: 'sans.compte@360.test', given_name: 'Sam', usual_name: 'Durand', label: 'Agent sans compte dans le 360' },
];
const SIRET = '13002526500013';

const list = (text) => (text ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title, body) {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – fournisseur d’identité de développement</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;color:#161616;background:#fff;line-height:1.5}
header,main{max-width:40rem;margin:0 auto;padding:1rem}
header{border-bottom:1px solid #929292}
.note{background:#e8edff;padding:.75rem 1rem;border-left:4px solid #000091}
ul{list-style:none;padding:0}
li{margin:.5rem 0}
button{font:inherit;font-size:1rem;padding:.6rem 1rem;min-height:2.75rem;background:#000091;color:#fff;border:0;cursor:pointer;text-align:left;width:100%}
button:focus{outline:3px solid #0a76f6;outline-offset:2px}
.secondary{background:#fff;color:#000091;border:1px solid #000091}
</style>
</head>
<body>
<header><p><strong>Fournisseur d’identité de développement</strong> (comme ProConnect)</p></header>
<main id="main">
${body}
</main>
</body>
</html>`;
}

function loginPage(uid) {
  const buttons = DEV_IDENTITIES.map(
    (person) =>
      `<li><button type="submit" name="account" value="${escapeHtml(person.id)}">${escapeHtml(person.given_name)} ${escapeHtml(person.usual_name)} – ${escapeHtml(person.label)} (${escapeHtml(person.email)})</button></li>`,
  ).join('\n');
  return page(
    'Choisir un compte de test',
    `<h1>Choisir un compte de test</h1>
<p class="note">Ceci est un faux service de connexion, pour les essais. Il n’y a pas de mot de passe.</p>
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<ul>
${buttons}
</ul>
</form>`,
  );
}

function logoutSource(ctx, form) {
  ctx.body = page(
    'Se déconnecter',
    `<h1>Se déconnecter</h1>
<p>Voulez-vous vous déconnecter du fournisseur d’identité ?</p>
${form}
<p><button type="submit" form="op.logoutForm" name="logout" value="yes">Oui, me déconnecter</button></p>
<p><button type="submit" form="op.logoutForm" class="secondary">Non, rester connecté</button></p>`,
  );
}

function postLogoutSuccessSource(ctx) {
  ctx.body = page('Déconnexion faite', '<h1>Vous êtes déconnecté</h1><p>Vous pouvez fermer cette page.</p>');
}

function renderError(ctx, out) {
  ctx.type = 'html';
  ctx.body = page('Erreur', `<h1>La connexion n’a pas abouti</h1><p>${escapeHtml(out.error_description ?? out.error ?? 'Erreur inconnue')}</p>`);
}

async function readForm(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > 4096) throw new Error('form too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startDevOidcProvider(settings) {
  const port = Number(settings.port ?? 0);
  const server = createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const scope = 'openid email given_name usual_name siret uid';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: settings.clientId,
        client_secret: settings.clientSecret,
        redirect_uris: settings.redirectUris,
        post_logout_redirect_uris: settings.postLogoutRedirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        id_token_signed_response_alg: 'RS256',
        userinfo_signed_response_alg: 'RS256',
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: 'dev-rs256', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    scopes: scope.split(' '),
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      given_name: ['given_name'],
      usual_name: ['usual_name'],
      siret: ['siret'],
      uid: ['uid'],
    },
    acrValues: ['eidas1'],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      jwtUserinfo: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // The service is first-party: no consent screen, the requested scopes are granted.
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope(scope);
      await grant.save();
      return grant;
    },
    findAccount: (_ctx, id) => {
      const person = DEV_IDENTITIES.find((p) => p.id === id);
      if (!person) return undefined;
      return {
        accountId: person.id,
        claims: () => ({
          sub: person.id,
          email: person.email,
          email_verified: true,
          given_name: person.given_name,
          usual_name: person.usual_name,
          siret: SIRET,
          uid: person.id,
        }),
      };
    },
    renderError,
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 3600, Interaction: 600, Session: 8 * 3600, Grant: 8 * 3600 },
  });
  provider.on('server_error', (_ctx, error) => process.stderr.write(`dev OIDC provider: ${error.stack ?? error}\n`));
  const callback = provider.callback();
  server.on('request', async (req, res) => {
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(req.url ?? '');
    if (!match) return callback(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      if (req.method === 'GET') {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.setHeader('cache-control', 'no-store');
        res.end(loginPage(details.uid));
        return;
      }
      if (req.method === 'POST' && match[2]) {
        const form = await readForm(req);
        const person = DEV_IDENTITIES.find((p) => p.id === form.get('account'));
        if (!person) {
          res.statusCode = 400;
          res.end(page('Erreur', '<h1>Compte inconnu</h1>'));
          return;
        }
        await provider.interactionFinished(req, res, { login: { accountId: person.id, acr: 'eidas1', amr: ['pwd'] } }, { mergeWithLastSubmission: false });
        return;
      }
      res.statusCode = 405;
      res.end();
    } catch (error) {
      res.statusCode = 400;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(page('Erreur', `<h1>La connexion n’a pas abouti</h1><p>${escapeHtml(error.message)}</p>`));
    }
  });
  return { issuer, close: () => new Promise((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }) };
}

// Run as a process (not when imported).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const running = await startDevOidcProvider({
    port: process.env.DEV_OIDC_PORT ?? 0,
    clientId: process.env.DEV_OIDC_CLIENT_ID ?? 'orientation-360-dev',
    clientSecret: process.env.DEV_OIDC_CLIENT_SECRET ?? 'dev-oidc-client-secret-not-a-secret',
    redirectUris: list(process.env.DEV_OIDC_REDIRECT_URIS),
    postLogoutRedirectUris: list(process.env.DEV_OIDC_POST_LOGOUT_REDIRECT_URIS),
  });
  process.stdout.write(`${JSON.stringify({ issuer: running.issuer })}\n`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
