// Writes a secret (a private key, a keystore, a passphrase) to a file only its owner can read.
import { rm, writeFile } from 'node:fs/promises';

/**
 * Writes `contents` to a new file at `path` with mode 0600, removing what was there first: rewriting
 * an existing file would put the secret in it before its mode could be narrowed, and would follow a
 * symbolic link to wherever it points.
 */
export async function writePrivateFile(path: string, contents: string | Uint8Array): Promise<void> {
  await rm(path, { force: true });
  // 'wx': should anything appear at the path in between, fail rather than write into it.
  await writeFile(path, contents, { mode: 0o600, flag: 'wx' });
}
