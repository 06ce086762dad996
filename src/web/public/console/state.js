/* What the console holds while an advisor works: who is signed in, the ticket and the chat on screen,
   the callback contacts read from the callback list, and the advisor's presence. Nothing here is stored
   outside the tab. */
export const state = {
  /** The signed-in principal: { subject, name, role, territories }. */
  me: null,
  /** The ticket shown in the ticket panel (a TicketView). */
  ticket: null,
  /** The chat open in the chat panel: { ref, conversationId, seen: {id: true} }. */
  chat: null,
  /** Callback numbers read from the callback list, by ticket ref (never stored elsewhere). */
  callbackContacts: {},
  /** The ref of the last screen pop. */
  pop: null,
  /** My presence: { state: available | paused | offline, capacity }. */
  presence: { state: 'available', capacity: 2 },
  /** How many live chats I have now (for my capacity). */
  myChats: 0,
};

export function isMine(view) {
  return Boolean(view.case.referent && state.me && view.case.referent.subject === state.me.subject);
}
