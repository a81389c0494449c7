import { connect, Socket } from 'node:net';

/**
 * One TCP connection to an HTTP server, written to byte by byte as a test wants (half a request, oversized headers,
 * garbage), collecting everything the server sends until it closes the connection.
 */
export class RawConnection {
  /** Everything received so far. */
  received = '';
  /** Resolves once the server has closed (or reset) the connection. */
  readonly closed: Promise<void>;
  private isClosed = false;

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (this.received += chunk));
    socket.on('error', () => undefined); // a reset is one way of closing
    this.closed = new Promise((done) => socket.once('close', () => ((this.isClosed = true), done())));
  }

  static open(port: number, host = '127.0.0.1'): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ port, host }, () => resolve(new RawConnection(socket)));
      socket.once('error', reject);
    });
  }

  get isOpen(): boolean {
    return !this.isClosed;
  }

  write(data: string | Buffer): void {
    this.socket.write(data);
  }

  /** The status line's code and the JSON body of the first response received. */
  response(): { status: number; headers: Record<string, string>; body: unknown } {
    const [head, body = ''] = this.received.split('\r\n\r\n');
    const [statusLine, ...lines] = head.split('\r\n');
    const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
    let parsed: unknown = body;
    try {
      parsed = JSON.parse(body);
    } catch {
      // not JSON: kept as text
    }
    return { status: Number(statusLine.split(' ')[1]), headers, body: parsed };
  }

  destroy(): void {
    this.socket.destroy();
  }
}
