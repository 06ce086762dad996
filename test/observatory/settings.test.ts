/**
 * config/observatory.yaml: checked like every file a coordinator edits (file, path, line), and a
 * reason a coordinator adds is accepted at N3 and published with its label; a reason nobody listed
 * is refused (400), on the real app and Redis.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError } from '../../src/config/configError';
import { runConfigChecks } from '../../src/config/configChecks';
import { loadObservatorySettings, observatorySettingsCheck } from '../../src/observatory/settings';
import { ticketRefFor } from '../../src/tickets/ref';
import { PEOPLE, call, tokenOf } from '../advisors/helpers';
import { REPO_ROOT, repoConfig } from '../support/config';
import { TestClock, startTestApp, testRedis } from '../support/testApp';

const original = readFileSync(join(REPO_ROOT, 'config', 'observatory.yaml'), 'utf8');

function problemsOf(text: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'observatory-settings-'));
  try {
    const file = join(dir, 'observatory.yaml');
    writeFileSync(file, text);
    try {
      loadObservatorySettings(file);
      return [];
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      return error.lines;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('config/observatory.yaml', () => {
  it('When the repository’s file is checked, then it is valid, and npm run config:check runs its check', () => {
    expect(problemsOf(original)).toEqual([]);
    const results = runConfigChecks(REPO_ROOT, [observatorySettingsCheck]);
    expect(results).toEqual([{ check: 'observatory', file: expect.stringContaining('observatory.yaml'), errors: [] }]);
  });

  it('When a built-in reason is removed or a reason is listed twice, then each is named, with its line', () => {
    const broken = original.replace(/  - id: no_funding\n    label: "Pas de financement"\n/, '').replace('  - id: other\n', '  - id: no_transport\n');
    const problems = problemsOf(broken).join('\n');
    expect(problems).toMatch(/observatory\.yaml:\d+: missing: la raison "no_funding" doit rester/);
    expect(problems).toMatch(/observatory\.yaml:\d+: missing\[\d+\]\.id: "no_transport" est deux fois dans la liste/);
  });

  it('When an id has capitals or a need has no label, then each is named, with its line', () => {
    const broken = original.replace('  - id: not_accessible\n', '  - id: Not-Accessible\n').replace(/  vacances: .*\n/, '');
    const problems = problemsOf(broken).join('\n');
    expect(problems).toMatch(/observatory\.yaml:\d+: missing\[7\]\.id: il faut un identifiant de raison/);
    expect(problems).toMatch(/observatory\.yaml:\d+: needs\.vacances: manquant/);
  });
});

describe('a reason a coordinator adds', () => {
  it('When config/observatory.yaml lists a new reason, then a coordinator may give it at N3, it is published with its label, and an unlisted reason is refused', async () => {
    const redis = await testRedis('observatory-reasons');
    const base = repoConfig();
    const config = { ...base, observatory: { ...base.observatory, missing: [...base.observatory.missing, { id: 'no_sign_language', label: 'Pas d’interprète en langue des signes' }] } };
    const app = await startTestApp({ store: redis.store, keys: redis.keys, clock: new TestClock('2026-11-23T09:00:00.000Z'), config });
    try {
      const harness = { app, clock: new TestClock('2026-11-23T09:00:00.000Z'), redis, close: async () => undefined };
      const conversationId = `CA${randomBytes(16).toString('hex')}`;
      const ticket = await app.app.tickets.createOrUpdate({ ref: ticketRefFor('44', conversationId), channel: 'voice', kind: 'routed', profile: 'personne', need: 'scolarite', departement: '44', priority: 'normale', conversationId });
      const token = await tokenOf(PEOPLE.coordinator44);
      await call(harness, 'POST', `/api/advisor/tickets/${ticket.ref}/take`, token, {});
      await call(harness, 'POST', `/api/advisor/tickets/${ticket.ref}/level`, token, { level: 2, staffDate: '2026-11-24' });
      const unknown = await call(harness, 'POST', `/api/advisor/tickets/${ticket.ref}/level`, token, { level: 3, missing: ['made_up'] });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error).toContain('made_up');
      const known = await call(harness, 'POST', `/api/advisor/tickets/${ticket.ref}/level`, token, { level: 3, missing: ['no_sign_language'] });
      expect(known.status).toBe(200);
      const published = await call(harness, 'GET', '/api/observatory/44?month=2026-11', token);
      const table = published.body.tables.find((t: { id: string }) => t.id === 'sans_solution_besoin_manque');
      const column = table.columns.findIndex((c: { id: string }) => c.id === 'no_sign_language');
      expect(table.columns[column].label).toBe('Pas d’interprète en langue des signes');
      // One mention: too small to publish.
      expect(table.cells[table.rows.findIndex((r: { id: string }) => r.id === 'scolarite')][column]).toBe('secret');
    } finally {
      await app.close();
      await redis.cleanup();
    }
  });
});
