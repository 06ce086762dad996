/**
 * The second-stage question of safety (« Êtes-vous en danger en ce moment ? ») counted on /metrics,
 * by channel, kind asked about and outcome (asked, yes, no, no_answer), after real traffic: signed
 * calls played as Twilio plays them and chats over our own Direct Line. No word of the person in a label.
 */
import { SimulatedCall } from '../support/callHarness';
import { twilioSide } from '../support/testApp';
import { WebChatUser } from '../support/webChatUser';
import { valueOf, type Sample } from './exposition';
import { appForTraffic } from './trafficApp';

const traffic = appForTraffic('metrics-danger-checks');
const scrape = () => traffic.scrape();

/** A partner's control, said without violence: no emergency, but the 3919 is asked about. */
const GREY = 'mon copain est jaloux il regarde mon téléphone';
const NAME = 'o360_danger_checks_total';

const callAsked = async () => (await new SimulatedCall(twilioSide(traffic.app)).dial()).say(GREY);
async function chatAsked(): Promise<WebChatUser> {
  const user = new WebChatUser(traffic.app);
  await user.open();
  await user.write(GREY);
  return user;
}

describe('/metrics counts the second-stage questions and their answers', () => {
  let samples: Sample[];
  beforeAll(async () => {
    await (await callAsked()).say('oui');
    await (await callAsked()).say('non');
    const silent = await callAsked();
    for (let i = 0; i < 3 && silent.end().kind === 'gather'; i++) await silent.silence();
    expect(silent.end().kind).toBe('queue');
    await (await chatAsked()).press('Oui, je suis en danger', 'danger:oui');
    await (await chatAsked()).press('Non', 'danger:non');
    await (await chatAsked()).write('je voudrais des renseignements sur la RQTH');
    samples = await scrape();
  });

  it('When the question was asked three times on the phone, then asked is 3 and yes, no and no_answer 1 each, for violence in the couple', () => {
    const voice = (outcome: string) => valueOf(samples, NAME, { channel: 'voice', kind: 'violence_conjugale', outcome });
    expect([voice('asked'), voice('yes'), voice('no'), voice('no_answer')]).toEqual([3, 1, 1, 1]);
  });

  it('When the question was asked three times in the chat, then asked is 3 and yes, no and no_answer (another message) 1 each', () => {
    const chat = (outcome: string) => valueOf(samples, NAME, { channel: 'chat', kind: 'violence_conjugale', outcome });
    expect([chat('asked'), chat('yes'), chat('no'), chat('no_answer')]).toEqual([3, 1, 1, 1]);
  });

  it('When the figures are read, then no other kind or outcome was counted and no label holds what the people said', () => {
    expect(valueOf(samples, NAME)).toBe(12);
    const labels = samples.filter((s) => s.name === NAME).flatMap((s) => Object.values(s.labels));
    expect(new Set(labels)).toEqual(new Set(['voice', 'chat', 'violence_conjugale', 'asked', 'yes', 'no', 'no_answer']));
  });

  it('When « oui » was pressed in the chat, then its emergency was counted too', () => {
    expect(valueOf(samples, 'o360_danger_detections_total', { channel: 'chat', category: 'violence_conjugale' })).toBe(1);
  });
});
