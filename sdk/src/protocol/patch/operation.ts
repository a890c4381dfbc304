// One PATCH operation in canonical form: what the engine applies and a connector's patch methods receive.

/** One PATCH operation as the client sent it, `op` lower-cased. */
export interface PatchOperation {
  op: 'add' | 'remove' | 'replace';
  path?: string;
  value?: unknown;
}
