import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runConfigChecks, territoriesCheck, voiceFlowCheck, voicePromptsCheck } from '../../src/config/configChecks';
import { wrapUpCodesCheck } from '../../src/advisors/wrapUpCodes';

const ROOT = path.join(__dirname, '..', '..');

function projectWithTerritories(text: string): string {
  const root = mkdtempSync(path.join(tmpdir(), 'config-check-'));
  mkdirSync(path.join(root, 'config'));
  writeFileSync(path.join(root, 'config', 'territories.yaml'), text);
  return root;
}

describe('config checks', () => {
  it('pass on the shipped configuration', () => {
    const results = runConfigChecks(ROOT, [territoriesCheck]);
    expect(results).toEqual([{ check: 'territories', file: expect.stringMatching(/config\/territories\.yaml$/), errors: [] }]);
  });

  it('report each problem of a broken file on its own line', () => {
    const shipped = readFileSync(path.join(ROOT, 'config', 'territories.yaml'), 'utf8');
    const root = projectWithTerritories(shipped.replace('timeZone: Indian/Reunion', 'timeZone: Reunion').replace('whenClosed: callback', 'whenClosed: rappel'));
    const [result] = runConfigChecks(root, [territoriesCheck]);
    expect(result?.errors).toEqual([
      expect.stringMatching(/territories\.yaml:\d+: territories\.01\.whenClosed: il faut callback, fallback ou message$/),
      expect.stringMatching(/territories\.yaml:\d+: territories\.974\.timeZone: il faut un fuseau horaire IANA/),
    ]);
  });

  it('report a callback target that is not a whole number of hours between 1 and 720, with its line', () => {
    const shipped = readFileSync(path.join(ROOT, 'config', 'territories.yaml'), 'utf8');
    const edited = shipped
      .replace(/("44":\n(?:.*\n)*?    callbackOfferAfterSeconds: 120\n)/, '$1    callbackTargetHours: 0\n')
      .replace(/("35":\n(?:.*\n)*?    callbackOfferAfterSeconds: 120\n)/, '$1    callbackTargetHours: 72\n')
      .replace('  callbackOfferAfterSeconds: 120\n  crisis:', '  callbackOfferAfterSeconds: 120\n  callbackTargetHours: 1.5\n  crisis:');
    const [result] = runConfigChecks(projectWithTerritories(edited), [territoriesCheck]);
    expect(result?.errors).toEqual([
      expect.stringMatching(/territories\.yaml:\d+: national\.callbackTargetHours: il faut un nombre d’heures entier, par exemple 48$/),
      expect.stringMatching(/territories\.yaml:\d+: territories\.44\.callbackTargetHours: il faut au moins 1 heure$/),
    ]);
  });

  it('report a missing territories file', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'config-check-'));
    const [result] = runConfigChecks(root, [territoriesCheck]);
    expect(result?.errors[0]).toMatch(/territories\.yaml: \(fichier\): illisible/);
  });

  it('pass on every shipped file: territories, voice flow and prompts, FAQ, directory, safety messages, observatory, wrap-up codes', () => {
    const results = runConfigChecks(ROOT);
    expect(results.map((r) => [r.check, r.errors])).toEqual([
      ['territories', []],
      ['voice flow', []],
      ['voice prompts', []],
      ['chat prompts', []],
      ['faq', []],
      ['faq examples', []],
      ['lexicon', []],
      ['phone examples', []],
      ['directory', []],
      ['safety messages', []],
      ['observatory', []],
      ['wrap-up codes', []],
      ['proof', []],
    ]);
  });

  function projectWithVoice(flow: string, prompts: string): string {
    const root = mkdtempSync(path.join(tmpdir(), 'config-check-'));
    mkdirSync(path.join(root, 'flows'));
    mkdirSync(path.join(root, 'prompts', 'fr'), { recursive: true });
    writeFileSync(path.join(root, 'flows', 'voice.yaml'), flow);
    writeFileSync(path.join(root, 'prompts', 'fr', 'voice.yaml'), prompts);
    return root;
  }

  it('report a voice flow with a key used twice and a need left out, naming the line and the path', () => {
    const flow = readFileSync(path.join(ROOT, 'flows', 'voice.yaml'), 'utf8');
    const prompts = readFileSync(path.join(ROOT, 'prompts', 'fr', 'voice.yaml'), 'utf8');
    const broken = flow.replace('- { key: "2", need: deplacements', '- { key: "1", need: deplacements').replace(/\n\s+- \{ key: "3", need: vacances[^\n]*/, '');
    const root = projectWithVoice(broken, prompts);
    const [result] = runConfigChecks(root, [voiceFlowCheck]);
    expect(result?.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/voice\.yaml:\d+: needs\.groups\[0\]\.needs\[1\]\.key: la touche "1" sert deux fois dans ce menu$/),
        expect.stringMatching(/voice\.yaml:\d+: needs\.groups: le besoin "vacances" n’est dans aucun groupe/),
      ]),
    );
  });

  it('report a sentence the voice flow needs and the prompts file lacks', () => {
    const flow = readFileSync(path.join(ROOT, 'flows', 'voice.yaml'), 'utf8');
    const prompts = readFileSync(path.join(ROOT, 'prompts', 'fr', 'voice.yaml'), 'utf8');
    const root = projectWithVoice(flow, prompts.replace(/^goodbye: .*$/m, ''));
    const [result] = runConfigChecks(root, [voicePromptsCheck]);
    expect(result?.errors).toEqual([expect.stringMatching(/voice\.yaml: goodbye: phrase manquante : le parcours téléphonique la dit$/)]);
  });

  it('report a placeholder written wrongly', () => {
    const flow = readFileSync(path.join(ROOT, 'flows', 'voice.yaml'), 'utf8');
    const prompts = readFileSync(path.join(ROOT, 'prompts', 'fr', 'voice.yaml'), 'utf8');
    const root = projectWithVoice(flow, prompts.replace('{hours}.', '{heures d ouverture}.'));
    const [result] = runConfigChecks(root, [voicePromptsCheck]);
    expect(result?.errors).toEqual([expect.stringMatching(/closed\.hours: une valeur à remplir s’écrit \{nom\}, avec des lettres seulement$/)]);
  });

  it('report a wrap-up code listed twice, naming the line', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'config-check-'));
    mkdirSync(path.join(root, 'config'));
    writeFileSync(
      path.join(root, 'config', 'wrap-up-codes.yaml'),
      'codes:\n  - id: information_given\n    label: "Information donnée"\n  - id: information_given\n    label: "Encore"\n',
    );
    const [result] = runConfigChecks(root, [wrapUpCodesCheck]);
    expect(result?.errors).toEqual([expect.stringMatching(/wrap-up-codes\.yaml:4: codes\[1\]\.id: "information_given" est deux fois dans la liste : gardez-en un seul$/)]);
  });
});
