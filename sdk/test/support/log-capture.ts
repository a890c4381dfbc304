// A pino destination for tests that keeps every log line, as text and as parsed JSON.
import { Writable } from 'node:stream';

export interface LogCapture {
  stream: Writable;
  lines: () => Record<string, unknown>[];
  text: () => string;
}

export function captureLog(): LogCapture {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const text = () => chunks.join('');
  return {
    stream,
    text,
    lines: () =>
      text()
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
