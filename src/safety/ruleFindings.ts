/**
 * What the phrase rules and the « who hurts whom » reading find in a message, each judged in its
 * clause by the context (context.ts): danger, a question only (a fear of one day, signs explained,
 * words between children at school), or nothing (a past, a hypothesis, a question about a number,
 * a story told). One job: findings; detect.ts weighs them with the model.
 */
import type { DangerKind } from '../domain/vocabulary';
import { contextOf, ownWishAt, subjectOfProcedure, todayWordIn, type DangerContext } from './context';
import { askedOnly } from './everyday';
import { conditionManaged, outOfTheOrdinary } from './knownCare';
import { peerHarassment, type Harm } from './harm';
import { HARM_RULES } from './harmRules';
import { offsetOfWord, type PreparedText } from './normalise';
import { ownSpending } from './ownStory';
import { bareUrgency, DANGER_RULES, DEAF_PATTERN, HELP_NOW, type Gate, type Rule } from './rules';
import { SITUATION_RULES } from './situations';

/** The phrase rules (rules.ts, harmRules.ts) and the readings of situations told without the obvious word (situations.ts). */
const ALL_RULES: readonly Rule[] = [...DANGER_RULES, ...HARM_RULES, ...SITUATION_RULES];

/**
 * May a rule that matched at `offset` fire? Within its clause, a word of the present lets it, a past
 * time or a hypothesis stops it; in the rest of the message, a past time, a hypothesis or a question
 * about a number stops it unless a word of the present is somewhere too.
 */
function allowed(gate: Gate, prepared: PreparedText, offset: number, whole: DangerContext, act = false, kind?: DangerKind): boolean | 'feared' {
  if (gate === 'never') return true;
  const { clause, clauseText, here } = clauseAt(prepared, offset);
  if (here.over) return false;
  // Seen on TV, told as a story, or the subject of « comment signaler… »: not this person's present danger.
  if (gate !== 'intent' && (here.reported || subjectOfProcedure(clauseText, here, offset - clause.start))) return false;
  if (here.present) return true;
  // « il avait fugué à 15 ans, aujourd'hui il a 30 ans »: a time of life gone, told against today in
  // another clause (not against « encore », « ça recommence »: « à 15 ans…, maintenant elle recommence »).
  if (here.then && !here.now && whole.now && !whole.ongoing) return false;
  // « elle a fait un arrêt cardiaque, elle a été réanimée, elle a des troubles de la mémoire maintenant »:
  // when the message tells a time gone, today's words (« maintenant », « aujourd'hui ») said elsewhere
  // are today against then, not the present of this medical event (« encore », « ce soir » still are).
  if (kind === 'urgence_medicale' && whole.past && whole.now && !whole.ongoing && !todayWordIn(prepared, offset)) return false;
  // « j'ai parfois du mal à respirer dans le métro »: a symptom that comes back is a condition lived with.
  if (kind === 'urgence_medicale' && here.habitual) return false;
  // « une amie m'a raconté que… »: someone's story (unless a word of the present says it is going on).
  if (gate !== 'intent' && here.told) return false;
  // « j'ai peur qu'un jour il me frappe »: feared, not happening: the question, not the emergency.
  if (here.feared) return 'feared';
  // « j'ai fait une tentative l'an dernier et là je veux recommencer »: a later clause says it starts again.
  if (here.past && !here.question && !here.hypothesis && startsAgainAfter(prepared, clause.end)) return true;
  // « … l'an dernier je veux mourir » (a phone turn, no punctuation): one's own wish now, beside a past.
  const ownWish = gate === 'intent' && ownWishAt(clauseText, offset - clause.start);
  if (ownWish && here.past && !here.question && !here.hypothesis) return true;
  if (here.past || here.question || here.hypothesis) return false;
  if (gate === 'medical' && here.medicalHistory) return false;
  // « il va mieux maintenant » ends the message's danger, not one told now in another clause (« mais il vient de tomber »).
  if (whole.over && !presentBeyondOver(prepared)) return false;
  if (whole.present) return true;
  // « il dit qu'il étouffe mais le médecin dit que c'est l'anxiété »: signs explained are asked about,
  // not an emergency; an act someone does (« son père la frappe ») is not explained away.
  // Out of the ordinary (« sous anticoagulants, elle saigne de la tête et ça ne s'arrête pas »), a medical sign is not explained away.
  if (whole.explained && gate !== 'intent' && !act && !(kind === 'urgence_medicale' && outOfTheOrdinary(prepared.text))) return 'feared';
  // « mon mari va me tuer, j'ai oublié de poster le dossier »: asked about, not the emergency.
  if (!act && whole.slipAt >= 0 && offset >= whole.slipAt && offset <= whole.slipAt + SLIP_REACH) return 'feared';
  // « j'ai été hospitalisée l'an dernier. je veux mourir »: a past told elsewhere does not undo one's own wish now.
  if (whole.past && !ownWish) return false;
  // One's own intent, in a clause of its own, is not undone by a question elsewhere (« c'est quoi le 3114 ? je veux mourir »).
  if ((whole.question || whole.hypothesis) && gate !== 'intent') return false;
  return gate !== 'medical' || !whole.medicalHistory;
}

/** How far after the start of « va me tuer » a rule reading those words may match (« me tuer »). */
const SLIP_REACH = 12;

/** Does a clause after `from` say it starts again (« … et là je veux recommencer »), itself neither past, over nor a hypothesis? */
function startsAgainAfter(prepared: PreparedText, from: number): boolean {
  return prepared.clauses.some((span) => {
    if (span.start < from) return false;
    const there = contextOf(prepared.text.slice(span.start, span.end), false);
    return there.again && !there.past && !there.over && !there.hypothesis && !there.question;
  });
}

/** Does a clause that is not over say the present (« il va mieux maintenant, mais il vient de tomber »)? */
function presentBeyondOver(prepared: PreparedText): boolean {
  return prepared.clauses.some((span) => {
    const here = contextOf(prepared.text.slice(span.start, span.end), false);
    return here.present && !here.over;
  });
}

/** The clause holding `offset`, and its context. */
function clauseAt(prepared: PreparedText, offset: number): { clause: { start: number; end: number }; clauseText: string; here: DangerContext } {
  const clause = prepared.clauses.find((span) => offset >= span.start && offset < span.end) ?? { start: 0, end: prepared.text.length };
  const clauseText = prepared.text.slice(clause.start, clause.end);
  return { clause, clauseText, here: contextOf(clauseText, false) };
}

/** Where each pattern of a rule matches (the last one places the rule), or null when the rule does not match. */
function matchOffsets(candidate: Rule, text: string): number[] | null {
  const offsets: number[] = [];
  for (const pattern of candidate.all) {
    const match = pattern.exec(text);
    if (!match) return null;
    offsets.push(match.index);
  }
  return candidate.none.some((pattern) => pattern.test(text)) ? null : offsets;
}

/** Every place the last pattern of a rule matches, from its first one (`first`). */
function placesOf(candidate: Rule, text: string, first: number): number[] {
  const last = candidate.all[candidate.all.length - 1] as RegExp;
  const every = new RegExp(last.source, `${last.flags.replace('g', '')}g`);
  const places = [...text.matchAll(every)].map((match) => match.index ?? first).filter((offset) => offset >= first);
  return places.length > 0 ? places : [first];
}

/** Danger in any place beats a question, which beats nothing. */
function strongest(allowances: ReadonlyArray<boolean | 'feared'>): boolean | 'feared' {
  return allowances.includes(true) ? true : allowances.includes('feared') ? 'feared' : false;
}

/** What the rules found: each kind with the rule that found it. */
export type Finding = { kind: DangerKind; cue: string };

/**
 * The danger the phrase rules and the « who hurts whom » reading find in a prepared text, and what
 * they find only in a fear of one day (« j'ai peur qu'un jour il me frappe »): the second-stage question.
 */
export function findByRules(prepared: PreparedText, whole: DangerContext, harms: readonly Harm[]): { found: Finding[]; feared: Finding[] } {
  const found: Finding[] = [];
  const feared: Finding[] = [];
  const add = (allowance: boolean | 'feared', ...findings: Finding[]): void => {
    if (allowance === true) found.push(...findings);
    else if (allowance === 'feared') feared.push(...findings);
  };
  for (const candidate of ALL_RULES) {
    const offsets = matchOffsets(candidate, prepared.text);
    if (offsets === null) continue;
    // A rule of several parts, one of them in a story seen on TV (« à la radio, un homme qui tuait sa femme, ça m'a fait peur »).
    if (candidate.gate !== 'never' && candidate.gate !== 'intent' && offsets.length > 1 && offsets.some((offset) => clauseAt(prepared, offset).here.reported)) continue;
    // The last pattern places the rule; each place it matches is judged in its own clause, and the most
    // present wins (« il a fugué plusieurs fois enfant, et aujourd'hui il a encore disparu »).
    // « au secours, la MDPH m'a encore demandé un certificat », « mon fils hurle quand on sort »: asked about.
    // « ma sœur dépense tout son argent, une curatelle ? »: her own money, spent by her: no abuse (ownStory.ts).
    if (candidate.cue === 'money_taken' && ownSpending(prepared.text)) continue;
    // « sa crise habituelle, on a suivi le protocole, il dort »: the known condition's own sign, handled by its care plan
    // (knownCare.ts); any other sign (« il est tout mou », « il respire mal ») is still read.
    if (candidate.cue === 'seizure_or_bleeding' && conditionManaged(prepared.text)) continue;
    if (askedOnly(candidate.cue, prepared.text)) {
      add('feared', { kind: candidate.kind, cue: candidate.cue });
      continue;
    }
    const allowance = strongest(placesOf(candidate, prepared.text, offsets[offsets.length - 1] as number).map((offset) => allowed(candidate.gate, prepared, offset, whole, false, candidate.kind)));
    // A doubt (« ma mère ne répond plus au téléphone depuis ce matin »): asked about, never the emergency.
    add(candidate.ask && allowance === true ? 'feared' : allowance, { kind: candidate.kind, cue: candidate.cue });
  }
  if (bareUrgency(prepared)) found.push({ kind: 'urgence_medicale', cue: 'bare_urgency' }, { kind: 'danger_immediat', cue: 'bare_urgency' });
  for (const harm of harms) {
    const allowance = allowed('event', prepared, offsetOfWord(prepared, harm.index), whole, true);
    // Words between children at school (« ma fille est harcelée au collège »): the question with the 119, not the emergency.
    add(allowance === true && peerHarassment(harm, prepared) ? 'feared' : allowance, ...harm.kinds.map((kind) => ({ kind, cue: harm.cue })));
  }
  // A deaf person, or one who cannot speak, in danger: the 114 by SMS first.
  const deaf = DEAF_PATTERN.exec(prepared.text);
  if (deaf && (found.length > 0 || (HELP_NOW.test(prepared.text) && allowed('event', prepared, deaf.index, whole) === true))) found.push({ kind: 'sourd', cue: 'deaf_in_danger' });
  return { found, feared };
}
