/**
 * The proof of what the flow says and where it leads: every sentence exists for each channel, every
 * territory has a target and either opening hours or a closed behaviour, and every kind of danger has
 * its numbers.
 */
import type { AppConfig } from '../../config/appConfig';
import { CHAT_PROMPT_KEYS } from '../../chat/chatPromptKeys';
import { DANGER_KINDS } from '../../domain/vocabulary';
import { DEPARTEMENT_CODES } from '../../places/departements';
import { DANGER_NUMBERS } from '../../safety/detect';
import { ALWAYS_NUMBERS, mentionsNumber } from '../../safety/messages';
import { CLOSED_ACTIONS, targetSchema, WEEKDAYS, type Territory } from '../../territories/schema';
import { voicePromptKeys } from '../../voice/promptKeys';
import { blocking, CHAT_PROMPTS, inFile, inTerritory, SAFETY_FILE, TERRITORIES_FILE, VOICE_PROMPTS, warning, type Finding } from './finding';

const DIALLABLE = /^\+?\d{2,15}$/;

/** Where a voice sentence is written: the danger sentences come from content/fr/safety.yaml. */
function voiceSentenceField(key: string) {
  const [first, second, kind] = key.split('.');
  if (first === 'danger' && second === 'said' && kind) return inFile(SAFETY_FILE, 'phone', kind, 'say');
  if (first === 'danger' && second === 'name' && kind) return inFile(SAFETY_FILE, 'names', kind);
  return inFile(VOICE_PROMPTS, ...key.split('.'));
}

export function provePrompts(config: AppConfig): Finding[] {
  const voiceKeys = voicePromptKeys(config.flow);
  const chat = config.prompts.overlaidWith(config.chatPrompts);
  return [
    ...voiceKeys
      .filter((key) => !config.prompts.has(key))
      .map((key) => blocking('prompts', `La phrase « ${key} » manque : le téléphone et le chat doivent la dire.`, voiceSentenceField(key))),
    ...CHAT_PROMPT_KEYS.filter((key) => !chat.has(key)).map((key) =>
      blocking('prompts', `La phrase « ${key} » manque : le chat doit l’écrire.`, inFile(CHAT_PROMPTS, ...key.split('.'))),
    ),
  ];
}

function hasOpenHours(territory: Partial<Territory>): boolean {
  return WEEKDAYS.some((day) => (territory.hours?.[day]?.length ?? 0) > 0);
}

function closedBehaviourOf(territory: Partial<Territory>): boolean {
  if (!(CLOSED_ACTIONS as readonly unknown[]).includes(territory.whenClosed)) return false;
  return territory.whenClosed !== 'message' || (territory.closedMessage ?? '').trim() !== '';
}

export function proveTerritories(config: AppConfig): Finding[] {
  const findings: Finding[] = [];
  const { national, territories } = config.territories;
  if (!targetSchema.safeParse(national?.fallback).success) {
    findings.push(blocking('territories', 'L’accueil national n’a pas de destination pour les appels : personne ne répondrait.', inFile(TERRITORIES_FILE, 'national', 'fallback')));
  }
  for (const code of DEPARTEMENT_CODES) {
    const territory: Partial<Territory> | undefined = territories?.[code];
    if (!territory) {
      findings.push(blocking('territories', `Le département ${code} n’a pas de territoire : ses appels n’ont pas de destination.`, inTerritory(code, 'target')));
      continue;
    }
    if (!targetSchema.safeParse(territory.target).success) {
      findings.push(blocking('territories', `Le territoire ${code} n’a pas de destination pour les appels (une file, un numéro ou un flux).`, inTerritory(code, 'target')));
    }
    const open = hasOpenHours(territory);
    const closed = closedBehaviourOf(territory);
    if (!open && !closed) {
      findings.push(blocking('territories', `Le territoire ${code} n’a ni horaires d’ouverture, ni réponse quand il est fermé.`, inTerritory(code, 'hours')));
    } else if (!closed) {
      findings.push(blocking('territories', `Le territoire ${code} ne dit pas quoi faire quand il est fermé (rappel, accueil national ou message).`, inTerritory(code, 'whenClosed')));
    } else if (!open) {
      findings.push(warning('territories', `Le territoire ${code} n’ouvre jamais : tous ses appels auront la réponse « fermé ».`, inTerritory(code, 'hours')));
    }
  }
  return findings;
}

export function proveSafety(config: AppConfig): Finding[] {
  const messages = config.safetyMessages;
  const findings: Finding[] = [];
  for (const kind of DANGER_KINDS) {
    const name = messages.names?.[kind] ?? kind;
    const phone = messages.phone?.[kind];
    if (!phone || !DIALLABLE.test(phone.dial ?? '')) {
      findings.push(blocking('safety', `Danger « ${name} » : le numéro à appeler au téléphone manque.`, inFile(SAFETY_FILE, 'phone', kind, 'dial')));
    } else if (!mentionsNumber(phone.say ?? '', phone.dial.replace(/^\+33/, '0'))) {
      findings.push(blocking('safety', `Danger « ${name} » : la phrase du téléphone ne donne pas le numéro ${phone.dial}.`, inFile(SAFETY_FILE, 'phone', kind, 'say')));
    }
    const missing = DANGER_NUMBERS[kind].filter((number) => !mentionsNumber(messages.lead?.[kind] ?? '', number));
    if (missing.length > 0) {
      findings.push(blocking('safety', `Danger « ${name} » : le message du chat ne donne pas le numéro ${missing.join(', ')}.`, inFile(SAFETY_FILE, 'lead', kind)));
    }
  }
  const always = ALWAYS_NUMBERS.filter((number) => !mentionsNumber(messages.always ?? '', number));
  if (always.length > 0) {
    findings.push(blocking('safety', `Le message de danger du chat ne donne pas toujours le numéro ${always.join(', ')}.`, inFile(SAFETY_FILE, 'always')));
  }
  return findings;
}
