// Pins userNameKey: NFC and NFD, full case folding beyond toLowerCase, and the SDK root export.
import { strict as assert } from 'node:assert';
import { userNameKey as rootExport } from '../src/index.js';
import { userNameKey } from '../src/protocol/name-key.js';

describe('userNameKey', () => {
  const same: [string, string, string][] = [
    ['ASCII in another case', 'Alice@Example.COM', 'alice@example.com'],
    ['composed and decomposed é', 'caf\u00e9', 'cafe\u0301'],
    ['ß and SS', 'stra\u00dfe', 'STRASSE'],
    ['ẞ (capital sharp s) and ss', '\u1e9e', 'ss'],
    ['İ and i with a combining dot', '\u0130', 'i\u0307'],
    ['final, medial and capital sigma', '\u03c2', '\u03a3'],
    ['the Kelvin sign and k', '\u212a', 'k'],
    ['a ligature and its letters', '\ufb03', 'FFI'],
    ['Cherokee small and capital letters', '\uab70', '\u13a0'],
    ['Deseret (outside the BMP)', '\u{10400}', '\u{10428}'],
  ];
  for (const [name, a, b] of same) {
    it(`gives ${name} one key`, () => assert.equal(userNameKey(a), userNameKey(b)));
  }

  const different: [string, string, string][] = [
    ['dotless ı and i (no folding joins them)', '\u0131', 'i'],
    ['é and e', 'caf\u00e9', 'cafe'],
    ['a trailing space', 'alice', 'alice '],
  ];
  for (const [name, a, b] of different) {
    it(`keeps ${name} apart`, () => assert.notEqual(userNameKey(a), userNameKey(b)));
  }

  it('is exported from the SDK root', () => assert.equal(rootExport, userNameKey));
});
