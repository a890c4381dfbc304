// Reads, from a project's previous `.scim-connector/manifest.json`, the hash of each file the generator wrote.

/** Where the core records what it wrote, relative to the project's root. */
export const MANIFEST_PATH = '.scim-connector/manifest.json';

/** Thrown when a manifest cannot be read: the writer then refuses rather than guess. */
export class ManifestError extends Error {}

const HEX = /^(?:sha256[:-])?([0-9a-f]{64})$/;

function hashOf(entry: unknown): string | undefined {
  const value = typeof entry === 'object' && entry !== null ? (entry as { hash?: unknown }).hash : entry;
  return typeof value === 'string' ? HEX.exec(value)?.[1] : undefined;
}

/** path → SHA-256 hex of the bytes the generator last wrote there. */
export function manifestHashes(text: string): Map<string, string> {
  let files: unknown;
  try {
    files = (JSON.parse(text) as { files?: unknown }).files;
  } catch (error) {
    throw new ManifestError(`${MANIFEST_PATH} is not JSON: ${(error as Error).message}`);
  }
  if (typeof files !== 'object' || files === null || Array.isArray(files)) {
    throw new ManifestError(`${MANIFEST_PATH} has no "files" object`);
  }
  const hashes = new Map<string, string>();
  for (const [path, entry] of Object.entries(files)) {
    const hash = hashOf(entry);
    if (hash === undefined) throw new ManifestError(`${MANIFEST_PATH}: no SHA-256 hash for ${path}`);
    hashes.set(path, hash);
  }
  return hashes;
}
