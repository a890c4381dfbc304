// The unique names one run gives everything it creates, so runs never collide.
import { randomBytes } from 'node:crypto';

/** A lower-case prefix unique per run, e.g. `sct-m3k9x2-7f3a-`; lower case so upper-casing it tests case-insensitivity. */
export function runPrefix(now: number = Date.now()): string {
  return `sct-${now.toString(36)}-${randomBytes(2).toString('hex')}-`;
}
