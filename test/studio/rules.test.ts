/**
 * Who may change what in the studio, the two-person rule on emergency numbers, and the YAML round
 * trip (export a version's files, import them into a draft, errors with their line).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONFIG_CHECKS, runConfigChecks } from '../../src/config/configChecks';
import { findRepoRoot } from '../../src/config/env';
import { readConfigFiles } from '../../src/studio/configFiles';
import { TestClock, testRedis } from '../support/testApp';
import type { StoreKeys } from '../../src/storage/keys';
import type { RedisStore } from '../../src/storage/redis-store';
import { ADVISOR_44, COORDINATOR_44, NATIONAL_ADMIN, SECOND_ADMIN, startStudioProcess, studioClient, type StudioProcess } from './helpers';

// Calls and publishes on a shared machine: a test takes seconds, never a fixed sleep.
jest.setTimeout(120_000);

let redis: { store: RedisStore; keys: StoreKeys; cleanup(): Promise<void> };
const clock = new TestClock('2026-11-23T09:00:00.000Z');
let process: StudioProcess;

beforeAll(async () => {
  redis = await testRedis('studio-rules');
  process = await startStudioProcess(redis, clock);
}, 90_000);
afterAll(async () => {
  await process?.close();
  await redis.cleanup();
});

const SAFETY = 'content/fr/safety.yaml';
const shipped = (path: string) => readFileSync(join(findRepoRoot(), path), 'utf8');

describe('who may change what', () => {
  it('When a coordinator of 44 edits a draft, then 44 is theirs, but 35, the national settings and the voice flow are refused in French', async () => {
    const coordinator = studioClient(process, COORDINATOR_44);
    const draft = await coordinator.newDraft();
    const own = await coordinator.put(`/drafts/${draft}/territories/44`, { hours: { sat: ['09:00-12:00'] }, closedMessage: 'Nous rouvrons lundi.' });
    expect(own.status).toBe(200);
    expect(own.body.diff).toEqual(['44 : message de fermeture ajouté : Nous rouvrons lundi.', '44 : samedi fermé → 09:00–12:00']);

    const other = await coordinator.put(`/drafts/${draft}/territories/35`, { hours: { mon: ['08:00-18:00'] } });
    expect(other).toMatchObject({ status: 403, body: { error: 'Vous ne pouvez pas modifier le territoire 35 : ce n’est pas le vôtre.' } });
    const national = await coordinator.put(`/drafts/${draft}/national`, { crisis: { enabled: true } });
    expect(national.status).toBe(403);
    const flow = await coordinator.put(`/drafts/${draft}/files/flows/voice.yaml`, { text: shipped('flows/voice.yaml').replace('timeoutSeconds: 8', 'timeoutSeconds: 9') });
    expect(flow).toMatchObject({ status: 403, body: { error: 'Seule l’équipe nationale peut modifier le parcours vocal.' } });
    // A whole territories file that also changes 35 is refused as well.
    const sneaky = shipped('config/territories.yaml').replace('name: "Communauté 360 Ille-et-Vilaine"', 'name: "Autre nom"');
    expect((await coordinator.put(`/drafts/${draft}/files/config/territories.yaml`, { text: sneaky })).status).toBe(403);
    expect((await coordinator.post('/crisis', { enabled: true, reason: 'essai', confirm: true })).status).toBe(403);
    expect((await coordinator.post('/territories/35/closure', { closed: true, message: 'Fermé.', reason: 'essai', confirm: true })).status).toBe(403);

    const published = await coordinator.post(`/drafts/${draft}/publish`, { comment: 'Samedi matin' });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ kind: 'publish', author: { subject: 'coord-44', role: 'coordinator' }, comment: 'Samedi matin' });
  });

  it('When an advisor uses the studio, then they read the versions and change nothing', async () => {
    const advisor = studioClient(process, ADVISOR_44);
    expect((await advisor.get('/versions')).status).toBe(200);
    expect((await advisor.post('/drafts')).status).toBe(403);
    const authority = studioClient(process, { subject: 'ars', role: 'authority', territories: ['44'] });
    expect((await authority.get('/versions')).status).toBe(403);
  });

  it('When a body or an id is not valid, then the answer is 400 and names the problem', async () => {
    const admin = studioClient(process, NATIONAL_ADMIN);
    const draft = await admin.newDraft();
    expect((await admin.put(`/drafts/${draft}/territories/44`, { hours: { mon: ['9h-18h'] } })).body.error).toContain('09:00-18:00');
    expect((await admin.put(`/drafts/${draft}/territories/99`, { name: 'x' })).status).toBe(400);
    expect((await admin.get('/drafts/not-a-draft')).status).toBe(400);
    expect((await admin.put(`/drafts/${draft}/files/src/app.yaml`, { text: 'x: 1' })).status).toBe(400);
  });
});

describe('the two-person rule on emergency numbers', () => {
  it('When a national admin changes a number to dial, then publishing waits for a second national admin’s approval of that very revision', async () => {
    const first = studioClient(process, NATIONAL_ADMIN);
    const second = studioClient(process, SECOND_ADMIN);
    const draft = await first.newDraft();
    const changed = shipped(SAFETY).replace(
      'dial: "15"\n    say: "C\'est une urgence médicale. Le 15, le SAMU, peut vous aider tout de suite."',
      'dial: "112"\n    say: "C\'est une urgence médicale. Le 112 peut vous aider tout de suite."',
    );
    expect(changed).not.toBe(shipped(SAFETY));
    const imported = await first.put(`/drafts/${draft}/files/${SAFETY}`, { text: changed });
    expect(imported.status).toBe(200);
    expect(imported.body.needsApproval).toBe(true);
    // The draft's file is exported as it would be published (the page's « Télécharger » of a draft).
    const exported = await first.get(`/drafts/${draft}/files/${SAFETY}`);
    expect({ status: exported.status, body: exported.body }).toEqual({ status: 200, body: changed });
    expect((await first.get(`/drafts/${draft}/files/config/nothing.yaml`)).status).toBe(404);

    const alone = await first.post(`/drafts/${draft}/publish`, { comment: 'numéro' });
    expect(alone.status).toBe(409);
    expect(alone.body.error).toContain('second administrateur national');
    expect((await first.post(`/drafts/${draft}/approve`)).status).toBe(403);
    expect((await studioClient(process, COORDINATOR_44).post(`/drafts/${draft}/approve`)).status).toBe(403);

    expect((await second.post(`/drafts/${draft}/approve`)).status).toBe(200);
    // A change after the approval needs a new one.
    await first.put(`/drafts/${draft}/files/${SAFETY}`, { text: changed.replace('Le 112 peut vous aider tout de suite.', 'Le 112 peut vous aider maintenant.') });
    expect((await first.post(`/drafts/${draft}/publish`, { comment: 'numéro' })).status).toBe(409);
    await second.post(`/drafts/${draft}/approve`);
    const published = await first.post(`/drafts/${draft}/publish`, { comment: 'numéro' });
    expect(published.status).toBe(201);
    expect(published.body.diff).toContain('Message de sécurité « phone.urgence_medicale.dial » : 15 → 112');
  });
});

describe('YAML export and import', () => {
  it('When every shipped file is exported from version 1 and imported into a draft, then it is the same text and the draft changes nothing', async () => {
    const admin = studioClient(process, NATIONAL_ADMIN);
    const files = readConfigFiles(findRepoRoot());
    for (const [path, text] of Object.entries(files)) {
      const exported = await admin.get(`/versions/1/files/${path}`);
      expect({ path, status: exported.status, same: exported.body === text }).toEqual({ path, status: 200, same: true });
    }
    // Other tests may have published since: the draft's base is the published version.
    const draft = await admin.newDraft();
    const { published } = (await admin.get('/versions')).body as { published: number };
    for (const path of Object.keys(files)) {
      const exported = await admin.get(`/versions/${published}/files/${path}`);
      const imported = await admin.put(`/drafts/${draft}/files/${path}`, { text: exported.body });
      expect({ path, diff: imported.body.diff }).toEqual({ path, diff: [] });
    }
    expect((await admin.post(`/drafts/${draft}/check`)).body).toEqual({ problems: [], findings: [], publishable: true });
  });

  it('When an imported file has a mistake, then the check names the file, the line and what is expected, as config:check does, and publishing is refused', async () => {
    const admin = studioClient(process, NATIONAL_ADMIN);
    const draft = await admin.newDraft();
    const broken = shipped('config/territories.yaml').replace('mon: ["09:00-18:00"]', 'mon: ["9h-18h"]');
    const line = broken.split('\n').findIndex((text) => text.includes('9h-18h')) + 1;
    await admin.put(`/drafts/${draft}/files/config/territories.yaml`, { text: broken });
    const checked = await admin.post(`/drafts/${draft}/check`);
    expect(checked.body.publishable).toBe(false);
    expect(checked.body.problems).toEqual([expect.stringMatching(new RegExp(`^config/territories\\.yaml:${line}: territories\\.01\\.hours\\.mon\\[0\\]: `))]);
    const refused = await admin.post(`/drafts/${draft}/publish`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.problems).toEqual(checked.body.problems);
  });

  /** One mistake per kind of file a coordinator imports, and the line it is on. */
  const MISTAKES: Array<{ path: string; from: string | RegExp; to: string; at: string }> = [
    { path: 'config/territories.yaml', from: 'mon: ["09:00-18:00"]', to: 'mon: ["9h-18h"]', at: '9h-18h' },
    { path: 'flows/voice.yaml', from: /slowRate: "[^"]*"/, to: 'slowRate: "lent"', at: 'slowRate: "lent"' },
    {
      path: 'prompts/fr/voice.yaml',
      from: 'pleaseWait: "Merci de patienter. Ne raccrochez pas."',
      to: 'pleaseWait: "Merci de patienter."\n  pleaseWait: "Ne raccrochez pas."',
      at: 'pleaseWait: "Ne raccrochez pas."',
    },
    { path: 'prompts/fr/chat.yaml', from: 'thanks: "Avec plaisir."', to: 'thanks: 12', at: 'thanks: 12' },
    {
      path: 'prompts/fr/voice.yaml',
      from: 'pleaseWait: "Merci de patienter. Ne raccrochez pas."',
      to: 'pleaseWait: "Merci de patienter encore un petit peu car tous nos conseillers parlent en ce moment avec d’autres personnes qui appellent aussi le numéro."',
      at: 'pleaseWait: "Merci de patienter encore',
    },
    { path: 'content/fr/faq.yaml', from: /^( {4}title: ).*$/m, to: '$142', at: 'title: 42' },
    { path: 'content/fr/safety.yaml', from: 'dial: "15"', to: 'dial: 15', at: 'dial: 15' },
  ];

  it.each(MISTAKES)('When $path is imported with a mistake ($to), then the check gives config:check’s lines, in French, with the line of the mistake', async ({ path, from, to, at }) => {
    const admin = studioClient(process, NATIONAL_ADMIN);
    const draft = await admin.newDraft();
    const text = shipped(path).replace(from, to);
    expect(text).not.toBe(shipped(path));
    const line = text.split('\n').findIndex((row) => row.includes(at)) + 1;
    expect((await admin.put(`/drafts/${draft}/files/${path}`, { text })).status).toBe(200);
    const checked = await admin.post(`/drafts/${draft}/check`);
    expect(checked.body.publishable).toBe(false);

    // The same folder, checked as `npm run config:check` checks it (the proof aside: it needs valid files).
    const folder = mkdtempSync(join(tmpdir(), 'import-'));
    try {
      for (const top of ['config', 'flows', 'prompts', 'content']) cpSync(join(findRepoRoot(), top), join(folder, top), { recursive: true });
      writeFileSync(join(folder, path), text);
      const cli = runConfigChecks(folder, CONFIG_CHECKS.filter((check) => check.name !== 'proof')).flatMap((result) => result.errors);
      expect(checked.body.problems).toEqual(cli.map((row) => row.split(`${folder}/`).join('')));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    expect(checked.body.problems).toEqual([expect.stringMatching(new RegExp(`^${path.replace(/[./]/g, '\\$&')}:${line}: [^:]+: `))]);
    // French: no English word of zod or of the YAML reader.
    expect(checked.body.problems[0]).toMatch(/il faut|pas du YAML valide|phrase trop longue/);
    expect(checked.body.problems[0]).not.toMatch(/expected|Invalid|must|missing/);
  });
});

describe('the OpenAPI document', () => {
  it('When the document is read, then it has every studio route the page uses, the draft export and the approval included', async () => {
    const document = (await (await fetch(`${process.httpBase}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const studio = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/api/studio/'))
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
    expect(studio).toEqual(
      expect.arrayContaining([
        'GET /api/studio/drafts/{id}/files/{path}',
        'PUT /api/studio/drafts/{id}/files/{path}',
        'PUT /api/studio/drafts/{id}/national',
        'POST /api/studio/drafts/{id}/approve',
        'POST /api/studio/crisis',
        'POST /api/studio/territories/{code}/closure',
      ]),
    );
  });
});
