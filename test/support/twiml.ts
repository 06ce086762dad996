/** Reads TwiML as Twilio does (shared with the studio's trial: src/studio/trial/twimlReader.ts). */
export * from '../../src/studio/trial/twimlReader';
