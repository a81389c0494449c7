import { graphVersionStatus } from './graph-version-support';

describe(graphVersionStatus.name, () => {
  const today = new Date('2026-11-29T12:00:00Z');

  it.each([
    ['v21.0', 'sunset'],
    ['v24.0', 'sunset'],
    ['v25.0', 'near_sunset'],
    ['v26.0', 'supported'],
    ['v27.0', 'supported'],
    ['v19.0', 'sunset'],
    ['v30.0', 'unknown'],
    ['latest', 'unknown'],
  ])('%s on 2026-11-29 is %s', (version, state) => {
    expect(graphVersionStatus(version, today).state).toBe(state);
  });

  it('counts the days left', () => {
    expect(graphVersionStatus('v25.0', today)).toEqual({ version: 'v25.0', state: 'near_sunset', sunsetDate: '2027-02-23', daysLeft: 85 });
    expect(graphVersionStatus('v25.0', new Date('2026-10-01T00:00:00Z')).state).toBe('supported');
  });
});
