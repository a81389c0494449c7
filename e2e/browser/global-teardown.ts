import type { RunningServer } from './server';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __legeaiServer?: RunningServer }).__legeaiServer?.stop();
}
