// The app API's TypeScript types (openapi backend), from its OpenAPI document through openapi-typescript.
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

/** Types of the document at `file` (absolute), as source text after `preamble`. */
export async function appApiTypes(file: string, preamble: string): Promise<string> {
  const nodes = await openapiTS(pathToFileURL(file), { silent: true });
  return `${preamble}\n${astToString(nodes)}`;
}
