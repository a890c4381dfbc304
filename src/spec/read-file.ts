// The loader's only contact with the disk: reading a file the spec names, a missing one told apart from other failures.
import { readFile } from 'node:fs/promises';

export type FileRead = { text: string } | { missing: true } | { error: string };

/** Reads a file the spec names; tests pass their own to keep the loader off the disk. */
export type ReadSpecFile = (absolutePath: string) => Promise<FileRead>;

export const readSpecFile: ReadSpecFile = async (absolutePath) => {
  try {
    return { text: await readFile(absolutePath, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { missing: true };
    return { error: code === 'EISDIR' ? 'it is a folder, not a file' : (error as Error).message };
  }
};
