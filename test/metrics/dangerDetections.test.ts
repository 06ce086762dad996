/**
 * Words of danger counted on /metrics by channel and category (`o360_danger_detections_total`), on the
 * phone as in the chat: calls played as Twilio plays them (signed webhooks, SpeechResult), chats over
 * our own Direct Line. Once per call and kind; no word of the person in a label.
 */
import { SimulatedCall } from '../support/callHarness';
import { twilioSide } from '../support/testApp';
import { WebChatUser } from '../support/webChatUser';
import { valueOf, type Sample } from './exposition';
import { appForTraffic } from './trafficApp';

const traffic = appForTraffic('metrics-danger-detections');
const scrape = () => traffic.scrape();
const NAME = 'o360_danger_detections_total';

const newCall = () => new SimulatedCall(twilioSide(traffic.app)).dial();

describe('/metrics counts the dangers found on the phone', () => {
  let samples: Sample[];
  beforeAll(async () => {
    // Suicide said at the first menu.
    const suicide = await newCall();
    await suicide.say('je veux plus vivre je vais me tuer');
    expect(suicide.spoken()).toContain('3114');
    // Violence in the couple said at the needs menu, then said again at the offer: one call, one count.
    const violence = await newCall();
    await violence.press('2');
    await violence.say('mon mari me frappe tous les soirs');
    expect(violence.spoken()).toContain('3919');
    await violence.say('il me frappe encore ce soir');
    // A partner's control, without violence: the question, then « oui »: the danger confirmed is counted.
    const confirmed = await newCall();
    await confirmed.say('mon copain est jaloux il regarde mon téléphone');
    await confirmed.say('oui');
    expect(confirmed.spoken()).toContain('3919');
    // The same question answered « non »: nothing found.
    const denied = await newCall();
    await denied.say('mon copain est jaloux il regarde mon téléphone');
    await denied.say('non');
    // An ordinary need.
    await (await newCall()).say('je cherche un logement adapté');
    // And a chat, to tell the channels apart.
    const user = new WebChatUser(traffic.app);
    await user.open();
    await user.write('je veux mourir ce soir');
    samples = await scrape();
  });

  it('When a caller spoke of suicide at a menu, then it is counted on the phone channel under suicide', () => {
    expect(valueOf(samples, NAME, { channel: 'voice', category: 'suicide' })).toBe(1);
  });

  it('When violence in the couple was said twice in one call and confirmed by « oui » in another, then it is counted once per call', () => {
    expect(valueOf(samples, NAME, { channel: 'voice', category: 'violence_conjugale' })).toBe(2);
  });

  it('When « non », an ordinary need and a chat were said too, then the phone counts nothing else and the chat its own danger', () => {
    expect(valueOf(samples, NAME, { channel: 'chat', category: 'suicide' })).toBe(1);
    expect(valueOf(samples, NAME)).toBe(4);
    const labels = samples.filter((s) => s.name === NAME).flatMap((s) => Object.values(s.labels));
    expect(new Set(labels)).toEqual(new Set(['voice', 'chat', 'suicide', 'violence_conjugale']));
  });
});
