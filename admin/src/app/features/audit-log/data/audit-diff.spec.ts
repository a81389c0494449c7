import { formatInstant } from '../../../shared/time/format-time';
import { auditDiff, fieldLabel } from './audit-diff';

describe('auditDiff', () => {
  it('lists only the fields that changed, in words', () => {
    expect(auditDiff({ role: 'viewer', name: 'Bo', active: true }, { role: 'admin', name: 'Bo', active: false })).toEqual([
      { path: 'role', label: 'Role', before: 'Viewer', after: 'Admin' },
      { path: 'active', label: 'Active', before: 'Yes', after: 'No' },
    ]);
  });

  it('opens a mapping up to the questions that moved', () => {
    const before = {
      customised: false,
      mapping: { fields: { full_name: 'fullName', current_insurer: 'ignore' }, defaults: {}, required: [] },
    };
    const after = {
      customised: true,
      mapping: { fields: { full_name: 'fullName', current_insurer: 'city' }, defaults: { country: 'US' }, required: ['email'] },
    };
    expect(auditDiff(before, after).map((row) => `${row.label}: ${row.before} → ${row.after}`)).toEqual([
      'Own mapping: No → Yes',
      'Question: Current insurer: Not used → City',
      'Required fields: — → Email',
      'Default: Country: — → US',
    ]);
  });

  it('lists every field of something created, and words lead statuses and instants', () => {
    expect(auditDiff(null, { name: 'CRM', role: 'viewer' })).toEqual([
      { path: 'name', label: 'Name', before: '—', after: 'CRM' },
      { path: 'role', label: 'Role', before: '—', after: 'Viewer' },
    ]);
    const [status, changed] = auditDiff(
      { status: 'won', statusChangedAt: '2026-11-01T10:00:00.000Z' },
      { status: 'contacted', statusChangedAt: '2026-11-02T10:00:00.000Z' },
    );
    expect(status).toMatchObject({ label: 'Status', before: 'Won', after: 'Contacted' });
    expect(changed).toMatchObject({ label: 'Status changed', after: formatInstant('2026-11-02T10:00:00.000Z') });
  });

  it('is empty when nothing was recorded', () => {
    expect(auditDiff(null, null)).toEqual([]);
  });

  it('names nested fields by their path', () => {
    expect(fieldLabel('budget.dailyMinor')).toBe('Budget › Daily minor');
  });
});
