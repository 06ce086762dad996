/**
 * README.md stands alone: a clone holds everything it points to, and it explains the words the code
 * uses (users, CERCLE, N1/N2/N3, profiles, the 14 needs, départements).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NEED_IDS, PROFILES } from '../../src/domain/vocabulary';
import { REPO_ROOT } from '../support/config';

const README = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const REPOSITORY_FOLDERS = ['src', 'test', 'config', 'flows', 'prompts', 'content', 'scripts', 'bench', '.ci'];

describe('README.md', () => {
  test('When read in a clone, then it points to nothing outside the repository', () => {
    expect(README.match(/(?:^|[\s`(<])\.\.\/\S*/g) ?? []).toEqual([]);
  });

  test('When it names a file or folder of the repository, then that file or folder exists', () => {
    const named = new Set<string>();
    for (const [, path] of README.matchAll(/`([^`\s<>{}*]+)`/g)) {
      if (path && REPOSITORY_FOLDERS.includes(path.split('/')[0]!) && path.includes('/')) named.add(path.replace(/\/$/, ''));
    }
    for (const [, path] of README.matchAll(/\]\(([^)#:]+)\)/g)) if (path) named.add(path);
    expect(named.size).toBeGreaterThan(10);
    expect([...named].filter((path) => !existsSync(join(REPO_ROOT, path)))).toEqual([]);
  });

  test('When a newcomer reads it, then it explains the vocabulary: CERCLE, N1/N2/N3, profiles, the 14 needs, départements', () => {
    const section = README.slice(README.indexOf('## Users and vocabulary'), README.indexOf('## The two commands'));
    expect(section.length).toBeGreaterThan(500);
    for (const word of ['CERCLE', 'N1', 'N2', 'N3', 'Communauté 360', 'MDPH', '101', '2A', '976', 'conseiller en parcours', 'coordinator']) {
      expect({ word, found: section.includes(word) }).toEqual({ word, found: true });
    }
    for (const id of [...PROFILES, ...NEED_IDS]) expect({ id, found: section.includes(`\`${id}\``) }).toEqual({ id, found: true });
  });
});
