// Reads connector.yaml into a resolved ConnectorSpec, or every problem found in it (and in the files it names).
import { resolve } from 'node:path';
import type { ConnectorSpec } from './connector-spec.js';
import { databaseTables } from './database-model.js';
import { ddlModel } from './ddl-model.js';
import { parseDirectorySchema } from './directory-schema.js';
import { checkLdap } from './ldap-check.js';
import { checkMappings } from './mapping-check.js';
import { checkOpenApiText } from './openapi-check.js';
import { readSpecFile, type ReadSpecFile } from './read-file.js';
import { readSubschema } from './read-subschema.js';
import { resolveSpec } from './resolve-spec.js';
import { checkAgainstSchema, describePath } from './schema-check.js';
import { checkSemantics } from './semantic-check.js';
import { checkSqlMapping } from './sql-check.js';
import { problems } from './spec-codes.js';
import { backendKind, child, isRecord } from './spec-data.js';
import type { SpecProblem } from './spec-problem.js';
import { keepNumbersAsWritten, parseYamlSource, type DataPath, type YamlSource } from './yaml-source.js';

/** How to load: `db` is a live PostgreSQL URL the sql backend is checked against instead of its DDL file. */
export interface LoadSpecOptions {
  db?: string;
}

export type LoadSpecResult = { ok: true; spec: ConnectorSpec } | { ok: false; problems: SpecProblem[] };

/** Sorted by file, line and column, each reported once. */
function sortProblems(found: SpecProblem[]): SpecProblem[] {
  const unique = new Map(found.map((p) => [`${p.file}\0${p.line}\0${p.column}\0${p.message}`, p]));
  return [...unique.values()].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column,
  );
}

/** What checking a file the spec names found: its problems and, for a sound OpenAPI document, its data. */
interface NamedFileCheck {
  problems: SpecProblem[];
  openapi?: unknown;
}

/** The problems of one file the spec names at `path` (a seed file or the OpenAPI document). */
async function checkNamedFile(
  source: YamlSource,
  path: DataPath,
  relative: string,
  read: ReadSpecFile,
  kind: 'seed' | 'openapi' | 'ddl',
): Promise<NamedFileCheck> {
  const absolute = resolve(source.file, '..', relative);
  const got = await read(absolute);
  if ('missing' in got) {
    const text =
      kind === 'openapi'
        ? problems.openapiMissing(absolute)
        : kind === 'ddl'
          ? problems.ddlMissing(absolute)
          : problems.seedMissing(describePath(path), absolute);
    return { problems: [source.problem(text, path)] };
  }
  if ('error' in got) return { problems: [source.problem(problems.unreadable(absolute, got.error), path)] };
  if (kind === 'ddl') return checkDdl(source, got.text, absolute);
  if (kind === 'openapi') {
    const found = checkOpenApiText(got.text, absolute);
    if (found.length > 0) return { problems: found };
    const parsed = parseYamlSource(got.text, absolute);
    return { problems: [], openapi: 'source' in parsed ? parsed.source.doc.toJS() : undefined };
  }
  const parsed = parseYamlSource(got.text, absolute);
  return { problems: 'problems' in parsed ? parsed.problems : [] };
}

/** 1-based line and column of the 1-based character `position` of `text`. */
function lineColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position - 1).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** The DDL loaded into an embedded PostgreSQL: its own error located in it, else the mapping's mistakes. */
async function checkDdl(source: YamlSource, text: string, file: string): Promise<NamedFileCheck> {
  const model = await ddlModel(text);
  if (!model.ok) {
    const at = model.position === undefined ? { line: 1, column: 1 } : lineColumn(text, model.position);
    return { problems: [{ file, ...at, ...problems.ddlInvalid(model.message) }] };
  }
  return { problems: checkSqlMapping(source, source.doc.toJS(), model.tables) };
}

async function checkNamedFiles(
  source: YamlSource,
  data: unknown,
  read: ReadSpecFile,
  options: LoadSpecOptions,
): Promise<NamedFileCheck> {
  const checks: Promise<NamedFileCheck>[] = [];
  const seed = child(data, 'seed');
  for (const key of ['users', 'groups']) {
    const value = seed[key];
    if (typeof value === 'string' && value !== '')
      checks.push(checkNamedFile(source, ['seed', key], value, read, 'seed'));
  }
  const document = child(data, 'backend')['document'];
  if (backendKind(data) === 'openapi' && typeof document === 'string' && document !== '') {
    checks.push(checkNamedFile(source, ['backend', 'document'], document, read, 'openapi'));
  }
  const schema = child(data, 'backend')['schema'];
  if (backendKind(data) === 'ldap' && typeof schema === 'string' && schema !== '') {
    checks.push(checkDirectory(source, data, schema, read));
  }
  const ddl = child(data, 'backend')['ddl'];
  if (backendKind(data) === 'sql' && options.db !== undefined) {
    checks.push(
      databaseTables(options.db).then((tables) => ({
        problems: checkSqlMapping(source, data, tables, 'database'),
      })),
    );
  } else if (backendKind(data) === 'sql' && typeof ddl === 'string' && ddl !== '') {
    checks.push(checkNamedFile(source, ['backend', 'ddl'], ddl, read, 'ddl'));
  }
  const done = await Promise.all(checks);
  const found = done.flatMap((c) => c.problems);
  const openapi = done.find((c) => c.openapi !== undefined)?.openapi;
  // Mappings are checked only against a sound document: its own problems come first.
  if (openapi !== undefined) found.push(...checkMappings(source, data, openapi));
  return openapi === undefined ? { problems: found } : { problems: found, openapi };
}

/**
 * The ldap backend against the directory's schema: a file (relative to the spec) or the subschema of
 * the ldap:// URL given. Mappings are checked only once the schema could be read.
 */
async function checkDirectory(
  source: YamlSource,
  data: unknown,
  schema: string,
  read: ReadSpecFile,
): Promise<NamedFileCheck> {
  const path: DataPath = ['backend', 'schema'];
  const where = describePath(path);
  let text: string;
  if (/^ldaps?:\/\//i.test(schema)) {
    try {
      text = await readSubschema(schema);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        problems: [
          source.problem(
            problems.ldap('SPEC_LDAP_SCHEMA', where, `cannot read the subschema of ${schema}: ${reason}`),
            path,
          ),
        ],
      };
    }
  } else {
    const absolute = resolve(source.file, '..', schema);
    const got = await read(absolute);
    if (!('text' in got)) {
      const reason = 'missing' in got ? 'no such file' : got.error;
      return {
        problems: [
          source.problem(
            problems.ldap(
              'SPEC_LDAP_SCHEMA',
              where,
              `cannot read ${absolute}: ${reason}; point it at an OpenLDAP .schema or LDIF file, or an ldap:// URL`,
            ),
            path,
          ),
        ],
      };
    }
    text = got.text;
  }
  const parsed = parseDirectorySchema(text);
  if (parsed.objectClasses.size === 0) {
    return {
      problems: [
        source.problem(
          problems.ldap('SPEC_LDAP_SCHEMA', where, `${schema} holds no object class definitions`),
          path,
        ),
      ],
    };
  }
  return { problems: checkLdap(source, data, parsed) };
}

/**
 * Loads and checks the spec file; never throws for a problem in the spec itself (a `db` that cannot be
 * read throws DatabaseUnavailable).
 */
export async function loadSpec(
  file: string,
  read: ReadSpecFile = readSpecFile,
  options: LoadSpecOptions = {},
): Promise<LoadSpecResult> {
  const absolute = resolve(file);
  const got = await read(absolute);
  if (!('text' in got)) {
    const reason = 'missing' in got ? 'no such file' : got.error;
    return {
      ok: false,
      problems: [{ file: absolute, line: 1, column: 1, ...problems.unreadable('the spec', reason) }],
    };
  }
  return loadSpecText(got.text, absolute, read, options);
}

/** The same from text already read (`file` is used for locations and relative paths). */
export async function loadSpecText(
  text: string,
  file: string,
  read: ReadSpecFile = readSpecFile,
  options: LoadSpecOptions = {},
): Promise<LoadSpecResult> {
  const absolute = resolve(file);
  const parsed = parseYamlSource(text, absolute);
  if ('problems' in parsed) return { ok: false, problems: sortProblems(parsed.problems) };
  const source = parsed.source;
  if (source.doc.contents === null) {
    return { ok: false, problems: [{ file: absolute, line: 1, column: 1, ...problems.empty() }] };
  }
  keepNumbersAsWritten(source, ['scim', 'versions'], 'items');
  keepNumbersAsWritten(source, ['scim', 'basePaths'], 'keys');
  const data: unknown = source.doc.toJS();
  const named = await checkNamedFiles(source, data, read, options);
  const found = [...checkAgainstSchema(source, data), ...checkSemantics(source, data), ...named.problems];
  if (found.length > 0 || !isRecord(data)) return { ok: false, problems: sortProblems(found) };
  return { ok: true, spec: resolveSpec(data, absolute, named.openapi) };
}
