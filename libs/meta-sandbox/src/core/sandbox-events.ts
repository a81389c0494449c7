import { EventEmitter } from 'node:events';
import type { LeadRecord } from '../world/types';

/** Things that happen in the world that other modules react to (new lead → webhook). */
export interface SandboxEventMap {
  'lead.created': [lead: LeadRecord];
  'world.reset': [];
}

export class SandboxEvents {
  private readonly emitter = new EventEmitter();

  on<K extends keyof SandboxEventMap>(event: K, listener: (...args: SandboxEventMap[K]) => void): void {
    this.emitter.on(event, listener as (...args: unknown[]) => void);
  }

  emit<K extends keyof SandboxEventMap>(event: K, ...args: SandboxEventMap[K]): void {
    this.emitter.emit(event, ...args);
  }
}
