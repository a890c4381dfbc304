// An in-memory disk for loader tests: spec text plus the files it names, under a fixed fictional folder.
import { resolve } from 'node:path';
import type { ReadSpecFile } from '../../src/spec/index.js';

export const DIR = '/specs';
export const SPEC = `${DIR}/connector.yaml`;

/** A reader over `files` (paths relative to DIR); anything else is missing. */
export function memoryReader(files: Readonly<Record<string, string>>): ReadSpecFile {
  return async (path) => {
    for (const [name, text] of Object.entries(files)) {
      if (resolve(DIR, name) === path) return { text };
    }
    return { missing: true };
  };
}

/** The smallest valid OpenAPI 3.0 document. */
export const TINY_OPENAPI = `openapi: 3.0.3
info: { title: Tiny, version: '1' }
paths:
  /users:
    get:
      responses:
        '200': { description: ok }
`;

/** A valid openapi-backend spec head, to which tests append. */
export const OPENAPI_SPEC = `name: tiny
capabilities: [PUSH_NEW_USERS]
backend:
  kind: openapi
  document: openapi.yaml
  baseUrl: https://tiny.example
`;
