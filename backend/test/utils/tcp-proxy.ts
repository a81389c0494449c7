import { AddressInfo, connect, createServer, Server, Socket } from 'node:net';

/**
 * A TCP proxy in front of a server (the machine's PostgreSQL), so a test can take that server away from the
 * processes it starts without stopping it for everybody else: `cut()` closes the listening port (new connections are
 * refused, as by a stopped PostgreSQL) and drops every open connection; `restore()` listens on the same port again.
 */
export class TcpProxy {
  private readonly connections = new Set<Socket>();
  private server: Server;

  private constructor(
    private readonly target: { host: string; port: number },
    private listenPort: number,
  ) {
    this.server = this.createServer();
  }

  /** Listens on a free port of 127.0.0.1 and forwards every connection to `target`. */
  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const proxy = new TcpProxy(target, 0);
    await proxy.listen();
    proxy.listenPort = (proxy.server.address() as AddressInfo).port;
    return proxy;
  }

  get port(): number {
    return this.listenPort;
  }

  /** `url` with its host and port replaced by this proxy's. */
  rewrite(url: string): string {
    const rewritten = new URL(url);
    rewritten.hostname = '127.0.0.1';
    rewritten.port = String(this.listenPort);
    return rewritten.toString();
  }

  /** The server is gone: connections are refused and those open are dropped. */
  async cut(): Promise<void> {
    const closed = new Promise<void>((done) => this.server.close(() => done()));
    for (const socket of this.connections) socket.destroy();
    await closed;
  }

  /** The server is back, on the same port. */
  async restore(): Promise<void> {
    this.server = this.createServer();
    await this.listen();
  }

  async close(): Promise<void> {
    if (this.server.listening) await this.cut();
  }

  private createServer(): Server {
    return createServer((client) => {
      const upstream = connect(this.target);
      for (const [socket, other] of [
        [client, upstream],
        [upstream, client],
      ] as const) {
        this.connections.add(socket);
        socket.on('error', () => other.destroy());
        socket.on('close', () => {
          this.connections.delete(socket);
          other.destroy();
        });
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
  }

  private listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.listenPort, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
  }
}
