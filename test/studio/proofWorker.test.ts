/**
 * The proof off the event loop (issue 11): the checks and the proof of a draft run in a worker
 * thread; while it proves, the process still answers; what it finds is what the same proof finds
 * run here, in the test's own thread.
 */
import { findRepoRoot } from '../../src/config/env';
import type { StoreKeys } from '../../src/storage/keys';
import type { RedisStore } from '../../src/storage/redis-store';
import { readConfigFiles, type ConfigFiles } from '../../src/studio/configFiles';
import { proofFindingOf } from '../../src/studio/prove';
import { createProofPool, type ProofPool } from '../../src/studio/proofPool';
import { proveFiles } from '../../src/studio/proveFiles';
import { TestClock, testRedis } from '../support/testApp';
import { NATIONAL_ADMIN, startStudioProcess, studioClient, within, type StudioProcess } from './helpers';

jest.setTimeout(120_000);

const SHIPPED: ConfigFiles = readConfigFiles(findRepoRoot());
const FLOW = 'flows/voice.yaml';
/** « Slower » takes the key of a menu option: valid for the schema, refused by the proof. */
const SLOWER_ON_4 = SHIPPED[FLOW]!.replace(/slower:\n    key: "9"/, 'slower:\n    key: "4"');
/** A file that is not even YAML: the checks' problems, no proof. */
const BROKEN_TERRITORIES = `${SHIPPED['config/territories.yaml']!}\n  "44": [\n`;

describe('the proof worker', () => {
  let pool: ProofPool;
  beforeAll(() => {
    pool = createProofPool();
  });
  afterAll(() => pool.close());

  it('When the shipped files, a draft the proof refuses and a draft that does not compile are proved in the worker, then it finds what the same proof finds in this thread', async () => {
    expect(SLOWER_ON_4).not.toBe(SHIPPED[FLOW]);
    const drafts: ConfigFiles[] = [SHIPPED, { ...SHIPPED, [FLOW]: SLOWER_ON_4 }, { ...SHIPPED, 'config/territories.yaml': BROKEN_TERRITORIES }];
    // Sent at once: the worker takes them in turn, each answer goes to its own request.
    const inWorker = await Promise.all(drafts.map((files) => pool.prove(files, { checks: true })));
    const here = drafts.map((files) => proveFiles(files, { checks: true }));
    expect(inWorker).toEqual(here);
    expect(here.map((proof) => (proof.compiled ? proof.findings.filter((finding) => finding.blocking).length > 0 : 'problems'))).toEqual([false, true, 'problems']);
    expect(await pool.prove(drafts[1]!, { checks: false })).toEqual(proveFiles(drafts[1]!, { checks: false }));
    expect(pool.pending()).toBe(0);
  });

  it('When the worker is stopped during a proof, then that proof fails, and the next one is proved by a new worker', async () => {
    const cut = pool.prove(SHIPPED, { checks: false });
    await pool.close();
    await expect(cut).rejects.toThrow('stopped');
    expect(await pool.prove(SHIPPED, { checks: false })).toEqual({ compiled: true, findings: [] });
  });
});

describe('a proof over the API', () => {
  let redis: { store: RedisStore; keys: StoreKeys; cleanup(): Promise<void> };
  let service: StudioProcess;
  beforeAll(async () => {
    redis = await testRedis('studio-proof-worker');
    service = await startStudioProcess(redis, new TestClock('2026-11-23T09:00:00.000Z'));
  }, 90_000);
  afterAll(async () => {
    await service?.close();
    await redis?.cleanup();
  });

  it('When a draft is proved, then /healthz is answered while the proof is still running, and the findings are those of the proof run here', async () => {
    const admin = studioClient(service, NATIONAL_ADMIN);
    const draft = await admin.newDraft();
    expect((await admin.put(`/drafts/${draft}/files/${FLOW}`, { text: SLOWER_ON_4 })).status).toBe(200);
    const here = proveFiles({ ...SHIPPED, [FLOW]: SLOWER_ON_4 }, { checks: true });
    if (!here.compiled) throw new Error('the draft should compile');

    // The check (the configuration's checks, then the proof) gives the findings of the same proof.
    const checked = await admin.post(`/drafts/${draft}/check`);
    expect(checked.body).toEqual({ problems: [], findings: here.findings.map(proofFindingOf), publishable: false });

    let proofAnswered = false;
    const proof = admin.post(`/drafts/${draft}/proof`).then((answer) => {
      proofAnswered = true;
      return answer;
    });
    await within(30_000, async () => service.app.studio.proofs.pending() > 0);
    const health = await fetch(`${service.httpBase}/healthz`);
    expect(health.status).toBe(200);
    // Answered while the worker still proves: the proof did not hold the event loop.
    expect(proofAnswered).toBe(false);
    expect(service.app.studio.proofs.pending()).toBe(1);

    const proved = await proof;
    expect(proved.status).toBe(200);
    expect(proved.body).toEqual({ proved: false, findings: JSON.parse(JSON.stringify(here.findings)), hiddenFindings: 0 });
  });
});
