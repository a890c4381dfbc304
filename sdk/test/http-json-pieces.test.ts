// JSON read as it arrives and parsed in pieces: the same value or the same refusal as JSON.parse, a body over a limit refused before its end.
import { strict as assert } from 'node:assert';
import { PassThrough, Readable } from 'node:stream';
import fc from 'fast-check';
import { MAX_JSON_KEYS_PER_OBJECT, readJsonBody } from '../src/http/json-body.js';
import { parseInPieces } from '../src/http/json-pieces.js';
import { JsonScanner } from '../src/http/json-scan.js';
import { ScimError } from '../src/protocol/errors.js';

const seed = 20261129;
const numRuns = 300;

/** What JSON.parse gives, or 'refused'. */
function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return 'refused';
  }
}

/** The text scanned in chunks of `chunk` characters and parsed in pieces from `pieceChars` characters. */
async function inPieces(text: string, chunk: number, pieceChars: number): Promise<unknown> {
  const scanner = new JsonScanner({}, pieceChars);
  for (let i = 0; i < text.length; i += chunk) scanner.feed(text.slice(i, i + chunk));
  scanner.finish();
  try {
    if (scanner.malformed || scanner.root === undefined) return JSON.parse(text);
    return await parseInPieces(text, scanner.root, async () => {});
  } catch {
    return 'refused';
  }
}

/** JSON text with blanks between tokens, then maybe one character of structure changed. */
const texts = fc
  .tuple(
    fc.jsonValue({ maxDepth: 4 }),
    fc.constantFrom('', ' ', '\n '),
    fc.option(fc.tuple(fc.nat(), fc.constantFrom('', ',', '[', ']', '{', '}', ':', '"', ' 1')), {
      nil: undefined,
    }),
  )
  .map(([value, blank, change]) => {
    const text = JSON.stringify(value, null, blank === '' ? undefined : blank);
    if (change === undefined) return text;
    const at = change[0] % (text.length + 1);
    return text.slice(0, at) + change[1] + text.slice(at + 1);
  });

describe(`http: JSON in pieces (fast-check seed ${seed}, ${numRuns} runs)`, () => {
  it('gives what JSON.parse gives, for any cut and any chunking, valid or not', async () => {
    await fc.assert(
      fc.asyncProperty(
        texts,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 64 }),
        async (text, chunk, pieceChars) => {
          assert.deepEqual(await inPieces(text, chunk, pieceChars), parsed(text));
        },
      ),
      { seed, numRuns },
    );
  });

  const cases: [string, string][] = [
    ['an empty member between large ones', '[[1,2,3,4],,[5,6,7,8]]'],
    ['a trailing comma', '[[1,2,3,4],[5,6,7,8],]'],
    ['a leading comma', '[,[1,2,3,4]]'],
    ['two values in one member', '[[1,2,3,4] [5,6,7,8]]'],
    ['a key without a colon', '{"a" [1,2,3,4]}'],
    ['text after the value', '[[1,2,3,4]] 1'],
    ['mismatched brackets', '[[1,2,3,4}]'],
    ['a large empty container', `[${' '.repeat(40)}]`],
    ['a large object of large members', '{"a":[1,2,3,4],"b" : {"c":[5,6,7,8]},"a":[9]}'],
  ];
  for (const [name, text] of cases) {
    it(`agrees with JSON.parse on ${name}`, async () => {
      assert.deepEqual(await inPieces(text, 3, 4), parsed(text));
    });
  }

  it('reads a body whose characters and escapes straddle chunks', async () => {
    const value = {
      name: 'Zoë 😀 "quoted" \\ back',
      list: Array.from({ length: 5000 }, (_, i) => ({ k: `é${i}` })),
    };
    const bytes = Buffer.from(JSON.stringify(value));
    const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) =>
      bytes.subarray(i * 7, i * 7 + 7),
    );
    assert.deepEqual(await readJsonBody(Readable.from(chunks), {}, bytes.length), value);
  });

  it('refuses a body over a key limit at the chunk that passes it, before the body ends', async () => {
    const payload = new PassThrough();
    const keys = Array.from({ length: MAX_JSON_KEYS_PER_OBJECT + 1 }, (_, i) => `"k${i}":0`).join(',');
    const read = readJsonBody(payload, {}, 1 << 24);
    payload.write(`{${keys}`);
    // The body never ends: only a refusal at the chunk can settle the promise.
    await assert.rejects(
      read,
      (err: unknown) => err instanceof ScimError && err.code === 'SCIM_ERR_TOO_MANY_KEYS',
    );
    payload.destroy();
  });

  it('refuses bytes that are not UTF-8 and a body longer than the limit', async () => {
    await assert.rejects(
      readJsonBody(Readable.from([Buffer.from([0x7b, 0x22, 0xff, 0x22])]), {}, 100),
      (err: unknown) => err instanceof ScimError && err.scimType === 'invalidSyntax',
    );
    await assert.rejects(
      readJsonBody(Readable.from([Buffer.from('{"a":"0123456789"}')]), {}, 10),
      (err: unknown) => (err as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE',
    );
  });
});
