// Guarded reads of not-yet-validated spec data, and the defaults that both the checks and the resolver need.
import type { OktaNames, ScimVersion } from './connector-spec.js';

export type Data = Record<string, unknown>;

export function isRecord(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `data[key]` when `data` is a map and the value is one too, else an empty map. */
export function child(data: unknown, key: string): Data {
  const value = isRecord(data) ? data[key] : undefined;
  return isRecord(value) ? value : {};
}

export function stringAt(data: unknown, key: string): string | undefined {
  const value = isRecord(data) ? data[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

const OKTA_URN = /^urn:okta:([A-Za-z0-9_-]+):1\.0:user:([A-Za-z0-9_-]+)$/;

/** Okta's names from `schemas.user.oktaUrn`, else the app name from `name` (`-` as `_`) and schema `custom`. */
export function oktaNames(data: unknown): OktaNames {
  const match = OKTA_URN.exec(stringAt(child(child(data, 'schemas'), 'user'), 'oktaUrn') ?? '');
  if (match) return { appName: match[1]!, userSchemaName: match[2]! };
  return { appName: (stringAt(data, 'name') ?? 'connector').replace(/-/g, '_'), userSchemaName: 'custom' };
}

/** The default 2.0 extension URN, as the SDK's alias table derives it. */
export function defaultExtensionUrn(appName: string, resource: 'User' | 'Group'): string {
  return `urn:ietf:params:scim:schemas:extension:${appName}:2.0:${resource}`;
}

export const DEFAULT_BASE_PATHS: Readonly<Record<ScimVersion, string>> = {
  '2.0': '/scim/v2',
  '1.1': '/scim/v1',
};

/** The served versions as written (default both). */
export function versionsOf(data: unknown): ScimVersion[] {
  const versions = child(data, 'scim')['versions'];
  if (!Array.isArray(versions)) return ['2.0', '1.1'];
  return versions.filter((v): v is ScimVersion => v === '2.0' || v === '1.1');
}

/** The backend kind, from the short form `backend: store` or `backend: { kind: … }`; default none. */
export function backendKind(data: unknown): string {
  const backend = isRecord(data) ? data['backend'] : undefined;
  if (typeof backend === 'string') return backend;
  return stringAt(backend, 'kind') ?? 'none';
}
