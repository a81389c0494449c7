import { Injectable } from '@nestjs/common';
import { ADS_ERROR_CODES, ErrorCode, IDEMPOTENCY_KEY_HEADER } from '@legeai/contracts';
import { createHash } from 'node:crypto';
import { ApiError } from '../../../common/errors/api-error';
import { IdempotencyRepository } from '../repositories/idempotency.repository';

/** A failed write that changed something at Meta: its answer is kept for the key, like a success. */
export class KeptFailure extends ApiError {}

export interface IdempotentResult<T> {
  result: T;
  /** Whether this is the stored answer of an earlier request with the same key. */
  replayed: boolean;
}

const KEY = /^[\x21-\x7e]{1,255}$/;
/**
 * Longer than any write takes (a lead campaign is five Graph writes, each bounded by META_TIMEOUT_MS and its retries):
 * a key still pending after this belongs to a request whose process stopped mid-way.
 */
export const UNFINISHED_AFTER_MS = 10 * 60_000;

/**
 * `Idempotency-Key` for the writes: the first request with a key does the work and its answer is stored; the same key
 * with the same request gets that answer again without a second Graph write; the same key with another request is
 * refused (422), and one still being processed answers 409. A write that failed without changing anything (Meta
 * refused it, throttled it or was away) frees its key, so a retry really tries again; one that changed something
 * (`KeptFailure`: a creation that could not clean up after itself) keeps its answer.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly keys: IdempotencyRepository) {}

  async run<T>(
    organisationId: string,
    key: string | undefined,
    operation: string,
    request: unknown,
    work: () => Promise<T>,
    options: { required: boolean; status: number },
  ): Promise<IdempotentResult<T>> {
    if (key === undefined || key === '') {
      if (options.required) {
        throw new ApiError(
          400,
          ADS_ERROR_CODES.idempotencyKeyRequired,
          `Send an ${IDEMPOTENCY_KEY_HEADER} header (any unique value, e.g. a UUID) so that a retried request never applies twice`,
        );
      }
      return { result: await work(), replayed: false };
    }
    if (!KEY.test(key))
      throw new ApiError(400, ErrorCode.ValidationFailed, `${IDEMPOTENCY_KEY_HEADER} must be 1 to 255 visible ASCII characters`);
    const hash = requestHash(operation, request);
    const claim = await this.keys.claim(organisationId, key, hash);
    if (!claim.owned) {
      const row = claim.row;
      if (row.requestHash !== hash) {
        throw new ApiError(
          422,
          ADS_ERROR_CODES.idempotencyKeyReused,
          `This ${IDEMPOTENCY_KEY_HEADER} was already used with a different request; use a new key for a new request`,
        );
      }
      if (row.state === 'pending' && Date.now() - row.createdAt.getTime() > UNFINISHED_AFTER_MS) {
        // Taking the key over could apply the write twice (the stopped request may have created objects at Meta), so
        // the key stays taken and the caller is told what to check before trying again with a new one.
        throw new ApiError(
          409,
          ADS_ERROR_CODES.idempotencyInProgress,
          `The request with this ${IDEMPOTENCY_KEY_HEADER} did not finish (the server stopped while processing it). Run a sync ` +
            'and check the campaigns for what it may have created, then send the request again with a new key',
          { startedAt: row.createdAt.toISOString(), unfinished: true },
        );
      }
      if (row.state === 'pending') {
        throw new ApiError(
          409,
          ADS_ERROR_CODES.idempotencyInProgress,
          `A request with this ${IDEMPOTENCY_KEY_HEADER} is still being processed; retry in a moment`,
        );
      }
      if ((row.responseStatus ?? 200) >= 400) throw storedError(row.responseStatus!, row.response);
      return { result: row.response as T, replayed: true };
    }
    try {
      const result = await work();
      await this.keys.complete(organisationId, key, options.status, result);
      return { result, replayed: false };
    } catch (error) {
      if (error instanceof KeptFailure) {
        await this.keys.complete(organisationId, key, error.getStatus(), {
          code: error.code,
          message: error.message,
          details: error.details ?? null,
        });
      } else {
        await this.keys.release(organisationId, key);
      }
      throw error;
    }
  }
}

function storedError(status: number, response: unknown): ApiError {
  const body = (response ?? {}) as { code?: string; message?: string; details?: Record<string, unknown> | null };
  return new ApiError(
    status,
    body.code ?? ErrorCode.Conflict,
    body.message ?? 'The earlier request with this key failed',
    body.details ?? undefined,
  );
}

/** The operation and its body, with object keys sorted: the same request always hashes the same. */
export function requestHash(operation: string, request: unknown): string {
  return createHash('sha256').update(canonicalJson({ operation, request })).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
