// Pure checks of one response: status, id, password, list paging fields. Each returns the problem or undefined.
import type { Dialect } from 'scim-connector-sdk';
import { isObject } from '../dialect.js';

/** Where in a JSON value a `password` member appears (`$.password`, `$.Resources[0].password`), if anywhere. */
export function passwordPath(value: unknown, path = '$'): string | undefined {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = passwordPath(item, `${path}[${index}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (!isObject(value)) return undefined;
  for (const [key, member] of Object.entries(value)) {
    if (key.toLowerCase() === 'password' || key.toLowerCase().endsWith(':password')) return `${path}.${key}`;
    const found = passwordPath(member, `${path}.${key}`);
    if (found) return found;
  }
  return undefined;
}

export function passwordProblem(body: unknown, what: string): string | undefined {
  const at = passwordPath(body);
  return at ? `${what} returned a password (at ${at}): a password must never be returned` : undefined;
}

/** A create must answer 201 over SCIM 2.0 (RFC 7644 §3.3); the agent accepts any 2xx over 1.1. */
export function createdStatusProblem(status: number, dialect: Dialect, what: string): string | undefined {
  if (status < 200 || status > 299) return `${what} answered ${status}, expected 201`;
  if (dialect === '2.0' && status !== 201) return `${what} answered ${status}; SCIM 2.0 requires 201 Created`;
  return undefined;
}

export function successProblem(status: number, what: string): string | undefined {
  return status >= 200 && status <= 299 ? undefined : `${what} answered ${status}, expected a 2xx`;
}

export function idProblem(body: unknown, what: string): string | undefined {
  if (!isObject(body)) return `${what} returned no JSON resource`;
  const id = body['id'];
  if (typeof id !== 'string' || id === '')
    return `${what} returned a resource without an \`id\` (got ${JSON.stringify(id)})`;
  return undefined;
}

export interface ListPage {
  totalResults: number;
  startIndex?: number;
  itemsPerPage?: number;
  resources: Record<string, unknown>[];
}

/** Reads a list response, or says why it is not one: paging fields must be JSON integers, `Resources` an array. */
export function readListPage(body: unknown, what: string): ListPage | string {
  if (!isObject(body)) return `${what} returned no JSON list response`;
  for (const field of ['totalResults', 'startIndex', 'itemsPerPage']) {
    const value = body[field];
    if (value === undefined && field !== 'totalResults') continue;
    if (!Number.isInteger(value)) {
      return `${what}: \`${field}\` is ${JSON.stringify(value)} (${typeof value}), expected a JSON integer`;
    }
  }
  const resources = body['Resources'];
  const total = body['totalResults'] as number;
  if (resources === undefined && total === 0) return { totalResults: 0, resources: [] };
  if (!Array.isArray(resources)) return `${what}: \`Resources\` is missing or not an array`;
  const listed: unknown[] = resources;
  const bad = listed.findIndex((r) => !isObject(r) || typeof r['id'] !== 'string' || r['id'] === '');
  if (bad >= 0) return `${what}: \`Resources[${bad}]\` is not a resource with an \`id\``;
  const page: ListPage = { totalResults: total, resources: listed.filter(isObject) };
  if (body['startIndex'] !== undefined) page.startIndex = body['startIndex'] as number;
  if (body['itemsPerPage'] !== undefined) page.itemsPerPage = body['itemsPerPage'] as number;
  return page;
}
