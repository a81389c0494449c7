import { Injectable, Logger } from '@nestjs/common';

/** What a module does when a platform administrator reactivates a suspended organisation. */
export interface OrganisationStateListener {
  readonly name: string;
  /** Runs after the reactivation committed; what it returns goes into the audit entry. Errors are logged, not thrown. */
  reactivated(organisationId: string): Promise<Record<string, unknown>>;
}

/**
 * The slot higher modules fill to act on an organisation's reactivation (lead capture replays the leads parked while
 * it was suspended), so this module needs none of them.
 */
@Injectable()
export class OrganisationStateListeners {
  private readonly logger = new Logger(OrganisationStateListeners.name);
  private readonly listeners: OrganisationStateListener[] = [];

  register(listener: OrganisationStateListener): void {
    this.listeners.push(listener);
  }

  async reactivated(organisationId: string): Promise<Record<string, unknown>> {
    const details: Record<string, unknown> = {};
    for (const listener of this.listeners) {
      try {
        Object.assign(details, await listener.reactivated(organisationId));
      } catch (error) {
        // The reactivation stands; what a listener could not do now its own retries or an admin's replay redo.
        this.logger.warn({ msg: 'An organisation reactivation step failed', step: listener.name, organisationId, error: String(error) });
      }
    }
    return details;
  }
}
