/**
 * Whether an error means a backing service (PostgreSQL, or Redis for the queue) could not be reached or dropped the
 * connection, as opposed to refusing a statement. Those errors are a temporary state of the deployment, not a bug and
 * not the client's fault: the answer is a 503 with Retry-After, which Meta's webhook retries and API clients honour.
 *
 * Recognised: socket errors (refused, reset, unreachable, DNS), PostgreSQL's connection-exception class (08xxx), a
 * server shutting down or starting up (57P01-57P03), too many connections (53300), node-postgres' messages for a lost
 * or unobtainable connection, and TypeORM's "not connected". Errors TypeORM wraps (QueryFailedError.driverError)
 * and each error of an AggregateError (a host with several addresses) are looked into.
 */
export function isDependencyUnavailable(error: unknown): boolean {
  return unavailable(error, 0);
}

/** Seconds a client is asked to wait before trying again (the Retry-After of every 503). */
export const RETRY_AFTER_SECONDS = 5;

const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

const LOST_CONNECTION_MESSAGES = [
  'Connection terminated', // node-postgres: the server closed the connection (also "... unexpectedly", "... due to connection timeout")
  'timeout exceeded when trying to connect', // pg-pool: no connection within connectionTimeoutMillis
  'is not queryable', // node-postgres: a client whose connection already failed
];

const NOT_CONNECTED_NAMES = new Set(['CannotExecuteNotConnectedError', 'ConnectionIsNotSetError']);

function unavailable(error: unknown, depth: number): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const { code, message, name, driverError, errors } = error as {
    code?: unknown;
    message?: unknown;
    name?: unknown;
    driverError?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  if (typeof name === 'string' && NOT_CONNECTED_NAMES.has(name)) return true;
  if (typeof message === 'string' && LOST_CONNECTION_MESSAGES.some((m) => message.includes(m))) return true;
  if (driverError && unavailable(driverError, depth + 1)) return true;
  return Array.isArray(errors) && errors.some((e) => unavailable(e, depth + 1));
}
