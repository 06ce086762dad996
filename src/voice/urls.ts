/** Every URL we hand to Twilio, absolute from PUBLIC_BASE_URL (the URL Twilio signs). */
export interface VoiceUrls {
  incoming(): string;
  step(): string;
  noInput(): string;
  queueResult(): string;
  queueWait(): string;
  queueWaitChoice(): string;
  queueBridging(): string;
  dialResult(): string;
  whisper(callSid: string, ticketRef: string): string;
  status(): string;
  taskRouterAgent(reservationSid: string, ticketRef: string): string;
}

export function voiceUrls(publicBaseUrl: string): VoiceUrls {
  const base = publicBaseUrl.replace(/\/+$/, '');
  return {
    incoming: () => `${base}/voice/incoming`,
    step: () => `${base}/voice/step`,
    noInput: () => `${base}/voice/step?noInput=1`,
    queueResult: () => `${base}/voice/queue/result`,
    queueWait: () => `${base}/voice/queue/wait`,
    queueWaitChoice: () => `${base}/voice/queue/wait-choice`,
    queueBridging: () => `${base}/voice/queue/bridging`,
    dialResult: () => `${base}/voice/dial/result`,
    whisper: (callSid, ticketRef) =>
      `${base}/voice/whisper?call=${encodeURIComponent(callSid)}&ticket=${encodeURIComponent(ticketRef)}`,
    status: () => `${base}/voice/status`,
    taskRouterAgent: (reservationSid, ticketRef) =>
      `${base}/voice/taskrouter/agent?reservation=${encodeURIComponent(reservationSid)}&ticket=${encodeURIComponent(ticketRef)}`,
  };
}
