import { completedJobsKept } from './completed-jobs-kept';

describe('completedJobsKept', () => {
  it('reads a count and an age (the Redis default) and an age alone (the PostgreSQL default)', () => {
    expect(completedJobsKept({ age: 7 * 24 * 3600, count: 1_000 })).toEqual({ count: 1_000, ageSeconds: 604_800 });
    expect(completedJobsKept({ age: 24 * 3600 })).toEqual({ count: null, ageSeconds: 86_400 });
    expect(completedJobsKept({ count: 30 })).toEqual({ count: 30, ageSeconds: null });
  });

  it("reads BullMQ's shorthands: true keeps none, a number keeps that many, unset keeps all", () => {
    expect(completedJobsKept(true)).toEqual({ count: 0, ageSeconds: null });
    expect(completedJobsKept(200)).toEqual({ count: 200, ageSeconds: null });
    expect(completedJobsKept(undefined)).toEqual({ count: null, ageSeconds: null });
    expect(completedJobsKept(false)).toEqual({ count: null, ageSeconds: null });
  });
});
