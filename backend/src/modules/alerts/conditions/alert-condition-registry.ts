import { Injectable } from '@nestjs/common';
import type { AlertConditionSource } from './alert-condition-source';

/**
 * The condition sources evaluated for every organisation. The alerts module registers its own at start-up; a module
 * with conditions of its own (e.g. outgoing webhook endpoints disabled) imports AlertsModule and registers a source in
 * its `onModuleInit`, so the alerts module need not know it.
 */
@Injectable()
export class AlertConditionRegistry {
  private readonly sources = new Map<string, AlertConditionSource>();

  register(source: AlertConditionSource): void {
    if (this.sources.has(source.id)) throw new Error(`Alert condition source ${source.id} is registered twice`);
    this.sources.set(source.id, source);
  }

  list(): AlertConditionSource[] {
    return [...this.sources.values()];
  }
}
