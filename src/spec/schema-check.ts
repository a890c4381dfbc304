// Checks spec data against spec/connector.schema.json with ajv and words each error for a person, located in the YAML.
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { didYouMean } from './did-you-mean.js';
import { problems, type ProblemText } from './spec-codes.js';
import type { SpecProblem } from './spec-problem.js';
import type { DataPath, YamlSource } from './yaml-source.js';

/** spec/connector.schema.json: two levels up from both src/spec and dist/spec. */
export const SCHEMA_URL = new URL('../../spec/connector.schema.json', import.meta.url);

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({
      allErrors: true,
      verbose: true,
      strict: true,
      strictRequired: false,
      allowUnionTypes: true,
    });
    // Annotations editors read (yaml-language-server shows errorMessage); the loader uses them for wording.
    ajv.addKeyword({ keyword: 'errorMessage', schemaType: 'string' });
    compiled = ajv.compile(JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as object);
  }
  return compiled;
}

/** `server.port`, `capabilities[2]`: how a path reads in a message. */
export function describePath(path: DataPath): string {
  if (path.length === 0) return 'the spec';
  const step = (part: string | number, i: number): string => {
    if (typeof part === 'number') return `[${part}]`;
    if (!/^[A-Za-z_$][\w$-]*$/.test(part)) return `["${part}"]`;
    return i === 0 ? part : `.${part}`;
  };
  return path.map(step).join('');
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'a map',
  array: 'a list',
};

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return JSON.stringify(value);
}

function pathOf(error: ErrorObject): (string | number)[] {
  if (error.instancePath === '') return [];
  return error.instancePath
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function word(
  error: ErrorObject,
  path: DataPath,
): { text: ProblemText; path: DataPath; at: 'key' | 'value' } | undefined {
  const where = describePath(path);
  const schema = error.parentSchema as Record<string, unknown> | undefined;
  const data = error.data;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params['additionalProperty']);
      const allowed = Object.keys((schema?.['properties'] as object | undefined) ?? {});
      return {
        text: problems.unknownKey(key, where, didYouMean(key, allowed), allowed),
        path: [...path, key],
        at: 'key',
      };
    }
    case 'required': {
      const record = (data ?? {}) as Record<string, unknown>;
      const selector =
        typeof record['kind'] === 'string' ? 'kind' : typeof record['type'] === 'string' ? 'type' : undefined;
      const why = selector === undefined ? '' : ` (${selector} ${String(record[selector])})`;
      return {
        text: problems.missingKey(String(error.params['missingProperty']), where, why),
        path,
        at: 'key',
      };
    }
    case 'type': {
      const types = ([] as string[]).concat(error.params['type'] as string | string[]);
      const expected = types.map((t) => TYPE_WORDS[t] ?? t).join(' or ');
      return { text: problems.wrongType(where, expected, describeValue(data)), path, at: 'value' };
    }
    case 'enum': {
      const allowed = (error.schema as unknown[]).map(String);
      const value = String(data);
      const suggestion = didYouMean(value, allowed);
      const isCapability = path.length === 2 && path[0] === 'capabilities';
      return {
        text: isCapability
          ? problems.unknownCapability(where, value, suggestion)
          : problems.badValue(where, value, allowed, suggestion),
        path,
        at: 'value',
      };
    }
    case 'uniqueItems': {
      const index = Math.max(Number(error.params['i']), Number(error.params['j']));
      const item = [...path, index];
      return {
        text: problems.duplicateItem(describePath(item), String((data as unknown[])[index])),
        path: item,
        at: 'value',
      };
    }
    case 'pattern': {
      const custom = schema?.['errorMessage'];
      const rule = typeof custom === 'string' ? custom : `must match ${String(error.schema)}`;
      const shown = schema?.['writeOnly'] === true ? undefined : String(data);
      return { text: problems.badFormat(where, shown, rule), path, at: 'value' };
    }
    case 'minLength':
      return { text: problems.outOfRange(where, 'must not be empty'), path, at: 'value' };
    case 'maxLength':
      return {
        text: problems.outOfRange(where, `must be at most ${String(error.schema)} characters`),
        path,
        at: 'value',
      };
    case 'minItems':
      return {
        text: problems.outOfRange(where, `must list at least ${String(error.schema)}`),
        path,
        at: 'value',
      };
    case 'minimum':
    case 'maximum': {
      const limits = schema as { minimum?: number; maximum?: number };
      return {
        text: problems.outOfRange(
          where,
          `must be from ${String(limits.minimum)} to ${String(limits.maximum)}, not ${String(data)}`,
        ),
        path,
        at: 'value',
      };
    }
    // `if` only picks a branch; the branch's own errors say what is wrong.
    case 'if':
      return undefined;
    default:
      return {
        text: { code: 'SPEC_BAD_VALUE', message: `${where} ${error.message ?? 'is invalid'}` },
        path,
        at: 'value',
      };
  }
}

/** Every schema error in `data`, located in `source`. */
export function checkAgainstSchema(source: YamlSource, data: unknown): SpecProblem[] {
  const validate = validator();
  if (validate(data)) return [];
  const seen = new Set<string>();
  const found: SpecProblem[] = [];
  for (const error of validate.errors ?? []) {
    const worded = word(error, pathOf(error));
    if (!worded) continue;
    const problem = source.problem(worded.text, worded.path, worded.at);
    const key = `${problem.line}:${problem.column}:${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    found.push(problem);
  }
  return found;
}
