// Where the generator package lives (the repository root when run from a clone): beside it sit sdk/ and tester/.
import { fileURLToPath } from 'node:url';

/** The root package's folder, from this module's place (`src/vendor/` or `dist/vendor/`). */
export const GENERATOR_ROOT = fileURLToPath(new URL('../../', import.meta.url)).replace(/[\\/]$/, '');
