/** Plays a caller against the running app as Twilio would (shared with the studio's trial: src/studio/trial/simulatedCall.ts). */
export * from '../../src/studio/trial/simulatedCall';
