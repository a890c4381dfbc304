// The real core both shells run: the spec loader and the generator.
import { generate } from '../generate/generate.js';
import { loadSpec, loadSpecText } from '../spec/load-spec.js';
import { readSpecFile } from '../spec/read-file.js';
import type { Core } from './run-generate.js';

export const CORE: Core = {
  loadSpec: (file, options) => loadSpec(file, readSpecFile, options),
  loadSpecText,
  generate,
};
