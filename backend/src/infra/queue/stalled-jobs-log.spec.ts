import { Logger } from '@nestjs/common';
import { StalledJobsLog } from './stalled-jobs-log';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe(StalledJobsLog.name, () => {
  let warn: jest.Mock;
  let sut: StalledJobsLog;

  beforeEach(() => {
    warn = jest.fn();
    sut = new StalledJobsLog({ warn } as unknown as Logger);
  });

  it('writes the jobs one check recovered as one line per queue, naming them', async () => {
    sut.recovered('meta-webhook', 'leadgen:1:2');
    sut.recovered('meta-webhook', 'leadgen:1:3');
    sut.recovered('housekeeping', 'repeat:x:1');
    expect(warn).not.toHaveBeenCalled();
    await nextTurn();
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn).toHaveBeenCalledWith(
      { queue: 'meta-webhook', count: 2, jobIds: ['leadgen:1:2', 'leadgen:1:3'] },
      expect.stringContaining('Recovered 2 stalled job(s) of queue meta-webhook'),
    );
    expect(warn).toHaveBeenCalledWith({ queue: 'housekeeping', count: 1, jobIds: ['repeat:x:1'] }, expect.any(String));
  });

  it('names at most 100 jobs in a line, and counts them all', async () => {
    for (let i = 0; i < 150; i++) sut.recovered('meta-webhook', `job-${i}`);
    await nextTurn();
    const [fields] = warn.mock.calls[0] as [{ count: number; jobIds: string[] }];
    expect(fields.count).toBe(150);
    expect(fields.jobIds).toHaveLength(100);
  });

  it('starts a new line for a later check', async () => {
    sut.recovered('meta-webhook', 'a');
    await nextTurn();
    sut.recovered('meta-webhook', 'b');
    await nextTurn();
    expect(warn.mock.calls.map(([fields]) => (fields as { jobIds: string[] }).jobIds)).toEqual([['a'], ['b']]);
  });
});
