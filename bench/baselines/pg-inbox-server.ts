/**
 * Baseline for "durable ingest": a bare node:http + pg server doing what the product's webhook does before its
 * 200, minus the framework and the queue: read the body, check the signature, parse the JSON, hash the body, and
 * insert the delivery into the product's `meta_webhook_inbox` (same table, same unique body hash, same pool size
 * of 10). Prints `{"port":N}` on stdout once listening. Env: APP_SECRET, DATABASE_URL, PORT (0 = any).
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { Pool } from 'pg';
import { answer, readBody, serve, signatureIsValid } from './common';

const secret = process.env.APP_SECRET ?? '';
const pool = new Pool({ connectionString: process.env.DATABASE_URL ?? '', max: 10 });

const INSERT = `INSERT INTO meta_webhook_inbox (raw_body, body_sha256, object, signature) VALUES ($1, $2, $3, $4)
  ON CONFLICT (body_sha256) DO NOTHING RETURNING id, received_at`;

const server = createServer((req, res) => {
  readBody(req, (body) => {
    if (body === null) return answer(res, 413, { error: { code: 'payload_too_large' } });
    const signature = req.headers['x-hub-signature-256'];
    if (!signatureIsValid(body, signature, secret)) return answer(res, 403, { error: { code: 'invalid_signature' } });
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return answer(res, 400, { error: { code: 'bad_request' } });
    }
    const object = (parsed as { object?: unknown } | null)?.object;
    const hash = createHash('sha256').update(body).digest('hex');
    pool.query(INSERT, [body, hash, typeof object === 'string' ? object.slice(0, 50) : null, String(signature).slice(0, 100)]).then(
      (result) => answer(res, 200, { outcome: result.rows.length ? 'accepted' : 'duplicate' }),
      () => answer(res, 500, { error: { code: 'internal' } }),
    );
  });
});

serve(server, () => pool.end());
