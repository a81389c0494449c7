export type HealthState = 'up' | 'down';

export interface HealthResponse {
  status: 'ok' | 'error';
  info?: Record<string, { status: HealthState; [k: string]: unknown }>;
  error?: Record<string, { status: HealthState; [k: string]: unknown }>;
  details: Record<string, { status: HealthState; [k: string]: unknown }>;
}
