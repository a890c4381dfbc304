// What each client speaks on the wire: paths, query encoding, filters, headers, list and error bodies.
import { URN } from 'scim-connector-sdk';
import type { Dialect } from 'scim-connector-sdk';

/** `okta`: Okta's clients (the agent over 1.1, Okta SCIM Client over 2.0); `entra`: Microsoft Entra ID (2.0 only). */
export type Profile = 'okta' | 'entra';

export interface Speaker {
  dialect: Dialect;
  profile: Profile;
}

export function serviceProviderConfigPath(dialect: Dialect): string {
  return dialect === '1.1' ? '/ServiceProviderConfigs' : '/ServiceProviderConfig';
}

/**
 * Encodes one query parameter value the way the client does: the agent (1.1) sends spaces as `+`,
 * the 2.0 clients as `%20`.
 */
export function encodeQueryValue(value: string, dialect: Dialect): string {
  const encoded = encodeURIComponent(value);
  return dialect === '1.1' ? encoded.replace(/%20/g, '+') : encoded;
}

export interface ListParams {
  filter?: string;
  startIndex?: number;
  count?: number;
}

/** `/Users?filter=…&startIndex=1&count=100`, parameters in the order the clients send them. */
export function listPath(resource: 'Users' | 'Groups', params: ListParams, dialect: Dialect): string {
  const query: string[] = [];
  if (params.filter !== undefined) query.push(`filter=${encodeQueryValue(params.filter, dialect)}`);
  if (params.startIndex !== undefined) query.push(`startIndex=${params.startIndex}`);
  if (params.count !== undefined) query.push(`count=${params.count}`);
  return query.length === 0 ? `/${resource}` : `/${resource}?${query.join('&')}`;
}

export function resourcePath(resource: 'Users' | 'Groups', id: string): string {
  return `/${resource}/${encodeURIComponent(id)}`;
}

export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function userNameFilter(userName: string): string {
  return `userName eq ${quote(userName)}`;
}

/** The agent's email lookup: an upper-case OR on the pseudo-attribute `email` (1.1 only). */
export function emailOrFilter(emails: readonly string[]): string {
  return emails.map((email) => `email eq ${quote(email)}`).join(' OR ');
}

/** Headers each client sends; Content-Type only with a body. */
export function clientHeaders(speaker: Speaker, withBody: boolean): Record<string, string> {
  const [contentType, userAgent] =
    speaker.dialect === '1.1'
      ? ['application/json', 'Okta Provisioning Agent (scim-connector-tester)']
      : speaker.profile === 'entra'
        ? ['application/scim+json', 'Microsoft.Identity.Sync (scim-connector-tester)']
        : ['application/scim+json; charset=utf-8', 'Okta SCIM Client 1.0.0 (scim-connector-tester)'];
  // The agent (1.1) predates application/scim+json and asks for plain JSON.
  const accept = speaker.dialect === '1.1' ? 'application/json' : 'application/scim+json, application/json';
  const headers: Record<string, string> = { Accept: accept, 'User-Agent': userAgent };
  if (withBody) headers['Content-Type'] = contentType;
  return headers;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Why a body is not the dialect's SCIM error body, or undefined when it is one. */
export function errorBodyProblem(body: unknown, status: number, dialect: Dialect): string | undefined {
  if (!isObject(body)) return 'the error body is not a JSON object';
  const schemas = Array.isArray(body['schemas']) ? (body['schemas'] as unknown[]) : [];
  if (dialect === '2.0') {
    if (!schemas.includes(URN.error)) return `the error body's schemas lack ${URN.error}`;
    if (body['status'] !== String(status)) {
      return `the error body's status is ${JSON.stringify(body['status'])}, expected the string "${status}"`;
    }
    return undefined;
  }
  // The agent reads `errors`; Okta's cloud checks of 1.1 servers read `detail`: either is a SCIM 1.1 error.
  const errors = body['errors'];
  if (Array.isArray(errors) && errors.length > 0) return undefined;
  if (typeof body['detail'] === 'string' && (schemas.includes(URN.core11) || schemas.includes(URN.error)))
    return undefined;
  return 'the error body has neither an `errors` array (SCIM 1.1) nor a SCIM error `detail`';
}
