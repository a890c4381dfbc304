// A fast-check arbitrary of the JSON values SCIM clients send, with the keys and words a test cares about.
import fc from 'fast-check';

/**
 * Any small JSON value: strings, integers, booleans, null, the given `words` (the string forms clients
 * send for booleans, ops, ids), arrays, and objects keyed by `keys`.
 */
export function jsonValue(keys: fc.Arbitrary<string>, words: string[]): fc.Arbitrary<unknown> {
  return fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom(...words),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(keys, tie('value'), { maxKeys: 4 }),
    ),
  })).value;
}
