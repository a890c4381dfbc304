// The one key under which names compare ignoring case: Unicode NFC plus full case folding.
import { caseFold } from 'unicode-case-folding';

/** A character other than printable ASCII, tab or newline: a string without one keys by its lower case. */
const NOT_PLAIN_ASCII = /[^ -~\t\n\r]/u;

/**
 * The form in which two names are the same when they differ only in case or in Unicode
 * normalisation: "café" composed and decomposed, "STRASSE" and "straße", "İstanbul" and
 * "i̇stanbul" share a key. This is the canonical caseless match of Unicode (§3.13, D145:
 * NFD, full case folding, then a canonical form — NFC here). `toLowerCase` is not enough: it
 * leaves "ß" and "SS" apart. userName and a group's displayName are unique under this key; the
 * filter evaluator compares every string that is not caseExact by it, and stores and later
 * backends index by it, so that a lookup finds what uniqueness refused.
 */
export function userNameKey(text: string): string {
  if (!NOT_PLAIN_ASCII.test(text)) return text.toLowerCase();
  return caseFold(text.normalize('NFD')).normalize('NFC');
}
