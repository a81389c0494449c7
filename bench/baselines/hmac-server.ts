/**
 * Baseline for "webhook ingest, signature check only": a bare node:http server that reads the body, checks
 * X-Hub-Signature-256 (HMAC-SHA256 over the raw bytes, constant-time compare) and answers. Nothing else.
 * Prints `{"port":N}` on stdout once listening. Env: APP_SECRET, PORT (0 = any).
 */
import { createServer } from 'node:http';
import { answer, readBody, serve, signatureIsValid } from './common';

const secret = process.env.APP_SECRET ?? '';

const server = createServer((req, res) => {
  readBody(req, (body) => {
    if (body === null) return answer(res, 413, { error: { code: 'payload_too_large' } });
    if (!signatureIsValid(body, req.headers['x-hub-signature-256'], secret)) {
      return answer(res, 403, { error: { code: 'invalid_signature', message: 'X-Hub-Signature-256 does not match the body' } });
    }
    answer(res, 200, { outcome: 'accepted' });
  });
});

serve(server);
