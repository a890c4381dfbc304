// A keep-alive HTTP/1.1 client on one loopback socket for sequential GETs: little work of its own, and no garbage that outlives a request.
import { once } from 'node:events';
import { connect } from 'node:net';

/**
 * Connects to `base` (http://host:port); `get(path)` sends one GET with `headers` and resolves when
 * the whole body of a 200 answer has arrived. fastify's inject would do as a client, but it keeps
 * megabytes alive across young-generation collections (3 MB promoted per scavenge, against 0.1 MB
 * over a socket), and at 1M users each full collection marks a gigabyte: the request figures then
 * measured the client's garbage, not the server.
 */
export async function loopbackClient(base, headers) {
  const { hostname, port } = new URL(base);
  const headerLines = Object.entries({ host: `${hostname}:${port}`, ...headers })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  let socket;
  let waiting;
  let head = Buffer.alloc(0);
  let bodyLeft = -1;
  const settle = (error) => {
    const done = waiting;
    waiting = undefined;
    head = Buffer.alloc(0);
    bodyLeft = -1;
    if (error === undefined) done?.resolve();
    else done?.reject(error);
  };
  const onData = (chunk) => {
    if (waiting === undefined) {
      socket.destroy(new Error(`loopback client: ${chunk.length} bytes nobody asked for`));
      return;
    }
    let body = chunk;
    if (bodyLeft < 0) {
      head = head.length === 0 ? chunk : Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      const text = head.toString('latin1', 0, end);
      const status = Number(text.slice(9, 12));
      const length = /\r\ncontent-length: *(\d+)/i.exec(text);
      if (status !== 200 || length === null) {
        const missing = length === null ? ' without a content-length' : '';
        settle(new Error(`GET ${waiting.path} answered ${text.split('\r\n')[0]}${missing}`));
        return;
      }
      bodyLeft = Number(length[1]);
      body = head.subarray(end + 4);
    }
    bodyLeft -= body.length;
    if (bodyLeft === 0) settle();
    else if (bodyLeft < 0) settle(new Error(`GET ${waiting.path}: more bytes than its content-length`));
  };
  // The server closes a connection idle for its keep-alive timeout: the next request opens another.
  const open = async () => {
    const next = connect(Number(port), hostname);
    await once(next, 'connect');
    next.setNoDelay(true);
    next.on('data', onData);
    next.on('error', (error) => settle(error));
    next.on('close', () => {
      if (socket === next) socket = undefined;
      settle(new Error('loopback client: the server closed the connection during a request'));
    });
    socket = next;
  };
  await open();
  return {
    async get(path) {
      if (socket === undefined) await open();
      return new Promise((resolve, reject) => {
        waiting = { resolve, reject, path };
        socket.write(`GET ${path} HTTP/1.1\r\n${headerLines}\r\n`);
      });
    },
    close() {
      const last = socket;
      socket = undefined;
      last?.destroy();
    },
  };
}
