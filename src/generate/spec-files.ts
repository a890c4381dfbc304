// Places the files connector.yaml names (OpenAPI document, directory schema, DDL, seed files) in the project and rewrites their paths in its copy.
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { isScalar, parseDocument, visit, type Scalar } from 'yaml';
import type { ConnectorSpec } from '../spec/connector-spec.js';
import type { ProjectPaths } from './connector-model.js';
import type { GeneratedFile } from './generate-contract.js';

export interface PlacedSpecFiles {
  /** Where each file sits in the project, relative to its root. */
  paths: ProjectPaths;
  /** The copies to write (files that were outside the project). */
  copies: GeneratedFile[];
  /** The spec's text with the paths of copied files rewritten; every other byte as given. */
  specText: string;
}

/** `file`'s path inside `projectDir`, or undefined when it lies outside. */
function inside(projectDir: string | undefined, file: string): string | undefined {
  if (projectDir === undefined) return undefined;
  const rel = relative(projectDir, file);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? undefined : rel.split(sep).join('/');
}

/** A scalar's new source text: plain when the old one was plain and the path needs no quotes. */
function scalarText(node: Scalar, value: string): string {
  if (node.type === 'PLAIN' && /^[A-Za-z0-9_./-]+$/.test(value)) return value;
  if (node.type === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  return JSON.stringify(value);
}

/**
 * Rewrites every string scalar of `text` that names `from` (relative to the spec's folder) to `to`, in
 * place: comments, order and formatting of everything else survive byte for byte.
 */
function rewritePaths(text: string, specDir: string, renames: ReadonlyMap<string, string>): string {
  const doc = parseDocument(text, { keepSourceTokens: true });
  const edits: { start: number; end: number; text: string }[] = [];
  visit(doc, {
    Scalar(_key, node) {
      if (
        !isScalar(node) ||
        typeof node.value !== 'string' ||
        node.range === undefined ||
        node.range === null
      )
        return;
      const target = renames.get(resolve(specDir, node.value));
      if (target === undefined || target === node.value) return;
      edits.push({ start: node.range[0], end: node.range[1], text: scalarText(node, target) });
    },
  });
  let out = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  return out;
}

/**
 * Decides where the OpenAPI document and seed files live in the project: a file already inside
 * `projectDir` stays where it is; any other is copied in (`openapi.<ext>`, `data/<name>`).
 */
export async function placeSpecFiles(
  spec: ConnectorSpec,
  specText: string,
  projectDir: string | undefined,
): Promise<PlacedSpecFiles> {
  const paths: ProjectPaths = {};
  const copies: GeneratedFile[] = [];
  const renames = new Map<string, string>();
  const place = async (file: string, copyName: string): Promise<string> => {
    const kept = inside(projectDir, file);
    if (kept !== undefined) {
      renames.set(file, kept);
      return kept;
    }
    if (!copies.some((copy) => copy.path === copyName)) {
      copies.push({ path: copyName, contents: await readFile(file, 'utf8'), zone: 'scaffolding' });
    }
    renames.set(file, copyName);
    return copyName;
  };
  if (spec.backend.kind === 'openapi') {
    paths.openapi = await place(spec.backend.document, `openapi${extname(spec.backend.document) || '.yaml'}`);
  }
  if (spec.backend.kind === 'ldap' && !/^ldaps?:\/\//i.test(spec.backend.schema)) {
    paths.directorySchema = await place(spec.backend.schema, basename(spec.backend.schema));
  }
  if (spec.backend.kind === 'sql') paths.ddl = await place(spec.backend.ddl, basename(spec.backend.ddl));
  if (spec.seed?.users !== undefined)
    paths.seedUsers = await place(spec.seed.users, `data/${basename(spec.seed.users)}`);
  if (spec.seed?.groups !== undefined) {
    paths.seedGroups = await place(spec.seed.groups, `data/${basename(spec.seed.groups)}`);
  }
  return { paths, copies, specText: rewritePaths(specText, dirname(spec.file), renames) };
}
