/**
 * Every one of the needs can be reached by keys AND by speech, played on the real machine with the
 * real understanding of speech (src/voice/understand.ts); and no menu offers more than five choices.
 */
import type { AppConfig } from '../../config/appConfig';
import { NEED_IDS, NEED_LABELS, type NeedId } from '../../domain/vocabulary';
import type { NeedGroupConfig } from '../../flows/schema';
import type { CallEvent } from '../../voice/callMachine';
import { blocking, FLOW_FILE, inFile, type Finding } from './finding';
import { OPEN_AT, type CallSnapshot, type PlayedFlow } from './playedFlow';

export const MAX_MENU_OPTIONS = 5;

const keys = (digits: string): CallEvent => ({ type: 'INPUT', at: OPEN_AT, digits });
const words = (speech: string): CallEvent => ({ type: 'INPUT', at: OPEN_AT, speech });

function chose(snapshot: CallSnapshot, need: NeedId): boolean {
  return String(snapshot.value) === 'postcode' && snapshot.context.need === need;
}

function byKeys(played: PlayedFlow, atGroups: CallSnapshot, group: NeedGroupConfig, need: NeedId): boolean {
  const inGroup = played.next(atGroups, keys(group.key));
  if (chose(inGroup, need)) return true;
  const option = group.needs.find((each) => each.need === need);
  return option !== undefined && chose(played.next(inGroup, keys(option.key)), need);
}

/** Said at once at the first need menu, or the group's words then the need's. */
function bySpeech(played: PlayedFlow, atGroups: CallSnapshot, groups: readonly NeedGroupConfig[], need: NeedId): boolean {
  const said = groups.flatMap((group) => group.needs.filter((option) => option.need === need).flatMap((option) => option.synonyms));
  if (said.some((text) => chose(played.next(atGroups, words(text)), need))) return true;
  for (const group of groups) {
    for (const groupWords of group.synonyms) {
      const inGroup = played.next(atGroups, words(groupWords));
      if (chose(inGroup, need)) return true;
      if (String(inGroup.value) === 'need' && said.some((text) => chose(played.next(inGroup, words(text)), need))) return true;
    }
  }
  return false;
}

function needField(config: AppConfig, need: NeedId, ...rest: string[]) {
  const groups = config.flow.needs.groups;
  const g = groups.findIndex((group) => group.needs.some((option) => option.need === need));
  if (g < 0) return inFile(FLOW_FILE, 'needs', 'groups');
  const n = groups[g]?.needs.findIndex((option) => option.need === need) ?? 0;
  return inFile(FLOW_FILE, 'needs', 'groups', g, 'needs', n, ...rest);
}

export function proveNeeds(config: AppConfig, played: PlayedFlow): Finding[] {
  const groups = config.flow.needs.groups;
  const profileKey = config.flow.profile.options[0]?.key ?? '1';
  const atGroups = played.play([keys(profileKey)]);
  const findings: Finding[] = [];
  for (const need of NEED_IDS) {
    const label = `« ${NEED_LABELS[need]} »`;
    const group = groups.find((each) => each.needs.some((option) => option.need === need));
    if (!group) {
      findings.push(blocking('needs', `Le besoin ${label} n’est dans aucun menu : personne ne peut le choisir, ni avec les touches, ni en parlant.`, needField(config, need)));
      continue;
    }
    if (!byKeys(played, atGroups, group, need)) {
      findings.push(blocking('needs', `Le besoin ${label} ne peut pas être choisi avec les touches du téléphone.`, needField(config, need, 'key')));
    }
    if (!bySpeech(played, atGroups, groups, need)) {
      findings.push(blocking('needs', `Le besoin ${label} ne peut pas être choisi en parlant : aucun de ses mots n’est compris.`, needField(config, need, 'synonyms')));
    }
  }
  return findings;
}

export function proveMenuSizes(config: AppConfig): Finding[] {
  const { flow } = config;
  const tooMany = (count: number, name: string, ...path: Array<string | number>): Finding[] =>
    count > MAX_MENU_OPTIONS
      ? [blocking('menus', `Le menu « ${name} » a ${count} choix. Une personne retient au plus ${MAX_MENU_OPTIONS} choix : gardez-en ${MAX_MENU_OPTIONS} au plus.`, inFile(FLOW_FILE, ...path))]
      : [];
  return [
    ...tooMany(flow.profile.options.length, 'Pour qui appelez-vous ?', 'profile', 'options'),
    ...tooMany(flow.needs.groups.length, 'Le thème du besoin', 'needs', 'groups'),
    ...flow.needs.groups.flatMap((group, index) => tooMany(group.needs.length, `Le besoin (${group.group})`, 'needs', 'groups', index, 'needs')),
  ];
}
