// Parses a large JSON text piece by piece, where a scan cut it, letting the event loop run between pieces.
import type { JsonNode } from './json-scan.js';

function notJson(): SyntaxError {
  return new SyntaxError('not valid JSON');
}

/**
 * The value JSON.parse would give for `text`, whose outermost value is `root` (as JsonScanner
 * found it), built from one JSON.parse per piece of about PIECE_CHARS, so that no single call
 * holds the event loop for the whole text (JSON.parse of 2.5 MB took 100–300 ms, issue 9).
 * `pause` is awaited after each piece; it decides whether to yield. Throws SyntaxError where
 * JSON.parse would.
 */
export async function parseInPieces(
  text: string,
  root: JsonNode,
  pause: () => Promise<void>,
): Promise<unknown> {
  if (text.slice(0, root.start).trim() !== '' || text.slice(root.end + 1).trim() !== '') throw notJson();
  return parseNode(text, root, pause);
}

async function parseNode(text: string, node: JsonNode, pause: () => Promise<void>): Promise<unknown> {
  const object = node.kind === 'object';
  const record: Record<string, unknown> = {};
  const array: unknown[] = [];
  for (const piece of node.pieces) {
    if ('run' in piece) {
      const members = text.slice(piece.run[0], piece.run[1]);
      // Blank is an empty container when it is all there is; anywhere else, a missing member.
      if (members.trim() === '') {
        if (node.pieces.length === 1) continue;
        throw notJson();
      }
      if (object) Object.assign(record, JSON.parse(`{${members}}`));
      else for (const value of JSON.parse(`[${members}]`) as unknown[]) array.push(value);
    } else {
      const [start, end] = piece.member;
      const { value: inner } = piece;
      if (text.slice(inner.end + 1, end).trim() !== '') throw notJson();
      const before = text.slice(start, inner.start);
      const value = await parseNode(text, inner, pause);
      if (object) {
        // `"name" :` before the value: JSON.parse reads (and unescapes) the name.
        const keys = Object.keys(JSON.parse(`{${before}0}`) as object);
        if (keys.length !== 1) throw notJson();
        Object.defineProperty(record, keys[0] as string, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else {
        if (before.trim() !== '') throw notJson();
        array.push(value);
      }
    }
    await pause();
  }
  return object ? record : array;
}
