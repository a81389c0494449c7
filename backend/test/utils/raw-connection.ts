import { connect, Socket } from 'node:net';

export interface RawResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The body, parsed when it is JSON. */
  body: unknown;
}

/**
 * One TCP connection to an HTTP server, written to byte by byte as a test wants (half a request, oversized headers,
 * garbage, several requests on one keep-alive connection), collecting everything the server sends until it closes
 * the connection.
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

  /** The first response received. */
  response(): RawResponse {
    const [first] = this.responses();
    if (first) return first;
    // An answer without Content-Length (or cut short) is still shown as far as it came.
    const [head, body = ''] = this.received.split('\r\n\r\n');
    return { ...parseHead(head), body: parseBody(body) };
  }

  /** Every complete response received so far, in order (each must carry a Content-Length). */
  responses(): RawResponse[] {
    const found: RawResponse[] = [];
    let rest = this.received;
    for (;;) {
      const end = rest.indexOf('\r\n\r\n');
      if (end === -1) return found;
      const head = parseHead(rest.slice(0, end));
      const length = Number(head.headers['content-length'] ?? NaN);
      if (!Number.isFinite(length) || rest.length < end + 4 + length) return found;
      found.push({ ...head, body: parseBody(rest.slice(end + 4, end + 4 + length)) });
      rest = rest.slice(end + 4 + length);
    }
  }

  /** Waits (bounded by `timeoutMs`) until `count` complete responses have arrived; answers them. */
  async waitResponses(count: number, timeoutMs = 10_000): Promise<RawResponse[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.responses().length < count) {
      if (Date.now() > deadline || (this.isClosed && this.responses().length < count)) {
        throw new Error(`expected ${count} responses, got ${this.responses().length}: ${JSON.stringify(this.received.slice(0, 500))}`);
      }
      await new Promise((done) => setTimeout(done, 10));
    }
    return this.responses();
  }

  destroy(): void {
    this.socket.destroy();
  }
}

function parseHead(head: string): Omit<RawResponse, 'body'> {
  const [statusLine, ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  return { status: Number(statusLine.split(' ')[1]), headers };
}

function parseBody(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}
