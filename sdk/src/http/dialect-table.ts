// The dialects this SDK can serve. A new dialect is one more entry here.
import type { Dialect } from '../protocol/dialect.js';
import type { DialectDefinition } from './dialect.js';
import { DIALECT_11 } from './dialects/scim11/dialect.js';
import { DIALECT_20 } from './dialects/scim20/dialect.js';

/** Every available dialect, in mounting order. */
export const DIALECTS: readonly DialectDefinition[] = [DIALECT_20, DIALECT_11];

/** Available dialect → default base path, for option checking. */
export function availableDialects(): ReadonlyMap<Dialect, string> {
  return new Map(DIALECTS.map((d) => [d.version, d.defaultBasePath]));
}

export function dialectDefinition(version: Dialect): DialectDefinition {
  const found = DIALECTS.find((d) => d.version === version);
  if (found === undefined) throw new Error(`scim-connector-sdk: dialect '${version}' is not available`);
  return found;
}
