import { Injectable, SetMetadata, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { LeadgenChange } from '../ingest/leadgen-changes';

/** A change the webhook read from a stored delivery, with the inbox row that carried it. */
export interface InboxChange {
  change: LeadgenChange;
  inbox: { id: string; receivedAt: Date };
}

/**
 * Where a change's work stands, as the handler's own records tell: `done` (nothing left to do), `running` (a job
 * should exist for it), `waiting` (its job ended without finishing; a replay takes it from there).
 */
export type ChangeProgress = 'done' | 'running' | 'waiting';

/**
 * The capability that acts on a webhook field (lead capture for `leadgen`). The webhook stores deliveries, reads
 * their changes and tells connected Pages from unknown ones; what a change becomes is the handler's business: its
 * jobs, on its own queue, and the record of whether they finished. Calls come per batch of deliveries, so a handler
 * does one round trip per call, not one per change.
 */
export interface WebhookFieldHandler {
  /** The webhook field, as Meta names it in `changes[].field`. */
  readonly field: string;
  /** Queues the jobs of these changes, in order; adding a change again must be harmless (deterministic job ids). */
  enqueue(changes: readonly InboxChange[]): Promise<void>;
  /** Which of these changes have no job in the queue (whatever its state): a job that ran and was trimmed is gone too. */
  withoutJob(changes: readonly LeadgenChange[]): Promise<LeadgenChange[]>;
  /** Where each change stands, in the order given. */
  progress(changes: readonly LeadgenChange[]): Promise<ChangeProgress[]>;
}

/** The webhook fields deliveries are read for (leadgen-changes.ts); each needs exactly one handler. */
export const HANDLED_FIELDS = ['leadgen'] as const;
export type HandledField = (typeof HANDLED_FIELDS)[number];

const FIELD_HANDLER = 'legeai:webhook-field-handler';

/** Declares a provider as the handler of a webhook field; list it in its module's providers as usual. */
export const HandlesWebhookField = (field: HandledField): ClassDecorator => SetMetadata(FIELD_HANDLER, field);

/**
 * The handlers of webhook fields, found among the application's providers (@HandlesWebhookField) when the module
 * initialises. The application refuses to start when a field the webhook reads has no handler (its deliveries would
 * be stored and never acted on) or two, or when a handler names a field the webhook does not read.
 */
@Injectable()
export class WebhookFieldHandlers implements OnModuleInit {
  private readonly handlers = new Map<string, WebhookFieldHandler>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const found = this.discovery
      .getProviders()
      .filter((wrapper) => wrapper.metatype && wrapper.instance && Reflect.getMetadata(FIELD_HANDLER, wrapper.metatype) !== undefined)
      .map((wrapper) => ({
        field: Reflect.getMetadata(FIELD_HANDLER, wrapper.metatype!) as string,
        handler: wrapper.instance as WebhookFieldHandler,
        name: String(wrapper.name),
      }));
    const problems = fieldHandlerProblems(found.map(({ field, name }) => ({ field, name })));
    if (problems.length) throw new Error(`Webhook field handlers: ${problems.join('; ')}`);
    for (const { field, handler } of found) this.handlers.set(field, handler);
  }

  /** The handler of a field the webhook reads. */
  of(field: HandledField): WebhookFieldHandler {
    const handler = this.handlers.get(field);
    if (!handler) throw new Error(`No handler for the webhook field "${field}"`);
    return handler;
  }
}

/** What is wrong with these handlers: a field read without a handler, a field with two, a handler for no read field. */
export function fieldHandlerProblems(handlers: { field: string; name: string }[]): string[] {
  const problems: string[] = [];
  for (const field of HANDLED_FIELDS) {
    const named = handlers.filter((h) => h.field === field).map((h) => h.name);
    if (named.length === 0) problems.push(`no handler for "${field}"`);
    if (named.length > 1) problems.push(`"${field}" has ${named.length} handlers (${named.join(', ')})`);
  }
  for (const h of handlers) {
    if (!(HANDLED_FIELDS as readonly string[]).includes(h.field))
      problems.push(`${h.name} handles "${h.field}", which the webhook does not read`);
  }
  return problems;
}
