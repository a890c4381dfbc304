// Reads a project's previous `.scim-connector/manifest.json`: the hash of each file and method body the generator wrote.
import { MANIFEST_PATH } from '../generate/manifest.js';

/** Thrown when a manifest cannot be read: the writer then refuses rather than guess. */
export class ManifestError extends Error {}

const HEX = /^(?:sha256[:-])?([0-9a-f]{64})$/;

function hashOf(entry: unknown): string | undefined {
  const value = typeof entry === 'object' && entry !== null ? (entry as { hash?: unknown }).hash : entry;
  return typeof value === 'string' ? HEX.exec(value)?.[1] : undefined;
}

function parsed(text: string): { files?: unknown; methods?: unknown } {
  try {
    return JSON.parse(text) as { files?: unknown; methods?: unknown };
  } catch (error) {
    throw new ManifestError(`${MANIFEST_PATH} is not JSON: ${(error as Error).message}`);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** path → SHA-256 hex of the bytes the generator last wrote there. */
export function manifestHashes(text: string): Map<string, string> {
  const { files } = parsed(text);
  if (!isRecord(files)) throw new ManifestError(`${MANIFEST_PATH} has no "files" object`);
  const hashes = new Map<string, string>();
  for (const [path, entry] of Object.entries(files)) {
    const hash = hashOf(entry);
    if (hash === undefined) throw new ManifestError(`${MANIFEST_PATH}: no SHA-256 hash for ${path}`);
    hashes.set(path, hash);
  }
  return hashes;
}

/** operation → `sha256:<hex>` of the body the generator last wrote for it (empty when the manifest has none). */
export function manifestMethods(text: string): Record<string, string> {
  const { methods } = parsed(text);
  const out: Record<string, string> = {};
  if (!isRecord(methods)) return out;
  for (const [operation, entry] of Object.entries(methods)) {
    const hash = hashOf(entry);
    if (hash === undefined)
      throw new ManifestError(`${MANIFEST_PATH}: no SHA-256 hash for method ${operation}`);
    out[operation] = `sha256:${hash}`;
  }
  return out;
}
