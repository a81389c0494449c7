import type { SandboxRuntime } from '../core/sandbox-runtime';
import type { LeadRecord } from '../world/types';
import { generateLead, storeLead } from './lead-factory';

export interface CreateLeadsRequest {
  /** Form to create leads for; a random active form when absent. */
  formId?: string;
  count?: number;
  /** Force organic (true) or ad (false) leads; mixed when absent. */
  organic?: boolean;
  platform?: 'fb' | 'ig';
  /** A Facebook user the sandbox knows (an app tester) who submits the form; a stranger when absent. */
  submittedBy?: string;
  /**
   * Answers to give instead of generated ones, by question key (`email`, `phone_number`, `full_name`...): the same
   * person submitting twice, or two people sharing a phone. Keys the form does not ask are ignored.
   */
  answers?: Record<string, string>;
}

/** Creates leads "now" and announces them, which is what triggers `leadgen` webhooks. */
export function createLeads(runtime: SandboxRuntime, request: CreateLeadsRequest): LeadRecord[] {
  const world = runtime.world;
  const rng = world.rng.stream('new-leads');
  const active = [...world.forms.values()].filter((form) => form.status === 'ACTIVE');
  const count = Math.max(0, Math.min(request.count ?? 1, 10_000));
  const created: LeadRecord[] = [];
  for (let i = 0; i < count; i++) {
    const form = request.formId ? world.forms.get(request.formId) : active.length > 0 ? rng.pick(active) : undefined;
    if (!form) throw new Error(request.formId ? `Unknown form ${request.formId}` : 'The world has no active lead form');
    const lead = generateLead(world, form, rng, {
      createdTime: runtime.clock.now(),
      organic: request.organic,
      platform: request.platform,
      submittedBy: request.submittedBy,
    });
    if (request.answers) {
      for (const field of lead.fieldData) {
        const given = request.answers[field.name];
        if (given !== undefined) field.values = [given];
      }
    }
    storeLead(world, lead);
    created.push(lead);
  }
  for (const lead of created) runtime.events.emit('lead.created', lead);
  return created;
}
