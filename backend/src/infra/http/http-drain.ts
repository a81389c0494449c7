import type { Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * The HTTP half of a graceful stop. Node's `server.close()` alone stops accepting connections but keeps serving the
 * keep-alive ones, answering them `keep-alive` as before, and calls back only when the last of them has gone quiet:
 * a client that kept sending requests held the process until the 15 s force exit.
 *
 * `drain()` instead:
 * 1. stops accepting connections and closes the idle keep-alive ones (`server.close()` does both);
 * 2. answers every request still to be answered with `Connection: close`: those in flight now (found through the
 *    open connections) and those that arrive on an open connection from now on (a `request` listener placed before
 *    all others, including the fast routes). Node closes each such connection once its response is sent;
 * 3. closes, every 100 ms, connections that turned idle after a response already sent as `keep-alive`;
 * 4. resolves as soon as no connection is left, or after `timeoutMs` closes whatever is still open.
 *
 * Outside a stop it costs one Set entry per connection, nothing per request.
 */
export class HttpDrain {
  private readonly sockets = new Set<Socket>();
  private draining?: Promise<void>;

  constructor(private readonly server: Server) {
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
  }

  /** Whether `drain()` has been called. */
  get isDraining(): boolean {
    return this.draining !== undefined;
  }

  drain(timeoutMs: number): Promise<void> {
    this.draining ??= this.run(timeoutMs);
    return this.draining;
  }

  private async run(timeoutMs: number): Promise<void> {
    this.server.prependListener('request', (_req, res: ServerResponse) => closeAfter(res));
    for (const socket of this.sockets) {
      // The response a connection is busy with (Node's own link from socket to response).
      const inFlight = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
      if (inFlight) closeAfter(inFlight);
    }
    if (!this.server.listening) return;
    const closed = new Promise<void>((done) => this.server.close(() => done()));
    const sweep = setInterval(() => this.server.closeIdleConnections(), 100);
    const deadline = setTimeout(() => this.server.closeAllConnections(), timeoutMs);
    try {
      await closed;
    } finally {
      clearInterval(sweep);
      clearTimeout(deadline);
    }
  }
}

function closeAfter(res: ServerResponse): void {
  if (!res.headersSent) res.setHeader('Connection', 'close');
}
