// .scim-connector/manifest.json: what the generator wrote, so regeneration can tell the user's edits from its own output.
import { hashBody, hashText, readTaggedMethods } from './body-hash.js';
import type { GeneratedFile } from './generate-contract.js';

export const MANIFEST_PATH = '.scim-connector/manifest.json';
export const CONNECTOR_PATH = 'src/connector.ts';

export interface Manifest {
  generator: { name: string; version: string };
  /** Path → hash of the bytes written, every file but the manifest. */
  files: Record<string, string>;
  /** Operation → hash of its normalised body in src/connector.ts (see normaliseBody). */
  methods: Record<string, string>;
}

/** The manifest of `files` (sorted by path); method hashes come from the connector's tagged methods. */
export async function buildManifest(
  generator: { name: string; version: string },
  files: readonly GeneratedFile[],
): Promise<Manifest> {
  const hashes: Record<string, string> = {};
  for (const file of files) hashes[file.path] = hashText(file.contents);
  const connector = files.find((file) => file.path === CONNECTOR_PATH);
  const methods: Record<string, string> = {};
  if (connector !== undefined && typeof connector.contents === 'string') {
    for (const method of readTaggedMethods(connector.contents)) {
      methods[method.operation] = await hashBody(method.bodyText);
    }
  }
  return { generator, files: hashes, methods };
}
