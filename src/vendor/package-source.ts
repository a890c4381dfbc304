// Chooses where a generated project gets the SDK and tester: this repository's workspaces, vendored tarballs, or the registry.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { PackageSource } from '../generate/generate-contract.js';
import { packVendor } from './pack-vendor.js';
import { isWorkspace } from './workspace-glob.js';

export const PACKAGE_SOURCES = ['workspace', 'vendor', 'registry'] as const;
export type PackageSourceKind = (typeof PACKAGE_SOURCES)[number];

export interface ResolvedPackages {
  /** For `vendor`, with the tarballs' bytes: the core emits them (`vendor/*.tgz`) and hashes them in the manifest. */
  source: PackageSource;
  /** Something the user should know about the choice. */
  note?: string;
}

async function readJson(path: string): Promise<{ version?: string; workspaces?: string[] }> {
  return JSON.parse(await readFile(path, 'utf8')) as { version?: string; workspaces?: string[] };
}

/** A package's version; without its folder, the generator's own (the three are released together). */
async function versionOf(root: string, folder: string): Promise<string> {
  const own = join(root, folder, 'package.json');
  const json = await readJson(existsSync(own) ? own : join(root, 'package.json'));
  if (json.version === undefined) throw new Error(`no version in ${own}`);
  return json.version;
}

/** The out folder relative to the root with `/`, or undefined when it is outside the root. */
function inside(root: string, outDir: string): string | undefined {
  const path = relative(root, resolve(outDir));
  if (path === '' || path === '..' || path.startsWith(`..${sep}`) || resolve(path) === path) return undefined;
  return path.split(sep).join('/');
}

/**
 * Registry versions, when a project outside the repository already depends on the SDK by version:
 * its owner chose `--packages registry` once, and a regeneration without the flag must not switch
 * it to vendored tarballs behind their back.
 */
async function registryChosenBefore(outDir: string): Promise<boolean> {
  const path = join(outDir, 'package.json');
  if (!existsSync(path)) return false;
  let json: { dependencies?: Record<string, unknown> };
  try {
    json = JSON.parse(await readFile(path, 'utf8')) as { dependencies?: Record<string, unknown> };
  } catch {
    return false; // An unreadable package.json is the merge's to report, not the package choice's.
  }
  const sdk = json.dependencies?.['scim-connector-sdk'];
  return typeof sdk === 'string' && !sdk.startsWith('file:');
}

/**
 * `kind` as asked, or by default: `workspace` inside the generator's repository (the root
 * package.json's `workspaces` name it: npm links the packages), `registry` for a project outside it
 * that already depends on registry versions, `vendor` elsewhere, `registry` when the generator has
 * no sdk/ and tester/ beside it (installed from the registry).
 */
export async function resolvePackages(
  root: string,
  outDir: string,
  kind?: PackageSourceKind,
): Promise<ResolvedPackages> {
  const hasSources =
    existsSync(join(root, 'sdk', 'package.json')) && existsSync(join(root, 'tester', 'package.json'));
  const under = inside(root, outDir);
  const chosen =
    kind ??
    (!hasSources
      ? 'registry'
      : under !== undefined
        ? 'workspace'
        : (await registryChosenBefore(outDir))
          ? 'registry'
          : 'vendor');
  if (chosen !== 'registry' && !hasSources) {
    throw new Error(
      `--packages ${chosen} needs the generator's sdk/ and tester/ folders, not found in ${root}`,
    );
  }
  if (chosen === 'vendor') {
    const { sdk, tester } = await packVendor(root);
    const [sdkTarball, testerTarball] = [`vendor/${sdk.filename}`, `vendor/${tester.filename}`];
    const tarballs = [
      { path: sdkTarball, contents: sdk.bytes },
      { path: testerTarball, contents: tester.bytes },
    ];
    return { source: { kind: 'vendor', sdkTarball, testerTarball, tarballs } };
  }
  // A caret range, as the contract says: a patch release of the SDK or tester needs no regeneration.
  const versions = {
    sdkVersion: `^${await versionOf(root, 'sdk')}`,
    testerVersion: `^${await versionOf(root, 'tester')}`,
  };
  if (chosen === 'registry') return { source: { kind: 'registry', ...versions } };
  const workspaces = (await readJson(join(root, 'package.json'))).workspaces ?? [];
  const note =
    under === undefined
      ? `${outDir} is outside ${root}: npm install there will not find the workspace packages (use --packages vendor)`
      : isWorkspace(under, workspaces)
        ? undefined
        : `${under} is not one of the root package.json's workspaces: add it there, or npm install in it will look for the packages on the registry`;
  return { source: { kind: 'workspace', ...versions }, ...(note ? { note } : {}) };
}
