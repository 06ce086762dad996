/**
 * CONFIG_DIR holds only what a coordinator edits (config/, flows/, prompts/, content/): the service
 * started by main.ts's startService on a copy of those four folders serves its pages from the package
 * and speaks the copy's sentences.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COORDINATOR_FOLDERS, loadAppConfig } from '../../src/config/appConfig';
import { loadEnv } from '../../src/config/env';
import { silentLogger } from '../../src/logging';
import { startService, type RunningService } from '../../src/main';
import { SimulatedCall } from '../support/callHarness';
import { REPO_ROOT } from '../support/config';
import { spokenText } from '../support/twiml';

const PUBLIC_BASE_URL = 'https://coordinator-copy.example.org';
const AUTH_TOKEN = 'config-dir-test-twilio-token-0123456789';
const WELCOME = 'Bonjour. Ceci est le message du dossier du coordinateur.';

let configDir: string;
let service: RunningService | undefined;

beforeEach(() => {
  configDir = mkdtempSync(join(tmpdir(), 'o360-config-dir-'));
  for (const folder of COORDINATOR_FOLDERS) cpSync(join(REPO_ROOT, folder), join(configDir, folder), { recursive: true });
});
afterEach(async () => {
  await service?.stop();
  service = undefined;
  rmSync(configDir, { recursive: true, force: true });
});

async function startOn(dir: string): Promise<string> {
  const env = loadEnv({ CONFIG_DIR: dir, PORT: '0', PUBLIC_BASE_URL, TWILIO_AUTH_TOKEN: AUTH_TOKEN, LOG_LEVEL: 'silent' });
  service = await startService(env, silentLogger());
  return `http://127.0.0.1:${service.port}`;
}

describe('CONFIG_DIR', () => {
  test('When CONFIG_DIR holds only config/, flows/, prompts/ and content/, then / and /console answer 200 and calls hear its sentences', async () => {
    const prompts = join(configDir, 'prompts', 'fr', 'voice.yaml');
    const original = readFileSync(prompts, 'utf8');
    const changed = original.replace(/^welcome: .*$/m, `welcome: "${WELCOME}"`);
    expect(changed).not.toBe(original);
    writeFileSync(prompts, changed);

    const base = await startOn(configDir);

    for (const page of ['/', '/chat', '/console', '/chat/chat.js', '/console/main.js']) {
      const response = await fetch(`${base}${page}`);
      expect({ page, status: response.status }).toEqual({ page, status: 200 });
    }
    const chatPage = await (await fetch(`${base}/`)).text();
    expect(chatPage).toContain('Parler à un conseiller');

    const call = new SimulatedCall({ publicBaseUrl: PUBLIC_BASE_URL, authToken: AUTH_TOKEN, endpoints: [{ httpBase: base }] });
    await call.dial();
    expect(spokenText(call.current!)).toContain(WELCOME);
  });

  test('When a folder is missing from CONFIG_DIR, then loading stops and names the folder', () => {
    rmSync(join(configDir, 'content'), { recursive: true });
    expect(() => loadAppConfig(configDir)).toThrow(/content\/: missing folder: CONFIG_DIR holds config\/, flows\/, prompts\/, content\//);
  });
});
