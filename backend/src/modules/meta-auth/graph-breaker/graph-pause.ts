/** Why a connection's Graph calls wait, for the lead timeline, the health card and the logs. */
export interface GraphPause {
  since: Date;
  /** Transient failures since the breaker opened (the ones that opened it included). */
  failures: number;
  /** When the next probe call may go (while `probing`, when the probe out now is given up). */
  nextProbeAt: Date;
  /** Whether a probe call is out now. */
  probing: boolean;
  /** The last failure's message (as the Graph client wrote it: no token). */
  lastError: string | null;
}

const time = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** "Meta calls for this connection are paused since … after N failures; next probe at …" */
export function pauseMessage(pause: GraphPause): string {
  const next = pause.probing ? 'a probe call is under way' : `next probe at ${time(pause.nextProbeAt)}`;
  return `Meta calls for this connection are paused since ${time(pause.since)} after ${pause.failures} failure${pause.failures === 1 ? '' : 's'}; ${next}`;
}

/** What to do about a pause: usually nothing, it ends by itself. */
export const PAUSE_HINT =
  "Meta keeps failing this connection's calls (server errors or timeouts), so they wait for one probe call instead of " +
  'each lead retrying on its own. Leads are kept and read as soon as a probe succeeds; if the pause lasts, check ' +
  "Meta's status at https://metastatus.com.";
