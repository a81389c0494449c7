/**
 * Reference for "lead store at scale": the page's rows behind a bare node:http + pg server, with no framework, no
 * auth, no validation and no logging. It shows what HTTP and JSON alone add to the SQL floor on this machine. Each
 * POST carries `{ text, values }` (the floor's own statement), runs it on a pool of 10 and answers `{ items }` as
 * JSON. Prints `{"port":N}` on stdout once listening. Env: DATABASE_URL, PORT (0 = any).
 */
import { createServer } from 'node:http';
import { Pool } from 'pg';
import { answer, readBody, serve } from './common';

const pool = new Pool({ connectionString: process.env.DATABASE_URL ?? '', max: 10 });

const server = createServer((req, res) => {
  readBody(req, (body) => {
    if (body === null) return answer(res, 413, { error: { code: 'payload_too_large' } });
    let statement: { text: string; values: unknown[] };
    try {
      statement = JSON.parse(body.toString('utf8')) as { text: string; values: unknown[] };
    } catch {
      return answer(res, 400, { error: { code: 'bad_request' } });
    }
    pool.query(statement.text, statement.values).then(
      (result) => answer(res, 200, { items: result.rows }),
      (error: Error) => answer(res, 500, { error: { code: 'internal', message: error.message } }),
    );
  });
});

serve(server, () => pool.end());
