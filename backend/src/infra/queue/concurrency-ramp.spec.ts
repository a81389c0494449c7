import { EventEmitter } from 'node:events';
import { ConcurrencyRamp } from './concurrency-ramp';

/** Just what the ramp touches: the concurrency and the worker's events. */
class FakeWorker extends EventEmitter {
  concurrency = 1;
}

describe('ConcurrencyRamp', () => {
  it('starts with one wave and allows one more each time every job allowed so far is processing, up to the target', () => {
    const worker = new FakeWorker();
    const ramp = new ConcurrencyRamp(worker as never, 50, 150);
    expect(worker.concurrency).toBe(50);
    for (let i = 0; i < 49; i++) ramp.jobStarted();
    expect(worker.concurrency).toBe(50);
    ramp.jobStarted();
    expect(worker.concurrency).toBe(100);
    for (let i = 0; i < 50; i++) ramp.jobStarted();
    expect(worker.concurrency).toBe(150);
    for (let i = 0; i < 500; i++) ramp.jobStarted();
    expect(worker.concurrency).toBe(150);
  });

  it('starts small again when the queue runs dry', () => {
    const worker = new FakeWorker();
    const ramp = new ConcurrencyRamp(worker as never, 50, 150);
    for (let i = 0; i < 100; i++) ramp.jobStarted();
    expect(worker.concurrency).toBe(150);
    worker.emit('drained');
    expect(worker.concurrency).toBe(50);
    for (let i = 0; i < 50; i++) ramp.jobStarted();
    expect(worker.concurrency).toBe(100);
  });

  it('uses the target at once when it is no larger than a wave', () => {
    const worker = new FakeWorker();
    new ConcurrencyRamp(worker as never, 50, 20);
    expect(worker.concurrency).toBe(20);
  });
});
