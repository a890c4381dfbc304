// The generator's own package.json: its version goes into the manifest, its dev tool ranges into emitted projects.
import { readFileSync } from 'node:fs';

interface GeneratorPackage {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

/** Read once: the same generator always writes the same versions. */
export const GENERATOR_PACKAGE: GeneratorPackage = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as GeneratorPackage;

/** The generator's range for a package it also gives emitted projects (a dev tool, or PGlite which it runs itself). */
export function toolRange(name: string): string {
  const range = GENERATOR_PACKAGE.devDependencies[name] ?? GENERATOR_PACKAGE.dependencies[name];
  if (range === undefined) throw new Error(`generator package.json has no dependency ${name}`);
  return range;
}
