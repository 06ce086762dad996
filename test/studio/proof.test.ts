/**
 * The static proof of a draft: the shipped configuration passes; drafts crafted from it (deep copies,
 * edited here) are refused with a plain-French finding that points at the field to change.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CHAT_PROMPT_KEYS } from '../../src/chat/chatPromptKeys';
import type { AppConfig } from '../../src/config/appConfig';
import { runConfigChecks } from '../../src/config/configChecks';
import { proofCheck } from '../../src/studio/proof/configCheck';
import { isProved, proveConfig, type Finding } from '../../src/studio/proof';
import { REPO_ROOT, repoConfig } from '../support/config';

/** A deep copy of the shipped configuration, edited (the sentences are a catalog: replaced, not copied). */
function draft(edit: (copy: AppConfig) => void): AppConfig {
  const shipped = repoConfig();
  const copy: AppConfig = { ...shipped, territories: structuredClone(shipped.territories), flow: structuredClone(shipped.flow), safetyMessages: structuredClone(shipped.safetyMessages) };
  edit(copy);
  return copy;
}

const blockingOf = (findings: Finding[]) => findings.filter((finding) => finding.blocking);

describe('the proof of a draft', () => {
  it('When the shipped configuration is proved, then nothing blocks publishing', () => {
    const findings = proveConfig(repoConfig());
    expect(blockingOf(findings)).toEqual([]);
    expect(isProved(findings)).toBe(true);
  });

  it('When silence at a menu never ends (tries without limit), then the draft is refused: the caller is trapped', () => {
    const findings = proveConfig(draft((copy) => (copy.flow.gather.retries = Number.POSITIVE_INFINITY)));
    expect(isProved(findings)).toBe(false);
    expect(findings).toContainEqual({
      check: 'flow',
      blocking: true,
      message: expect.stringMatching(/^Au menu « Pour qui appelez-vous \? », une personne qui ne répond pas tourne en rond/),
      field: { kind: 'file', file: 'flows/voice.yaml', path: ['gather', 'retries'] },
    });
  });

  it('When 0 no longer means « a human » (the key is given to « repeat »), then every menu is refused for it', () => {
    const findings = proveConfig(
      draft((copy) => {
        copy.flow.universal.human.key = '#';
        copy.flow.universal.repeat.key = '0';
      }),
    );
    const human = findings.filter((finding) => finding.check === 'human');
    expect(human.length).toBeGreaterThanOrEqual(5);
    expect(human[0]).toMatchObject({ blocking: true, message: expect.stringContaining('la touche 0 ne mène pas à un conseiller'), field: { path: ['universal', 'human', 'key'] } });
  });

  it('When a need is taken out of its menu, then it is unreachable by keys and by speech', () => {
    const findings = proveConfig(
      draft((copy) => {
        const group = copy.flow.needs.groups.find((g) => g.group === 'demarches_et_loisirs');
        if (group) group.needs = group.needs.filter((option) => option.need !== 'loisirs');
      }),
    );
    expect(blockingOf(findings)).toEqual([
      { check: 'needs', blocking: true, message: 'Le besoin « Activité culturelle, sportive » n’est dans aucun menu : personne ne peut le choisir, ni avec les touches, ni en parlant.', field: { kind: 'file', file: 'flows/voice.yaml', path: ['needs', 'groups'] } },
    ]);
  });

  it('When a need shares its key with another in the same menu, then it cannot be reached by keys, but still by speech', () => {
    const findings = proveConfig(
      draft((copy) => {
        const option = copy.flow.needs.groups[0]?.needs.find((o) => o.need === 'budget');
        if (option) option.key = '1';
      }),
    );
    expect(blockingOf(findings).map((f) => [f.check, f.message, f.field])).toEqual([
      ['needs', 'Le besoin « Régler les dépenses courantes (loyer, énergie, téléphone…) » ne peut pas être choisi avec les touches du téléphone.', { kind: 'file', file: 'flows/voice.yaml', path: ['needs', 'groups', 0, 'needs', 3, 'key'] }],
    ]);
  });

  it('When a sentence is missing for the phone, or for the chat, then the draft is refused, pointing at the file and key', () => {
    const findings = proveConfig(draft((copy) => {
      copy.prompts = copy.prompts.without('closed.question');
      copy.chatPrompts = copy.chatPrompts.without('chat.escalated');
    }));
    expect(blockingOf(findings).map((f) => [f.check, f.field])).toEqual([
      ['prompts', { kind: 'file', file: 'prompts/fr/voice.yaml', path: ['closed', 'question'] }],
      ['prompts', { kind: 'file', file: 'prompts/fr/chat.yaml', path: ['chat', 'escalated'] }],
    ]);
  });

  it('When a territory has no target, then the draft is refused, pointing at that territory', () => {
    const findings = proveConfig(draft((copy) => delete (copy.territories.territories['35'] as Partial<AppConfig['territories']['territories'][string]>).target));
    expect(blockingOf(findings)).toEqual([
      { check: 'territories', blocking: true, message: 'Le territoire 35 n’a pas de destination pour les appels (une file, un numéro ou un flux).', field: { kind: 'territory', territory: '35', key: 'target' } },
    ]);
  });

  it('When a territory never opens, then it is said (not blocking) as long as it has a closed behaviour; without one it is refused', () => {
    const neverOpen = draft((copy) => {
      const territory = copy.territories.territories['44'];
      if (territory) territory.hours = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    });
    expect(proveConfig(neverOpen).filter((f) => f.check === 'territories')).toEqual([expect.objectContaining({ blocking: false, field: { kind: 'territory', territory: '44', key: 'hours' } })]);
    const noAnswer = draft((copy) => {
      const territory = copy.territories.territories['44'];
      if (territory) {
        territory.hours = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
        delete (territory as Partial<typeof territory>).whenClosed;
      }
    });
    expect(blockingOf(proveConfig(noAnswer))).toEqual([expect.objectContaining({ check: 'territories', message: 'Le territoire 44 n’a ni horaires d’ouverture, ni réponse quand il est fermé.' })]);
  });

  it('When a menu offers six choices, then the draft is refused: five at most', () => {
    const findings = proveConfig(
      draft((copy) => {
        const group = copy.flow.needs.groups[0];
        group?.needs.push({ key: '5', need: 'loisirs', synonyms: ['jardinage'] }, { key: '6', need: 'vacances', synonyms: ['camping'] });
      }),
    );
    expect(blockingOf(findings).filter((f) => f.check === 'menus')).toEqual([
      { check: 'menus', blocking: true, message: 'Le menu « Le besoin (vie_a_la_maison) » a 6 choix. Une personne retient au plus 5 choix : gardez-en 5 au plus.', field: { kind: 'file', file: 'flows/voice.yaml', path: ['needs', 'groups', 0, 'needs'] } },
    ]);
  });

  it('When the number of a danger is missing, then the draft is refused, naming the danger', () => {
    const findings = proveConfig(draft((copy) => ((copy.safetyMessages.phone.suicide as { dial: string }).dial = '')));
    expect(blockingOf(findings)).toEqual([
      { check: 'safety', blocking: true, message: 'Danger « suicide » : le numéro à appeler au téléphone manque.', field: { kind: 'file', file: 'content/fr/safety.yaml', path: ['phone', 'suicide', 'dial'] } },
    ]);
  });
});

describe('the proof in npm run config:check', () => {
  /** A copy of the shipped folders, one file edited. */
  function folderWith(file: string, edit: (text: string) => string): string {
    const root = mkdtempSync(path.join(tmpdir(), 'proof-'));
    for (const folder of ['config', 'flows', 'prompts', 'content']) cpSync(path.join(REPO_ROOT, folder), path.join(root, folder), { recursive: true });
    writeFileSync(path.join(root, file), edit(readFileSync(path.join(root, file), 'utf8')));
    return root;
  }

  it('When the shipped folder is checked, then the proof passes', () => {
    expect(runConfigChecks(REPO_ROOT, [proofCheck]).map((result) => result.errors)).toEqual([[]]);
  });

  it('When « slower » takes the key of a menu option (valid for the schema), then each unreachable need is printed with its file, line and path', () => {
    const root = folderWith('flows/voice.yaml', (text) => text.replace(/slower:\n    key: "9"/, 'slower:\n    key: "4"'));
    const [result] = runConfigChecks(root, [proofCheck]);
    const lines = readFileSync(path.join(root, 'flows/voice.yaml'), 'utf8').split('\n');
    const budget = result?.errors.find((line) => line.includes('needs.groups[0].needs[3].key'));
    expect(budget).toMatch(/flows\/voice\.yaml:(\d+): needs\.groups\[0\]\.needs\[3\]\.key: Le besoin « Régler les dépenses courantes .* » ne peut pas être choisi avec les touches du téléphone\.$/);
    const line = Number(/voice\.yaml:(\d+):/.exec(budget ?? '')?.[1]);
    expect(lines[line - 1]).toContain('need: budget');
    expect(result?.errors).toEqual(expect.arrayContaining([expect.stringContaining('needs.groups[3].needs[0].key: Le besoin « Démarches administratives')]));
  });
});

describe('the chat sentences the proof requires', () => {
  it('When the chat code names a sentence of its own, then CHAT_PROMPT_KEYS lists it (the proof cannot miss it)', () => {
    const sources = ['src/chat', 'src/people'].flatMap((folder) => readdirSync(path.join(REPO_ROOT, folder)).map((name) => path.join(REPO_ROOT, folder, name)));
    const named = new Set(
      sources
        .filter((file) => file.endsWith('.ts') && !file.endsWith('chatPromptKeys.ts'))
        .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/'((?:chat|button|people)\.[a-zA-Z.]+|chatHelp)'/g)].map((match) => match[1] as string)),
    );
    expect(named.size).toBeGreaterThan(20);
    expect([...named].filter((key) => !CHAT_PROMPT_KEYS.includes(key))).toEqual([]);
  });
});
