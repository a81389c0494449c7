import { GraphError } from '../core/graph-error';

/**
 * The verification request Meta sends before it accepts a callback URL
 * (https://developers.facebook.com/docs/graph-api/webhooks/getting-started):
 * `GET {callback}?hub.mode=subscribe&hub.challenge=…&hub.verify_token=…`, answered 200 with the challenge as body.
 */
export async function verifyCallback(callbackUrl: string, verifyToken: string, challenge: string, timeoutMs: number): Promise<void> {
  const url = new URL(callbackUrl);
  url.searchParams.set('hub.mode', 'subscribe');
  url.searchParams.set('hub.challenge', challenge);
  url.searchParams.set('hub.verify_token', verifyToken);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'GET',
      headers: { 'user-agent': 'facebookplatform/1.0 (+http://developers.facebook.com)' },
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    throw new GraphError({
      code: 2200,
      message: `(#2200) callback verification failed: ${timedOut ? 'Operation timed out' : "Couldn't connect to server"}`,
    });
  }
  const body = await response.text();
  if (response.status !== 200) {
    throw new GraphError({ code: 2200, message: `(#2200) callback verification failed: Received HTTP code: ${response.status}` });
  }
  if (body !== challenge) {
    throw new GraphError({
      code: 2201,
      message: `(#2201) response does not match challenge, expected value="${challenge}", received="${body.slice(0, 100)}"`,
    });
  }
}
