import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DANGER_KINDS, DANGER_NUMBERS, detectDanger, type DangerKind, type DangerSignal } from '../../src/safety/detect';
import { defaultSafetyMessages, emergencyMessage, mentionsNumber, parseSafetyMessages, parseSafetyMessagesYaml, SAFETY_MESSAGES_FILE } from '../../src/safety/messages';
import { configErrorOf, ROOT } from '../knowledge/helpers';

const signalOf = (...kinds: DangerKind[]): DangerSignal => ({
  kind: kinds[0] as DangerKind,
  kinds,
  numbers: [...new Set(kinds.flatMap((kind) => DANGER_NUMBERS[kind]))],
  cues: [],
  priority: 'prioritaire',
});

describe('emergencyMessage', () => {
  it.each(DANGER_KINDS)('gives the numbers of %s first, then 112 and the 114 by SMS, then the priority hand-over', (kind) => {
    const message = emergencyMessage(signalOf(kind));
    const [lead, always, escalation] = message.split('\n');
    for (const number of DANGER_NUMBERS[kind]) expect(mentionsNumber(lead ?? '', number)).toBe(true);
    expect(always).toMatch(/112/);
    expect(always).toMatch(/SMS au 114/);
    expect(always).toMatch(/sourd ou malentendant/);
    expect(escalation).toMatch(/en priorité à un conseiller/);
  });

  it('names the suicide prevention line for « je veux mourir »', () => {
    const signal = detectDanger('je veux mourir');
    expect(signal).not.toBeNull();
    const message = emergencyMessage(signal as DangerSignal);
    expect(message.startsWith('Appelez le 3114')).toBe(true);
    expect(message).toMatch(/112/);
    expect(message).toMatch(/114/);
  });

  it('puts the most urgent danger first when there are several', () => {
    const message = emergencyMessage(signalOf('urgence_medicale', 'suicide'));
    expect(message.indexOf('15')).toBeLessThan(message.indexOf('3114'));
  });
});

describe('content/fr/safety.yaml', () => {
  const shipped = readFileSync(path.join(ROOT, SAFETY_MESSAGES_FILE), 'utf8');

  it('is valid as shipped', () => {
    expect(defaultSafetyMessages().always).toMatch(/114/);
  });

  it('refuses a sentence that lost its number, naming file, path and line', () => {
    const error = configErrorOf(() => parseSafetyMessagesYaml(shipped.replace('Appelez le 3114, maintenant.', 'Appelez-nous maintenant.'), 'content/fr/safety.yaml'));
    expect(error.lines).toEqual([expect.stringMatching(/^content\/fr\/safety\.yaml:\d+: lead\.suicide: doit donner le numéro 3114$/)]);
  });

  it('refuses a second-stage question that lost its number, in the chat and on the phone', () => {
    const broken = shipped
      .replace('Si oui, appelez le 3919 (gratuit, 24 h/24).', 'Si oui, appelez-nous.')
      .replace('Le 3977 aide contre la maltraitance. C\'est gratuit.', 'Une ligne aide contre la maltraitance.');
    const error = configErrorOf(() => parseSafetyMessagesYaml(broken, 'content/fr/safety.yaml'));
    expect(error.lines).toEqual([
      expect.stringMatching(/^content\/fr\/safety\.yaml:\d+: check\.chat\.violence_conjugale\.ask: doit donner le numéro 3919$/),
      expect.stringMatching(/^content\/fr\/safety\.yaml(:\d+)?: check\.phone\.maltraitance\.say: doit donner le numéro 3977$/),
    ]);
  });

  it('refuses a missing sentence and a message without 114', () => {
    const messages = { ...defaultSafetyMessages(), lead: { ...defaultSafetyMessages().lead, maltraitance: undefined }, always: 'Appelez le 112.' };
    const error = configErrorOf(() => parseSafetyMessages(messages, 'content/fr/safety.yaml'));
    expect(error.lines).toEqual([
      'content/fr/safety.yaml: lead.maltraitance: manquant : il faut un texte',
      'content/fr/safety.yaml: always: doit donner le numéro 114',
    ]);
  });

  it('finds a number written with spaces, never inside a longer one', () => {
    expect(mentionsNumber('appelez le 3 114', '3114')).toBe(true);
    expect(mentionsNumber('appelez le 3114', '114')).toBe(false);
    expect(mentionsNumber('appelez le 112.', '112')).toBe(true);
  });
});
