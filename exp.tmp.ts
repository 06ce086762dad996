import { mkdtempSync, cpSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfigFiles, compileConfigFiles } from './src/studio/configFiles';
import { runConfigChecks } from './src/config/configChecks';
const root = process.cwd();
const files = readConfigFiles(root);
const breaks: Record<string, (t: string) => string> = {
  'config/territories.yaml': (t) => t.replace('mon: ["09:00-18:00"]', 'mon: ["9h-18h"]'),
  'flows/voice.yaml': (t) => t.replace(/timeout: \d+/, 'timeout: "beaucoup"'),
  'prompts/fr/voice.yaml': (t) => t + '\nbroken: [\n',
  'prompts/fr/chat.yaml': (t) => t.replace(/^(\s+)thanks: .*/m, '$1thanks: 12'),
  'content/fr/faq.yaml': (t) => t.replace(/^(\s+)title: .*/m, '$1title: 42'),
  'content/fr/safety.yaml': (t) => t.replace(/dial: "15"/, 'dial: 15'),
  'config/wrap-up-codes.yaml': (t) => t + '\nfoo: 1\n',
  'config/observatory.yaml': (t) => t + '\nfoo: 1\n',
};
for (const [path, br] of Object.entries(breaks)) {
  const text = br(files[path]!);
  if (text === files[path]) { console.log('NOCHANGE', path); continue; }
  const dir = mkdtempSync(join(tmpdir(), 'exp-'));
  for (const f of ['config', 'flows', 'prompts', 'content']) cpSync(join(root, f), join(dir, f), { recursive: true });
  writeFileSync(join(dir, path), text);
  const cli = runConfigChecks(dir).flatMap((r) => r.errors);
  const studio = compileConfigFiles({ ...files, [path]: text });
  console.log('=====', path);
  console.log('CLI   ', cli.map((l) => l.split(dir + '/').join('')).join('\n       '));
  console.log('STUDIO', studio.ok ? 'OK' : studio.problems.join('\n       '));
  rmSync(dir, { recursive: true, force: true });
}
