// The TypeScript of one call to the app through the typed client: its path parameters, query and name.
import type { OperationSpec } from '../spec/connector-spec.js';
import { pathParameters } from '../spec/openapi-model.js';

const literal = (value: unknown): string => JSON.stringify(value);

/**
 * The `params` argument of a call: path parameters from `ids` (in order) and from the config
 * (`this.config.app.<name>`), and a query.
 */
export function params(
  op: OperationSpec,
  ids: string[],
  parameters: readonly string[],
  query?: string,
): string {
  const fromIds = [...ids];
  const path = pathParameters(op.path).map((name) =>
    parameters.includes(name) ? `${name}: this.config.app.${name}` : `${name}: ${fromIds.shift() ?? "''"}`,
  );
  const parts: string[] = [];
  if (path.length > 0) parts.push(`path: { ${path.join(', ')} }`);
  if (query !== undefined) parts.push(`query: ${query}`);
  return parts.length === 0 ? '' : `params: { ${parts.join(', ')} }`;
}

/** `this.app.GET('/x/{id}', { … })`. */
export function call(op: OperationSpec, args: string[]): string {
  const options = args.filter((a) => a !== '');
  return `this.app.${op.method.toUpperCase()}(${literal(op.path)}${options.length === 0 ? '' : `, { ${options.join(', ')} }`})`;
}

/** `GET /x/{id}`: how a call is named in comments and errors. */
export function callName(op: OperationSpec): string {
  return `${op.method.toUpperCase()} ${op.path}`;
}
