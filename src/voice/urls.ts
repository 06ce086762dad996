/**
 * Every URL we hand to Twilio, absolute from PUBLIC_BASE_URL (the URL Twilio signs).
 * Once the département is known it rides along as `d=`: signed by Twilio, so it cannot be forged, and
 * it lets the failure path reach the caller's territory even when the store is down.
 */
export interface VoiceUrls {
  incoming(): string;
  step(departement?: string | null): string;
  noInput(departement?: string | null): string;
  queueResult(departement?: string | null): string;
  queueWait(): string;
  queueWaitChoice(): string;
  queueBridging(): string;
  dialResult(departement?: string | null): string;
  whisper(callSid: string, ticketRef: string): string;
  status(): string;
  taskRouterAgent(reservationSid: string, ticketRef: string): string;
}

function hint(separator: '?' | '&', departement: string | null | undefined): string {
  return departement ? `${separator}d=${encodeURIComponent(departement)}` : '';
}

export function voiceUrls(publicBaseUrl: string): VoiceUrls {
  const base = publicBaseUrl.replace(/\/+$/, '');
  return {
    incoming: () => `${base}/voice/incoming`,
    step: (departement) => `${base}/voice/step${hint('?', departement)}`,
    noInput: (departement) => `${base}/voice/step?noInput=1${hint('&', departement)}`,
    queueResult: (departement) => `${base}/voice/queue/result${hint('?', departement)}`,
    queueWait: () => `${base}/voice/queue/wait`,
    queueWaitChoice: () => `${base}/voice/queue/wait-choice`,
    queueBridging: () => `${base}/voice/queue/bridging`,
    dialResult: (departement) => `${base}/voice/dial/result${hint('?', departement)}`,
    whisper: (callSid, ticketRef) =>
      `${base}/voice/whisper?call=${encodeURIComponent(callSid)}&ticket=${encodeURIComponent(ticketRef)}`,
    status: () => `${base}/voice/status`,
    taskRouterAgent: (reservationSid, ticketRef) =>
      `${base}/voice/taskrouter/agent?reservation=${encodeURIComponent(reservationSid)}&ticket=${encodeURIComponent(ticketRef)}`,
  };
}
