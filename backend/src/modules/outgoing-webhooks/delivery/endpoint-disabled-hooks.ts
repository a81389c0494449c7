import { Injectable, Logger } from '@nestjs/common';

export interface EndpointDisabled {
  organisationId: string;
  endpointId: string;
  url: string;
  reason: string;
  at: Date;
}

export type EndpointDisabledListener = (event: EndpointDisabled) => Promise<void>;

/**
 * Told after the sender disabled an endpoint for persistent failure (the row, with `disabled_reason`, is committed
 * first): where the alerts module joins to tell the organisation's admins, without this module depending on it. A
 * listener's failure is logged, never undoes the disabling.
 */
@Injectable()
export class EndpointDisabledHooks {
  private readonly logger = new Logger(EndpointDisabledHooks.name);
  private readonly listeners: EndpointDisabledListener[] = [];

  register(listener: EndpointDisabledListener): void {
    this.listeners.push(listener);
  }

  async disabled(event: EndpointDisabled): Promise<void> {
    for (const listener of this.listeners) {
      await listener(event).catch((error: unknown) =>
        this.logger.warn({ err: (error as Error).message, endpointId: event.endpointId }, 'An endpoint-disabled listener failed'),
      );
    }
  }
}
