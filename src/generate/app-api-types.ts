// The app API's TypeScript types (openapi backend), from its OpenAPI document through openapi-typescript.
import { pathToFileURL } from 'node:url';

/**
 * Types of the document at `file` (absolute), as source text after `preamble`. openapi-typescript
 * is loaded here, not at the top: it brings the TypeScript compiler and a document bundler (about
 * two seconds of start-up), which only an openapi backend needs.
 */
export async function appApiTypes(file: string, preamble: string): Promise<string> {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const nodes = await openapiTS(pathToFileURL(file), { silent: true });
  return `${preamble}\n${astToString(nodes)}`;
}
