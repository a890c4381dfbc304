// The hash the writer compares files by: SHA-256 of the exact bytes, hex.
import { createHash } from 'node:crypto';

/** SHA-256 of a file's bytes (text as UTF-8), lower-case hex. */
export function contentHash(contents: string | Uint8Array): string {
  return createHash('sha256').update(contents).digest('hex');
}
