/** The ticket lifecycle machine alone: every transition accepted or refused as specified. */
import { acceptedEvents, step, type CaseEvent } from '../../src/advisors/lifecycle';
import { newCaseFile, type CaseFile, type CaseStatus } from '../../src/advisors/caseFile';

const by = { subject: 'alice', role: 'advisor' as const };
const at = '2026-11-23T09:00:00.000Z';
const stamp = { at, by };

const take: CaseEvent = { type: 'TAKE', ...stamp };
const comment: CaseEvent = { type: 'COMMENT', text: 'Appel de la personne', ...stamp };
const update: CaseEvent = { type: 'UPDATE', changes: { nextAction: { text: 'Rappeler le SSIAD', due: '2026-11-25' } }, ...stamp };
const updateStaffDate: CaseEvent = { type: 'UPDATE', changes: { staffDate: '2026-12-01' }, ...stamp };
const recordN2: CaseEvent = { type: 'UPDATE', changes: { partners: ['SAVS Nantes'], actions: ['Visite à domicile'] }, ...stamp };
const attempt: CaseEvent = { type: 'CALLBACK_ATTEMPT', reached: false, ...stamp };
const toN2: CaseEvent = { type: 'ESCALATE_N2', staffDate: '2026-12-01', ...stamp };
const toN3: CaseEvent = { type: 'ESCALATE_N3', need: 'logement', missing: ['no_place_available'], ...stamp };
const solve: CaseEvent = { type: 'SOLVE', wrapUp: { id: 'solution_in_place', label: 'Solution mise en place', note: 'Place en accueil de jour' }, ...stamp };

const ALL: Record<string, CaseEvent> = { take, comment, update, updateStaffDate, recordN2, attempt, toN2, toN3, solve };

function caseIn(status: CaseStatus, extra: Partial<CaseFile> = {}, kind = 'routed'): CaseFile {
  return { ...newCaseFile({ ref: 'T-44-7K3F9Q', kind, createdAt: at }, '44'), status, ...extra };
}

/** For each state: the events accepted and where they lead (omitted = refused). */
const TABLE: Record<CaseStatus, Partial<Record<keyof typeof ALL, CaseStatus>>> = {
  new: { take: 'taken', comment: 'new' },
  taken: { comment: 'n1_in_progress', update: 'n1_in_progress', recordN2: 'n1_in_progress', toN2: 'n2_on_agenda' },
  n1_in_progress: { comment: 'n1_in_progress', update: 'n1_in_progress', recordN2: 'n1_in_progress', toN2: 'n2_on_agenda', solve: 'solved' },
  n2_on_agenda: { comment: 'n2_on_agenda', update: 'n2_on_agenda', updateStaffDate: 'n2_on_agenda', recordN2: 'n2_actions_recorded', toN3: 'unmet_need' },
  n2_actions_recorded: { comment: 'n2_actions_recorded', update: 'n2_actions_recorded', updateStaffDate: 'n2_actions_recorded', recordN2: 'n2_actions_recorded', solve: 'solved', toN3: 'unmet_need' },
  solved: {},
  unmet_need: {},
};

describe('the ticket lifecycle', () => {
  for (const [status, allowed] of Object.entries(TABLE) as Array<[CaseStatus, Partial<Record<string, CaseStatus>>]>) {
    for (const [name, event] of Object.entries(ALL)) {
      if (name === 'attempt') continue;
      const target = allowed[name];
      it(`When the ticket is ${status} and ${name} is sent, then it is ${target ? `accepted and the ticket is ${target}` : 'refused'}`, () => {
        const result = step(caseIn(status), event);
        if (target) {
          expect(result).toMatchObject({ accepted: true, caseFile: { status: target } });
        } else {
          expect(result).toEqual({ accepted: false, status });
        }
      });
    }
  }

  it('When an advisor takes a new ticket, then they become its referent and the level history starts at N1', () => {
    const result = step(caseIn('new'), take);
    if (!result.accepted) throw new Error('refused');
    expect(result.caseFile).toMatchObject({ referent: by, takenAt: at, level: 1, levelHistory: [{ level: 1, at, by }] });
  });

  it('When a ticket goes to N2, then it is on the agenda of the staff date, at level 2, with the history kept', () => {
    const taken = step(caseIn('new'), take);
    if (!taken.accepted) throw new Error('refused');
    const result = step(taken.caseFile, toN2);
    if (!result.accepted) throw new Error('refused');
    expect(result.caseFile).toMatchObject({ status: 'n2_on_agenda', level: 2, staffDate: '2026-12-01' });
    expect(result.caseFile.levelHistory.map((h) => h.level)).toEqual([1, 2]);
  });

  it('When N2 records partners only, then it stays on the agenda until actions are recorded too', () => {
    const partnersOnly = step(caseIn('n2_on_agenda', { level: 2 }), { type: 'UPDATE', changes: { partners: ['MDPH 44'] }, ...stamp });
    if (!partnersOnly.accepted) throw new Error('refused');
    expect(partnersOnly.caseFile.status).toBe('n2_on_agenda');
    const actions = step(partnersOnly.caseFile, { type: 'UPDATE', changes: { actions: ['Saisine PAG'] }, ...stamp });
    expect(actions).toMatchObject({ accepted: true, caseFile: { status: 'n2_actions_recorded', partners: ['MDPH 44'], actions: ['Saisine PAG'] } });
  });

  it('When no solution is found in N2, then the unmet need is recorded at level 3 and the observatory effect is returned', () => {
    const result = step(caseIn('n2_actions_recorded', { level: 2 }), toN3);
    expect(result).toMatchObject({
      accepted: true,
      effects: ['reportUnmetNeed'],
      caseFile: { status: 'unmet_need', level: 3, unmetNeed: { need: 'logement', missing: ['no_place_available'] }, closedAt: at },
    });
  });

  it('When a ticket is solved, then the wrap-up code, the note and the closing time are kept and its next action is cleared', () => {
    const result = step(caseIn('n1_in_progress', { nextAction: { text: 'x', due: '2026-11-25' } }), solve);
    expect(result).toMatchObject({ accepted: true, caseFile: { status: 'solved', wrapUp: { id: 'solution_in_place', note: 'Place en accueil de jour' }, closedAt: at } });
    if (result.accepted) expect(result.caseFile.nextAction).toBeUndefined();
  });

  it('When a callback is not reached then reached, then attempts count and the callback is called', () => {
    const first = step(caseIn('taken', {}, 'callback'), attempt);
    if (!first.accepted) throw new Error('refused');
    expect(first.caseFile).toMatchObject({ status: 'n1_in_progress', callback: { state: 'to_call', attempts: 1, lastOutcome: 'not_reached' } });
    const second = step(first.caseFile, { type: 'CALLBACK_ATTEMPT', reached: true, ...stamp });
    expect(second).toMatchObject({ accepted: true, caseFile: { callback: { state: 'called', attempts: 2, lastOutcome: 'reached' } } });
  });

  it('When the ticket is not a callback, then a callback attempt is refused', () => {
    expect(step(caseIn('taken'), attempt)).toEqual({ accepted: false, status: 'taken' });
  });

  it('When a stored case is replayed, then the same event gives the same result (pure, nothing executed)', () => {
    const stored: CaseFile = JSON.parse(JSON.stringify(caseIn('n1_in_progress')));
    expect(step(stored, toN2)).toEqual(step(caseIn('n1_in_progress'), toN2));
  });

  it('When the console asks what is possible, then it gets the events the state accepts', () => {
    expect(acceptedEvents(caseIn('new')).sort()).toEqual(['COMMENT', 'TAKE']);
    expect(acceptedEvents(caseIn('solved'))).toEqual([]);
    expect(acceptedEvents(caseIn('n2_on_agenda')).sort()).toEqual(['COMMENT', 'ESCALATE_N3', 'UPDATE']);
  });
});
