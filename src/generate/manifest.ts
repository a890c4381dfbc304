// .scim-connector/manifest.json: what the generator wrote, so regeneration can tell the user's edits from its own output.
import { hashBody, hashText, readTaggedMethods } from './body-hash.js';
import { formatSource } from './format-source.js';
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

/**
 * The manifest of `files` (sorted by path, the manifest itself left out); method hashes are `methods`
 * when given (a regeneration records the bodies it generated, not the user's merged ones), else
 * those of the connector's tagged methods.
 */
export async function buildManifest(
  generator: { name: string; version: string },
  files: readonly GeneratedFile[],
  methods?: Record<string, string>,
): Promise<Manifest> {
  const hashes: Record<string, string> = {};
  for (const file of files) if (file.path !== MANIFEST_PATH) hashes[file.path] = hashText(file.contents);
  if (methods !== undefined) return { generator, files: hashes, methods };
  const connector = files.find((file) => file.path === CONNECTOR_PATH);
  const found: Record<string, string> = {};
  if (connector !== undefined && typeof connector.contents === 'string') {
    for (const method of readTaggedMethods(connector.contents)) {
      found[method.operation] = await hashBody(method.bodyText);
    }
  }
  return { generator, files: hashes, methods: found };
}

/** The manifest as the file the project holds (generated zone, formatted). */
export async function manifestFile(manifest: Manifest): Promise<GeneratedFile> {
  return {
    path: MANIFEST_PATH,
    contents: await formatSource(MANIFEST_PATH, JSON.stringify(manifest)),
    zone: 'generated',
  };
}
