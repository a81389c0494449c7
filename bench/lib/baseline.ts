import { join } from 'node:path';
import { Child, startNode } from './processes';

export interface RunningBaseline {
  url: string;
  stop(): Promise<void>;
}

/** Starts one of `bench/baselines/*` as its own process (like the product) and waits for the port it prints. */
export async function startBaseline(
  name: 'hmac-server' | 'pg-inbox-server' | 'sql-page-server',
  env: Record<string, string>,
): Promise<RunningBaseline> {
  const child: Child = startNode(join(__dirname, '..', 'baselines', `${name}.js`), env);
  const port = await new Promise<number>((resolve, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const match = /\{"port":(\d+)\}/.exec(buffered);
      if (match) {
        child.process.stdout!.off('data', onData);
        resolve(Number(match[1]));
      }
    };
    child.process.stdout!.on('data', onData);
    child.process.once('exit', (code) => reject(new Error(`${name} exited with ${code}:\n${child.tail()}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.stop() };
}
