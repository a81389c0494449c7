import { AlertEventType } from '@legeai/contracts';
import type { AlertFinding } from '../conditions/alert-condition-source';
import { planAlerts, type OpenAlertRef } from './alert-plan';

const finding = (key: string): AlertFinding => ({ key, eventType: AlertEventType.ReauthRequired, title: key, body: '', link: null });
const open = (key: string, source = 'meta-connection'): OpenAlertRef => ({ id: `id-${key}`, source, conditionKey: key });

describe(planAlerts.name, () => {
  it('raises a condition seen for the first time', () => {
    const sut = planAlerts([], [{ source: 'meta-connection', findings: [finding('reauth_required')] }]);
    expect(sut.raise.map((f) => [f.key, f.source])).toEqual([['reauth_required', 'meta-connection']]);
    expect(sut.seen).toEqual([]);
    expect(sut.resolve).toEqual([]);
  });

  it('does not raise a second alert while the condition holds', () => {
    const sut = planAlerts([open('reauth_required')], [{ source: 'meta-connection', findings: [finding('reauth_required')] }]);
    expect(sut.raise).toEqual([]);
    expect(sut.seen.map((a) => a.id)).toEqual(['id-reauth_required']);
  });

  it('resolves an open alert once its source answers without it', () => {
    const sut = planAlerts([open('reauth_required')], [{ source: 'meta-connection', findings: [] }]);
    expect(sut.resolve.map((a) => a.id)).toEqual(['id-reauth_required']);
    expect(sut.raise).toEqual([]);
  });

  it('leaves the alerts of a source that failed as they are', () => {
    const sut = planAlerts([open('sync_failing:catalog', 'sync-failures')], [{ source: 'sync-failures', findings: null }]);
    expect(sut).toEqual({ raise: [], seen: [], resolve: [] });
  });

  it("does not resolve another source's alerts", () => {
    const sut = planAlerts([open('leads_failed', 'lead-failures')], [{ source: 'meta-connection', findings: [] }]);
    expect(sut.resolve).toEqual([]);
  });

  it('raises again after a resolve (a new open alert for the same key)', () => {
    const sut = planAlerts([], [{ source: 'meta-connection', findings: [finding('reauth_required')] }]);
    expect(sut.raise).toHaveLength(1);
  });

  it('keeps one alert when a key is answered twice', () => {
    const sut = planAlerts([], [{ source: 's', findings: [finding('k'), finding('k')] }]);
    expect(sut.raise).toHaveLength(1);
  });
});
