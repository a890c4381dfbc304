// Structural checks of the app's OpenAPI 3.0/3.1 document, each problem located in that document.
import { problems } from './spec-codes.js';
import type { SpecProblem } from './spec-problem.js';
import { didYouMean } from './did-you-mean.js';
import { isRecord, type Data } from './spec-data.js';
import { parseYamlSource, type DataPath, type YamlSource } from './yaml-source.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const PATH_ITEM_KEYS = [...METHODS, 'parameters', 'summary', 'description', 'servers', '$ref'];

function at(
  source: YamlSource,
  path: DataPath,
  detail: string,
  part: 'key' | 'value' = 'value',
): SpecProblem {
  return source.problem(problems.openapi(detail), path, part);
}

/** `#/components/schemas/User` resolved in `root`, or the path it got to and the keys there. */
function resolvePointer(
  root: unknown,
  pointer: string,
): { ok: true } | { ok: false; keys: string[]; missing: string } {
  let node = root;
  for (const raw of pointer.slice(2).split('/')) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (isRecord(node) && part in node) node = node[part];
    else if (Array.isArray(node) && /^\d+$/.test(part) && Number(part) < node.length)
      node = node[Number(part)];
    else return { ok: false, keys: isRecord(node) ? Object.keys(node) : [], missing: part };
  }
  return { ok: true };
}

function checkRefs(
  source: YamlSource,
  root: unknown,
  node: unknown,
  path: (string | number)[],
  found: SpecProblem[],
): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => checkRefs(source, root, item, [...path, i], found));
    return;
  }
  if (!isRecord(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/')) {
      const resolved = resolvePointer(root, value);
      if (!resolved.ok) {
        const near = didYouMean(resolved.missing, resolved.keys);
        const hint = near === undefined ? '' : `; did you mean "${near}"?`;
        found.push(
          at(
            source,
            [...path, key],
            `$ref "${value}" points at nothing ("${resolved.missing}" is not there)${hint}`,
          ),
        );
      }
    } else {
      checkRefs(source, root, value, [...path, key], found);
    }
  }
}

function checkPaths(source: YamlSource, paths: Data, v30: boolean, found: SpecProblem[]): void {
  for (const [route, item] of Object.entries(paths)) {
    if (!route.startsWith('/')) {
      found.push(at(source, ['paths', route], `path "${route}" must start with "/"`, 'key'));
    }
    if (!isRecord(item)) {
      found.push(at(source, ['paths', route], `path "${route}" must map HTTP methods to operations`));
      continue;
    }
    for (const [key, operation] of Object.entries(item)) {
      if (key.startsWith('x-')) continue;
      if (!PATH_ITEM_KEYS.includes(key)) {
        const near = didYouMean(key, METHODS);
        const hint =
          near === undefined ? `; expected one of ${PATH_ITEM_KEYS.join(', ')}` : `; did you mean "${near}"?`;
        found.push(
          at(source, ['paths', route, key], `unknown key "${key}" in path "${route}"${hint}`, 'key'),
        );
      } else if (METHODS.includes(key)) {
        if (!isRecord(operation)) {
          found.push(at(source, ['paths', route, key], `${key} ${route} must be an operation (a map)`));
        } else if (v30 && !isRecord(operation['responses'])) {
          found.push(
            at(
              source,
              ['paths', route, key],
              `${key} ${route} needs "responses" (required in OpenAPI 3.0)`,
              'key',
            ),
          );
        }
      }
    }
  }
}

/** Every structural problem of an OpenAPI document's text (YAML or JSON). */
export function checkOpenApiText(text: string, file: string): SpecProblem[] {
  const parsed = parseYamlSource(text, file);
  if ('problems' in parsed) return parsed.problems;
  const source = parsed.source;
  const openapiNode = source.doc.get('openapi', true);
  if (openapiNode && typeof (openapiNode as { value?: unknown }).value === 'number') {
    const range = (openapiNode as { range?: [number, number] }).range;
    if (range) (openapiNode as { value: unknown }).value = text.slice(range[0], range[1]).trim();
  }
  const root: unknown = source.doc.toJS();
  const found: SpecProblem[] = [];
  if (!isRecord(root)) {
    return [
      at(source, [], 'the document is not an OpenAPI document: expected a map with openapi, info and paths'),
    ];
  }
  const version = root['openapi'];
  if (version === undefined) {
    const swagger = root['swagger'] !== undefined;
    const detail = swagger
      ? 'this is a Swagger 2.0 document: convert it to OpenAPI 3 (e.g. with swagger2openapi) and point backend.document at the result'
      : 'the document has no "openapi" version: add openapi: 3.0.3 (or 3.1.0) at the top';
    found.push(at(source, swagger ? ['swagger'] : [], detail, 'key'));
  } else if (typeof version !== 'string' || !/^3\.[01]\.\d+$/.test(version)) {
    found.push(
      at(
        source,
        ['openapi'],
        `openapi is ${JSON.stringify(version)}: only OpenAPI 3.0.x and 3.1.x documents are supported`,
      ),
    );
  }
  const info = root['info'];
  if (!isRecord(info)) {
    found.push(
      at(
        source,
        info === undefined ? [] : ['info'],
        'the document needs "info" with title and version',
        info === undefined ? 'value' : 'key',
      ),
    );
  } else {
    for (const key of ['title', 'version']) {
      if (typeof info[key] !== 'string')
        found.push(at(source, ['info'], `info needs a string "${key}"`, 'key'));
    }
  }
  const paths = root['paths'];
  if (!isRecord(paths)) {
    found.push(
      at(
        source,
        paths === undefined ? [] : ['paths'],
        'the document needs "paths": the app API the connector calls',
        paths === undefined ? 'value' : 'key',
      ),
    );
  } else {
    checkPaths(source, paths, typeof version === 'string' && version.startsWith('3.0'), found);
  }
  checkRefs(source, root, root, [], found);
  return found;
}
