// The Okta app's custom user schema URN: `urn:okta:{appName}:1.0:user:custom` unless given whole.
export const DEFAULT_APP_NAME = 'onprem_app';

export function customUrn(appName: string = DEFAULT_APP_NAME, explicit?: string): string {
  return explicit ?? `urn:okta:${appName}:1.0:user:custom`;
}

/** Replaces the `{customUrn}` placeholder in keys and string values of a sample body. */
export function withCustomUrn<T>(value: T, urn: string, placeholder: string): T {
  if (Array.isArray(value)) return value.map((item: unknown) => withCustomUrn(item, urn, placeholder)) as T;
  if (typeof value === 'string') return (value === placeholder ? urn : value) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, member]) => [
      key === placeholder ? urn : key,
      withCustomUrn(member, urn, placeholder),
    ]),
  ) as T;
}
