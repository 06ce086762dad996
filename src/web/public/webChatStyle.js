/* Web Chat's style options in the colours and font of the French State design system (DSFR):
   bleu France for what acts (buttons, links, the send button), greys for the robot, a blue tint for
   the person; advisors' messages get their own look in chat.css (they carry their name). */

/** DSFR colour tokens used here (light theme). */
export const DSFR = {
  blueFrance: '#000091',
  blueFrance925: '#e3e3fd',
  grey975: '#f6f6f6',
  text: '#161616',
  mention: '#666666',
  focus: '#0a76f6',
};

export const styleOptions = {
  primaryFont: 'Marianne, Arial, Helvetica, sans-serif',
  accent: DSFR.blueFrance,
  subtle: DSFR.mention,
  timestampColor: DSFR.mention,
  bubbleBackground: DSFR.grey975,
  bubbleTextColor: DSFR.text,
  bubbleBorderRadius: 4,
  bubbleFromUserBackground: DSFR.blueFrance925,
  bubbleFromUserTextColor: DSFR.text,
  bubbleFromUserBorderRadius: 4,
  // Buttons under the robot's message: DSFR's secondary buttons (bleu France outline and text).
  suggestedActionLayout: 'flow',
  suggestedActionBackgroundColor: '#ffffff',
  suggestedActionBorderColor: DSFR.blueFrance,
  suggestedActionBorderRadius: 0,
  suggestedActionBorderWidth: 1,
  suggestedActionTextColor: DSFR.blueFrance,
  suggestedActionBackgroundColorOnHover: '#e8edff',
  suggestedActionBackgroundColorOnActive: DSFR.blueFrance925,
  sendBoxButtonColor: DSFR.blueFrance,
  sendBoxButtonColorOnHover: DSFR.blueFrance,
  sendBoxBorderTop: `1px solid ${DSFR.mention}`,
  transcriptVisualKeyboardIndicatorColor: DSFR.focus,
  transcriptActivityVisualKeyboardIndicatorColor: DSFR.focus,
  hideUploadButton: true,
};

/** Screen readers hear who wrote each message: « Le 360 a écrit » for the robot and the advisors (an
   advisor's first name and « Conseiller » follow the message), not Web Chat's « Le bot a dit ». */
export const overrideLocalizedStrings = {
  ACTIVITY_BOT_SAID_ALT: 'Le 360 a écrit :',
};
