/**
 * Trying a call or a chat against a draft: the real service (createApp) on the draft, a stopped clock,
 * a store of its own; signed webhooks and bot activities played in-process.
 */
import { createApp } from '../../src/app';
import type { AppConfig } from '../../src/config/appConfig';
import { tryCall } from '../../src/studio/trial/tryCall';
import { tryChat } from '../../src/studio/trial/tryChat';
import { repoConfig, withTarget, withTerritories } from '../support/config';

const MONDAY_0845 = '2026-11-23T08:45';
/** Profile 1, group 1, need 1, the postcode of Nantes, « yes, that is my département ». */
const TO_NANTES = [{ keys: '1' }, { keys: '1' }, { keys: '1' }, { keys: '44000' }, { keys: '1' }];

function opensMondayAt(config: AppConfig, departement: string, range: string): AppConfig {
  return withTerritories(config, (territories) => {
    const territory = territories.territories[departement];
    if (territory) territory.hours.mon = [range];
    return territories;
  });
}

const said = (config: AppConfig, key: string, values?: Record<string, string>) => config.prompts.text(key, values);

describe('trying a call against a draft', () => {
  it('When 44 opens at 08:30 in the draft, then a call on Monday at 08:45 reaches cercle-44 and the advisor hears who calls', async () => {
    const draft = opensMondayAt(repoConfig(), '44', '08:30-18:00');
    const transcript = await tryCall(createApp, draft, { territory: '44', at: MONDAY_0845, steps: TO_NANTES });
    expect(transcript).toMatchObject({ at: '2026-11-23T07:45:00.000Z', timeZone: 'Europe/Paris', end: { kind: 'queue', queue: 'cercle-44' }, unplayedSteps: 0 });
    expect(transcript.lines[0]).toEqual({ who: 'service', text: expect.stringContaining(said(draft, 'welcome')) });
    expect(transcript.lines[1]).toEqual({ who: 'caller', keys: '1' });
    expect(transcript.lines.at(-1)).toEqual({ who: 'service', text: expect.stringContaining(said(draft, 'transfer.territory')) });
    expect(transcript.whisper).toMatch(/^Appel du numéro 360\. .*Besoin : .*Département 44, Loire-Atlantique\. Dossier( \w)+\. Sa maison du handicap : MDPH de la Loire-Atlantique\.$/);
  });

  it('When 44 keeps its shipped hours (09:00), then the same call gets the closed behaviour: the callback offer, then a goodbye once booked', async () => {
    const shipped = repoConfig();
    const offered = await tryCall(createApp, shipped, { territory: '44', at: MONDAY_0845, steps: TO_NANTES });
    expect(offered.end).toEqual({ kind: 'menu' });
    expect(offered.whisper).toBeNull();
    const offer = offered.lines.at(-1);
    expect(offer).toEqual({ who: 'service', text: expect.stringContaining(said(shipped, 'closed.question')) });
    const booked = await tryCall(createApp, shipped, { territory: '44', at: MONDAY_0845, steps: [...TO_NANTES, { keys: '1' }, { keys: '1' }, { keys: '2' }] });
    expect(booked).toMatchObject({ end: { kind: 'hangup' }, unplayedSteps: 1 });
    expect(booked.lines.at(-1)).toEqual({ who: 'service', text: expect.stringContaining(said(shipped, 'callback.booked')) });
  });

  it('When the draft sends 44 to a phone number or to a TaskRouter workflow, then the call ends there and the whisper is the one its advisor hears', async () => {
    const atTen = { territory: '44', at: '2026-11-23T10:00', steps: TO_NANTES };
    const dialled = await tryCall(createApp, withTarget(repoConfig(), '44', { type: 'dial', number: '+33240000000' }), atTen);
    expect(dialled.end).toEqual({ kind: 'dial', number: '+33240000000' });
    expect(dialled.whisper).toMatch(/^Appel du numéro 360\. .*Département 44, Loire-Atlantique\./);
    const workflow = await tryCall(createApp, withTarget(repoConfig(), '44', { type: 'workflow', workflowSid: `WW${'a'.repeat(32)}` }), atTen);
    expect(workflow.end).toEqual({ kind: 'workflow', workflowSid: `WW${'a'.repeat(32)}` });
    expect(workflow.whisper).toContain('Département 44, Loire-Atlantique.');
  });

  it('When the caller speaks of danger in a trial, then they hear the number, and pressing 1 puts them through to it (no whisper: not our advisor)', async () => {
    const transcript = await tryCall(createApp, repoConfig(), { at: MONDAY_0845, steps: [{ say: 'je vais me tuer ce soir' }, { keys: '1' }] });
    expect(transcript.lines[2]).toEqual({ who: 'service', text: expect.stringContaining('3114') });
    expect(transcript).toMatchObject({ end: { kind: 'dial', number: '3114' }, whisper: null });
  });
});

describe('trying a chat against a draft', () => {
  it('When the person asks a question of the FAQ, then the trial shows the answer of the draft', async () => {
    const transcript = await tryChat(createApp, repoConfig(), { at: MONDAY_0845, messages: ['C’est quoi l’AAH ?'] });
    expect(transcript.lines[0]).toMatchObject({ who: 'service', text: expect.stringContaining(repoConfig().chatPrompts.text('chatHelp')) });
    const answer = repoConfig().faq.find((entry) => entry.id === 'aah')?.answer ?? 'no such entry';
    expect(transcript.lines).toContainEqual({ who: 'service', text: expect.stringContaining(answer.slice(0, 60)), buttons: [] });
  });

  it('When the person writes words of danger, then the first reply gives the number, urgent, and the chat goes to an advisor as a priority', async () => {
    const transcript = await tryChat(createApp, repoConfig(), { territory: '44', at: MONDAY_0845, messages: [{ press: 'Pour moi' }, 'je veux mourir, je vais me tuer'] });
    const afterDanger = transcript.lines.slice(transcript.lines.findIndex((line) => line.who === 'person' && line.text.startsWith('je veux')) + 1);
    expect(afterDanger[0]).toMatchObject({ who: 'service', text: expect.stringContaining('3114'), urgent: true });
    expect(afterDanger).toContainEqual({ who: 'service', handedOver: expect.objectContaining({ priority: 'prioritaire' }) });
  });
});
