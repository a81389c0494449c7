import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { WebhookEventType } from '@legeai/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { EncryptedToken } from '../../../infra/crypto/token-cipher';

export interface EndpointRow {
  id: string;
  organisationId: string;
  url: string;
  description: string | null;
  eventTypes: WebhookEventType[];
  enabled: boolean;
  disabledReason: string | null;
  disabledAt: Date | null;
  secretCiphertext: string;
  secretKeyId: string;
  previousSecretCiphertext: string | null;
  previousSecretKeyId: string | null;
  previousSecretExpiresAt: Date | null;
  secretRotatedAt: Date | null;
  lastSuccessAt: Date | null;
  failingSince: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `id, organisation_id AS "organisationId", url, description, event_types AS "eventTypes", enabled,
  disabled_reason AS "disabledReason", disabled_at AS "disabledAt", secret_ciphertext AS "secretCiphertext",
  secret_key_id AS "secretKeyId", previous_secret_ciphertext AS "previousSecretCiphertext",
  previous_secret_key_id AS "previousSecretKeyId", previous_secret_expires_at AS "previousSecretExpiresAt",
  secret_rotated_at AS "secretRotatedAt", last_success_at AS "lastSuccessAt", failing_since AS "failingSince",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/** TypeORM answers an UPDATE … RETURNING on PostgreSQL as [rows, affected count]. */
export function updatedRows<T>(result: unknown): T[] {
  return (result as [T[], number])[0];
}

/** Every statement on outgoing_webhook_endpoints; each one scoped by organisation where a request names an id. */
@Injectable()
export class WebhookEndpointsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(row: {
    id: string;
    organisationId: string;
    url: string;
    description: string | null;
    eventTypes: WebhookEventType[];
    secret: EncryptedToken;
    createdBy: string | null;
  }): Promise<EndpointRow> {
    const [created] = (await this.db.query(
      `INSERT INTO outgoing_webhook_endpoints (id, organisation_id, url, description, event_types, secret_ciphertext, secret_key_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [row.id, row.organisationId, row.url, row.description, row.eventTypes, row.secret.ciphertext, row.secret.keyId, row.createdBy],
    )) as EndpointRow[];
    return created;
  }

  list(organisationId: string): Promise<EndpointRow[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM outgoing_webhook_endpoints WHERE organisation_id = $1 ORDER BY created_at, id`, [
      organisationId,
    ]);
  }

  async find(organisationId: string, id: string, m: EntityManager = this.db.manager, lock = false): Promise<EndpointRow | null> {
    const rows = (await m.query(
      `SELECT ${COLUMNS} FROM outgoing_webhook_endpoints WHERE organisation_id = $1 AND id = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [organisationId, id],
    )) as EndpointRow[];
    return rows[0] ?? null;
  }

  /** By id alone: for the sender, whose job names an endpoint it was given by the outbox. */
  async findById(id: string): Promise<EndpointRow | null> {
    const rows = (await this.db.query(`SELECT ${COLUMNS} FROM outgoing_webhook_endpoints WHERE id = $1`, [id])) as EndpointRow[];
    return rows[0] ?? null;
  }

  async update(
    m: EntityManager,
    organisationId: string,
    id: string,
    change: { url?: string; description?: string | null; eventTypes?: WebhookEventType[] },
  ): Promise<EndpointRow> {
    const rows = updatedRows<EndpointRow>(
      await m.query(
        `UPDATE outgoing_webhook_endpoints
            SET url = COALESCE($3, url),
                description = CASE WHEN $4 THEN $5 ELSE description END,
                event_types = COALESCE($6, event_types),
                updated_at = now()
          WHERE organisation_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
        [organisationId, id, change.url ?? null, change.description !== undefined, change.description ?? null, change.eventTypes ?? null],
      ),
    );
    return rows[0];
  }

  async setEnabled(m: EntityManager, organisationId: string, id: string, enabled: boolean, reason: string | null): Promise<EndpointRow> {
    const rows = updatedRows<EndpointRow>(
      await m.query(
        `UPDATE outgoing_webhook_endpoints
            SET enabled = $3, disabled_reason = CASE WHEN $3 THEN NULL ELSE $4 END,
                disabled_at = CASE WHEN $3 THEN NULL ELSE now() END, disabled_by_failure = false,
                failing_since = CASE WHEN $3 THEN NULL ELSE failing_since END, updated_at = now()
          WHERE organisation_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
        [organisationId, id, enabled, reason],
      ),
    );
    return rows[0];
  }

  /** The organisation's endpoints the sender disabled for their failures and nobody enabled since (read by alerts). */
  async disabledByFailure(organisationId: string): Promise<{ id: string; url: string; reason: string | null; disabledAt: Date }[]> {
    const rows: { id: string; url: string; reason: string | null; disabledAt: Date }[] = await this.db.query(
      `SELECT id, url, disabled_reason AS reason, disabled_at AS "disabledAt" FROM outgoing_webhook_endpoints
        WHERE organisation_id = $1 AND NOT enabled AND disabled_by_failure ORDER BY disabled_at, id`,
      [organisationId],
    );
    return rows;
  }

  /** The sender's: disables an endpoint still enabled; answers whether this call disabled it. */
  async disableForFailure(id: string, reason: string): Promise<boolean> {
    const rows = updatedRows<{ id: string }>(
      await this.db.query(
        `UPDATE outgoing_webhook_endpoints SET enabled = false, disabled_reason = $2, disabled_at = now(), disabled_by_failure = true,
                updated_at = now()
          WHERE id = $1 AND enabled RETURNING id`,
        [id, reason],
      ),
    );
    return rows.length > 0;
  }

  /** After a batch of attempts: a success clears the failing streak; failures only start one. Answers the streak's start. */
  async recordOutcomes(id: string, anySuccess: boolean, anyFailure: boolean): Promise<Date | null> {
    const rows = updatedRows<{ failingSince: Date | null }>(
      await this.db.query(
        `UPDATE outgoing_webhook_endpoints
            SET last_success_at = CASE WHEN $2 THEN now() ELSE last_success_at END,
                failing_since = CASE WHEN $2 THEN NULL WHEN $3 THEN COALESCE(failing_since, now()) ELSE failing_since END
          WHERE id = $1 RETURNING failing_since AS "failingSince"`,
        [id, anySuccess, anyFailure],
      ),
    );
    return rows[0]?.failingSince ?? null;
  }

  async rotateSecret(
    m: EntityManager,
    organisationId: string,
    id: string,
    secret: EncryptedToken,
    previous: EncryptedToken | null,
    previousExpiresAt: Date | null,
  ): Promise<EndpointRow> {
    const rows = updatedRows<EndpointRow>(
      await m.query(
        `UPDATE outgoing_webhook_endpoints
            SET secret_ciphertext = $3, secret_key_id = $4, previous_secret_ciphertext = $5, previous_secret_key_id = $6,
                previous_secret_expires_at = $7, secret_rotated_at = now(), updated_at = now()
          WHERE organisation_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
        [organisationId, id, secret.ciphertext, secret.keyId, previous?.ciphertext ?? null, previous?.keyId ?? null, previousExpiresAt],
      ),
    );
    return rows[0];
  }

  async delete(m: EntityManager, organisationId: string, id: string): Promise<void> {
    await m.query(`DELETE FROM outgoing_webhook_endpoints WHERE organisation_id = $1 AND id = $2`, [organisationId, id]);
  }
}
