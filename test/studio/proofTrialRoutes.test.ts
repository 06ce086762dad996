/**
 * The proof and trial API of the studio: who may, on which territory, with which body; drafts that
 * are the shipped files or an edited copy (the drafts' storage is wired elsewhere), proved in the
 * real proof worker.
 */
import type { Server } from 'node:http';
import express from 'express';
import { createTokenVerifier } from '../../src/advisors/auth';
import type { Principal } from '../../src/advisors/principal';
import { createApp } from '../../src/app';
import { findRepoRoot } from '../../src/config/env';
import { createErrorHandler } from '../../src/http/errors';
import { silentLogger } from '../../src/logging';
import { compileConfigFiles, readConfigFiles, type ConfigFiles } from '../../src/studio/configFiles';
import { editTerritory } from '../../src/studio/edits';
import { createProofPool } from '../../src/studio/proofPool';
import { createStudioTrialRouter } from '../../src/studio/proofTrialRoutes';
import { advisorToken, TEST_ADVISOR_AUTH, TestClock } from '../support/testApp';

const PEOPLE = {
  admin: { subject: 'eve-national', role: 'national_admin', territories: 'all' },
  coordinator44: { subject: 'dora-44', role: 'coordinator', territories: ['44', '85'] },
  advisor44: { subject: 'alice-44', role: 'advisor', territories: ['44'] },
} satisfies Record<string, Principal>;

const SHIPPED: ConfigFiles = readConfigFiles(findRepoRoot());
const TERRITORIES = 'config/territories.yaml';

/** 44 opens at 08:30 on Mondays; 35 never opens (the files' own checks keep a territory from losing its target). */
function editedDraft(): ConfigFiles {
  const never = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
  const text = editTerritory(editTerritory(SHIPPED[TERRITORIES]!, '35', { hours: never }), '44', { hours: { mon: ['08:30-18:00'] } });
  return { ...SHIPPED, [TERRITORIES]: text };
}

const DRAFTS: Record<string, () => ConfigFiles> = { shipped: () => SHIPPED, edited: editedDraft };
const proofs = createProofPool();
const TO_NANTES = [{ keys: '1' }, { keys: '1' }, { keys: '1' }, { keys: '44000' }, { keys: '1' }];

let server: Server;
let base: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  const app = express();
  app.use(
    createStudioTrialRouter({
      loadConfig: async (draftId) => {
        const files = DRAFTS[draftId]?.();
        const compiled = files && compileConfigFiles(files, { checks: false });
        return compiled?.ok ? compiled.config : null;
      },
      proveDraft: async (draftId) => {
        const files = DRAFTS[draftId]?.();
        return files ? proofs.prove(files, { checks: false }) : null;
      },
      buildApp: createApp,
      verifier: createTokenVerifier(TEST_ADVISOR_AUTH, new TestClock('2026-11-23T09:00:00.000Z')),
      logger: silentLogger(),
    }),
  );
  app.use(createErrorHandler({ logger: silentLogger(), voiceFallbackTwiml: () => '<Response/>' }));
  server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  for (const [name, principal] of Object.entries(PEOPLE)) tokens[name] = await advisorToken(principal);
});
afterAll(async () => {
  await proofs.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function post(path: string, who: keyof typeof PEOPLE | null, body: unknown = {}) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON read back
}

describe('the proof of a draft over HTTP', () => {
  it('When a national admin proves the shipped configuration, then it is proved, with no finding', async () => {
    expect(await post('/api/studio/drafts/shipped/proof', 'admin')).toEqual({ status: 200, body: { proved: true, findings: [], hiddenFindings: 0 } });
  });

  it('When the coordinator of 44 proves a draft where 35 never opens, then the finding of 35 is only counted; a national admin reads it', async () => {
    const { status, body } = await post('/api/studio/drafts/edited/proof', 'coordinator44');
    expect({ status, proved: body.proved, findings: body.findings, hidden: body.hiddenFindings }).toEqual({ status: 200, proved: true, findings: [], hidden: 1 });
    const admin = await post('/api/studio/drafts/edited/proof', 'admin');
    expect(admin.body.findings).toEqual([
      expect.objectContaining({ blocking: false, message: 'Le territoire 35 n’ouvre jamais : tous ses appels auront la réponse « fermé ».', field: { kind: 'territory', territory: '35', key: 'hours' } }),
    ]);
  });

  it('When an advisor, or nobody, asks, then 403 or 401; an unknown draft is 404, in French', async () => {
    expect(await post('/api/studio/drafts/shipped/proof', 'advisor44')).toEqual({ status: 403, body: { error: 'Seuls les coordinateurs et l’équipe nationale peuvent vérifier et essayer un brouillon.' } });
    expect((await post('/api/studio/drafts/shipped/proof', null)).status).toBe(401);
    expect(await post('/api/studio/drafts/nothing/proof', 'admin')).toEqual({ status: 404, body: { error: 'Ce brouillon n’existe pas.' } });
    expect((await post('/api/studio/drafts/bad%20id/proof', 'admin')).status).toBe(400);
  });
});

describe('trying a call or a chat over HTTP', () => {
  it('When the coordinator of 44 tries a call on Monday 08:45 in the edited draft, then it reaches cercle-44', async () => {
    const { status, body } = await post('/api/studio/drafts/edited/trial/call', 'coordinator44', { territory: '44', at: '2026-11-23T08:45', steps: TO_NANTES });
    expect(status).toBe(200);
    expect(body.end).toEqual({ kind: 'queue', queue: 'cercle-44' });
    expect(body.whisper).toContain('Département 44');
  });

  it('When the coordinator of 44 tries a call of 35, or names no territory, then 403 or 400, in French', async () => {
    expect(await post('/api/studio/drafts/edited/trial/call', 'coordinator44', { territory: '35', at: '2026-11-23T08:45', steps: [] })).toEqual({ status: 403, body: { error: 'Vous ne coordonnez pas le territoire 35.' } });
    expect(await post('/api/studio/drafts/edited/trial/chat', 'coordinator44', { at: '2026-11-23T08:45', messages: [] })).toEqual({ status: 400, body: { error: 'Dites pour quel territoire faire l’essai (le champ « territory »).' } });
  });

  it('When a body is wrong (a date, a step, an unknown field), then 400 names the field in French', async () => {
    const badDate = await post('/api/studio/drafts/shipped/trial/call', 'admin', { at: '23/11/2026 08:45', steps: [] });
    expect(badDate).toEqual({ status: 400, body: { error: expect.stringContaining('le champ « at » : une date et une heure, par exemple « 2026-11-23T08:45 »') } });
    expect((await post('/api/studio/drafts/shipped/trial/call', 'admin', { at: '2026-11-23T08:45', steps: [{ keys: 'abc' }] })).status).toBe(400);
    expect((await post('/api/studio/drafts/shipped/trial/chat', 'admin', { at: '2026-11-23T08:45', messages: [], draft: 'x' })).status).toBe(400);
  });

  it('When two trials are asked at once, then both are played, one after the other, each on its own service', async () => {
    const [early, shipped] = await Promise.all([
      post('/api/studio/drafts/edited/trial/call', 'admin', { territory: '44', at: '2026-11-23T08:45', steps: TO_NANTES }),
      post('/api/studio/drafts/shipped/trial/call', 'admin', { territory: '44', at: '2026-11-23T08:45', steps: TO_NANTES }),
    ]);
    expect([early.status, early.body.end, shipped.status, shipped.body.end]).toEqual([200, { kind: 'queue', queue: 'cercle-44' }, 200, { kind: 'menu' }]);
  });

  it('When a national admin tries a chat, then the replies of the draft come back', async () => {
    const { status, body } = await post('/api/studio/drafts/shipped/trial/chat', 'admin', { at: '2026-11-23T10:00', messages: ['C’est quoi l’AAH ?'] });
    expect(status).toBe(200);
    expect(body.lines).toContainEqual(expect.objectContaining({ who: 'service', text: expect.stringContaining('allocation aux adultes handicapés') }));
  });
});
