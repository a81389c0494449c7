import { Injectable } from '@nestjs/common';
import type { MetaHealthCheck } from '@legeai/contracts';
import type { EntityManager } from 'typeorm';
import type { MetaIntegration } from '../entities/meta-integration.entity';
import type { AuditDetails, ConnectionParticipant, ConnectionStatusFacts, LiveConnection, TokenWipe } from './connection-participant';
import type { HealthRun } from './health-run';

/**
 * The registry of the modules taking part in a connection's life (ConnectionParticipant), and the runner of their
 * steps. Participants join when their module initialises (onModuleInit); every event runs the participants' steps one
 * after the other in their `order`, and the details they answer are merged, in that order, into the action's audit
 * entry.
 */
@Injectable()
export class ConnectionLifecycle {
  private participants: ConnectionParticipant[] = [];

  join(participant: ConnectionParticipant): void {
    const taken = this.participants.find((p) => p.order === participant.order);
    if (taken) throw new Error(`Connection participants ${taken.name} and ${participant.name} both take place ${participant.order}`);
    this.participants = [...this.participants, participant].sort((a, b) => a.order - b.order);
  }

  /** The participants in order, by name (for tests and logs). */
  names(): string[] {
    return this.participants.map((p) => p.name);
  }

  connected(connection: LiveConnection & { reconnected: boolean }): Promise<AuditDetails> {
    return this.steps((p) => p.connected?.(connection));
  }

  refresh(connection: LiveConnection): Promise<AuditDetails> {
    return this.steps((p) => p.refresh?.(connection));
  }

  disconnecting(integration: MetaIntegration): Promise<AuditDetails> {
    return this.steps((p) => p.disconnecting?.(integration));
  }

  async tokensWiped(wipe: TokenWipe, tx: EntityManager): Promise<void> {
    for (const p of this.participants) await p.tokensWiped?.(wipe, tx);
  }

  /** Whether any participant still stores the token, as one SQL condition (`false` when none stores tokens). */
  storesTokenSql(integrationAlias: string, ciphertextParam: string): string {
    const conditions = this.participants.flatMap((p) => (p.storesTokenSql ? [p.storesTokenSql(integrationAlias, ciphertextParam)] : []));
    return conditions.length ? conditions.map((c) => `(${c})`).join(' OR ') : 'false';
  }

  async healthChecks(integration: MetaIntegration, run: HealthRun): Promise<MetaHealthCheck[]> {
    const checks: MetaHealthCheck[] = [];
    for (const p of this.participants) checks.push(...((await p.healthChecks?.(integration, run)) ?? []));
    return checks;
  }

  async healthChecksWithoutToken(run: HealthRun): Promise<MetaHealthCheck[]> {
    const checks: MetaHealthCheck[] = [];
    for (const p of this.participants) checks.push(...((await p.healthChecksWithoutToken?.(run)) ?? []));
    return checks;
  }

  /** Read together: these are reads of different tables, and the status is asked on every console visit. */
  async status(integration: MetaIntegration): Promise<ConnectionStatusFacts> {
    const facts = await Promise.all(this.participants.map(async (p) => p.status?.(integration)));
    return Object.assign({}, ...facts) as ConnectionStatusFacts;
  }

  private async steps(step: (participant: ConnectionParticipant) => Promise<AuditDetails | void> | undefined): Promise<AuditDetails> {
    const details: AuditDetails = {};
    for (const participant of this.participants) Object.assign(details, await step(participant));
    return details;
  }
}
