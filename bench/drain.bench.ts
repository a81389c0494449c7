import { BenchResult } from './lib/report';
import { BenchSettings } from './lib/settings';

export const NAME = 'End-to-end drain';

export async function run(_settings: BenchSettings): Promise<BenchResult[]> {
  return [
    { name: NAME, target: 'within 1.25× of the batching floor', comparisons: [], pass: null, notes: ['pending'] },
  ];
}
