import { leadProgress } from './lead-progress';

describe(leadProgress.name, () => {
  it.each([
    ['nobody connects the Page any more', 'done', { connections: 0, started: 0, finished: 0, pending: 0 }],
    ['stored, duplicate or skipped for every organisation', 'done', { connections: 2, started: 2, finished: 2, pending: 0 }],
    ['not started yet', 'running', { connections: 1, started: 0, finished: 0, pending: 0 }],
    ['started for one organisation of two', 'running', { connections: 2, started: 1, finished: 1, pending: 0 }],
    ['pending (being read, or retrying)', 'running', { connections: 1, started: 1, finished: 0, pending: 1 }],
    ['failed or parked, pending nowhere', 'waiting', { connections: 2, started: 2, finished: 1, pending: 0 }],
  ])('a lead %s is %s', (_what, progress, counts) => {
    expect(leadProgress(counts)).toBe(progress);
  });
});
