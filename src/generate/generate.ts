// The generator's core: a resolved spec in, every file of the project out, formatted, hashed and sorted; no writes.
import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import type { ConnectorSpec } from '../spec/connector-spec.js';
import { fakeAppResources, openApiCode, type OpenApiCode } from './openapi-connector.js';
import { formatSource } from './format-source.js';
import type { Generate, GeneratedFile, GenerateOptions, GenerateResult } from './generate-contract.js';
import { GENERATOR_PACKAGE } from './generator-version.js';
import { buildManifest, manifestFile } from './manifest.js';
import { planConnector } from './plan-connector.js';
import { packageJson } from './project-json.js';
import { renderProject } from './render-project.js';
import { placeSpecFiles } from './spec-files.js';

/** The openapi backend's mapped code and fake-app routes, from the spec and its (already checked) OpenAPI document. */
async function mappedCode(
  spec: ConnectorSpec,
): Promise<{ code: OpenApiCode; fake: Record<string, unknown> } | undefined> {
  if (spec.backend.kind !== 'openapi') return undefined;
  const root: unknown = parseDocument(await readFile(spec.backend.document, 'utf8')).toJS();
  const code = openApiCode(spec, root);
  return code === undefined ? undefined : { code, fake: fakeAppResources(spec, root) };
}

const byPath = (a: GeneratedFile, b: GeneratedFile): number =>
  a.path < b.path ? -1 : a.path > b.path ? 1 : 0;

export const generate: Generate = async (
  spec: ConnectorSpec,
  options: GenerateOptions,
): Promise<GenerateResult> => {
  const placed = await placeSpecFiles(spec, options.specText, options.projectDir);
  const mapped = await mappedCode(spec);
  const model = planConnector(spec, GENERATOR_PACKAGE.version, placed.paths, mapped?.code);
  if (mapped !== undefined) model.fakeResources = mapped.fake;
  const rendered = await renderProject(model);
  rendered.push({
    path: 'package.json',
    zone: 'merged',
    text: JSON.stringify(packageJson(model, options.packages)),
  });
  const files: GeneratedFile[] = [
    { path: 'connector.yaml', contents: placed.specText, zone: 'scaffolding' },
    ...placed.copies,
  ];
  for (const file of rendered) {
    files.push({ path: file.path, contents: await formatSource(file.path, file.text), zone: file.zone });
  }
  if (options.packages.kind === 'vendor') {
    for (const tarball of options.packages.tarballs ?? []) {
      files.push({ path: tarball.path, contents: tarball.contents, zone: 'generated' });
    }
  }
  files.sort(byPath);
  const manifest = await buildManifest(
    { name: GENERATOR_PACKAGE.name, version: GENERATOR_PACKAGE.version },
    files,
  );
  files.push(await manifestFile(manifest));
  files.sort(byPath);
  return { files, report: { methods: [...model.methodNames], stubs: [...model.stubs] } };
};
