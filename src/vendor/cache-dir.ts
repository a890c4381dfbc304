// Where the generator keeps what it can compute again: node_modules/.cache/<name> of its own package.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `node_modules/.cache/<name>` under `root`, when `root` has a node_modules (a checkout or an
 * installed generator does); undefined otherwise, and then nothing is cached.
 */
export function cacheDir(root: string, name: string): string | undefined {
  const modules = join(root, 'node_modules');
  return existsSync(modules) ? join(modules, '.cache', name) : undefined;
}
