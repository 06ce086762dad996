/**
 * A real browser for the page tests: Debian's Chromium driven by playwright-core (no browser download).
 * Nothing is skipped: if Chromium is missing, launching throws and the test fails with the reason and
 * how to install it (`npm test` installs it itself when run as root: see test/support/globalSetup.ts).
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
import { chromiumMissingMessage, locateChromium } from './chromium';

/**
 * The machine has no network beyond loopback: without the background-networking flags Chromium
 * tries Google hosts (updates, sync, QUIC probes) and waits on them.
 */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface TestBrowser {
  browser: Browser;
  /** A context of its own (cookies, storage, viewport): one per scenario. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** Chromium's path, or a readable error: a browser test must fail, never pass silently. */
export function requireChromium(env: NodeJS.ProcessEnv = process.env): string {
  const path = locateChromium({ env });
  if (!path) throw new Error(chromiumMissingMessage(env));
  return path;
}

/**
 * Launches Chromium with a fresh user data dir: `chromium.launch` gives every browser a new temporary
 * profile (playwright_chromiumdev_profile-*, deleted on close) and refuses a `--user-data-dir` argument.
 */
export async function launchBrowser(): Promise<TestBrowser> {
  const executablePath = requireChromium();
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 30_000 });
  } catch (error) {
    throw new Error(`Chromium at ${executablePath} did not start: ${(error as Error).message}`);
  }
  return {
    browser,
    newContext: (options) => browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', ...options }),
    close: () => browser.close(),
  };
}

/** The part of an axe result this module reads (avoids a type dependency on axe-core itself). */
export interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  tags: string[];
  nodes: Array<{ target: unknown[]; html: string; failureSummary?: string }>;
}

/** Violations as a reader wants them in a failed test: rule, impact, WCAG tags, and each element. */
export function describeAxeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((v) => {
      const wcag = v.tags.filter((t) => /^wcag\d/.test(t)).join(', ');
      const nodes = v.nodes
        .map((n) => `    - ${JSON.stringify(n.target)}\n      ${n.html.slice(0, 200)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      return `• ${v.id} (${v.impact ?? 'n/a'}; ${wcag}): ${v.help}\n  ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}
