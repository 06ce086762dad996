/** Finding Chromium for the browser tests (test/support/chromium.ts and browser.ts). */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { locateChromium, provideChromium } from '../support/chromium';
import { requireChromium } from '../support/browser';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'o360-chromium-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function fakeExecutable(name: string): string {
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return path;
}

const NOWHERE = ['/nonexistent/chromium'];

describe('locating Chromium', () => {
  test('When CHROMIUM_PATH names an executable, then it is the one used', () => {
    const chosen = fakeExecutable('my-chromium');
    expect(locateChromium({ env: { CHROMIUM_PATH: chosen, PATH: '' }, fixedPaths: NOWHERE })).toBe(chosen);
  });

  test('When Debian\'s /usr/bin/chromium is missing, then chromium-browser on the PATH is used', () => {
    const onPath = fakeExecutable('chromium-browser');
    expect(locateChromium({ env: { PATH: `/nonexistent:${dir}` }, fixedPaths: NOWHERE })).toBe(onPath);
  });

  test('When CHROMIUM_PATH names nothing, then no other browser is taken in its place', () => {
    fakeExecutable('chromium');
    expect(locateChromium({ env: { CHROMIUM_PATH: join(dir, 'missing'), PATH: dir }, fixedPaths: NOWHERE })).toBeUndefined();
  });

  test('When no Chromium is found and it may not install one, then provideChromium finds none', async () => {
    await expect(provideChromium({ env: { PATH: dir }, fixedPaths: NOWHERE, mayInstall: false })).resolves.toBeUndefined();
  });

  test('When no Chromium is found, then the browser tests fail with a message that says how to install it', () => {
    expect(() => requireChromium({ CHROMIUM_PATH: join(dir, 'missing'), PATH: dir })).toThrow(
      /browser tests need Chromium: CHROMIUM_PATH=.*missing is not an executable\. Install it \(Debian: sudo apt-get install -y chromium/,
    );
  });
});
