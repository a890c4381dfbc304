// Parses TypeScript text with ts-morph in memory: no file system, no lib files, no tsconfig.
import { Project, ts, type SourceFile } from 'ts-morph';

/** `text` parsed as a module; only syntax is needed, so nothing else is loaded. */
export function parseSource(text: string, name = 'source.ts'): SourceFile {
  const project = new Project({
    useInMemoryFileSystem: true,
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    skipLoadingLibFiles: true,
    compilerOptions: { target: ts.ScriptTarget.ES2022 },
  });
  return project.createSourceFile(name, text);
}

/** The first syntax error of `text` as `line:col: message`, or undefined when it parses. */
export function syntaxError(text: string): string | undefined {
  const out = ts.transpileModule(text, {
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  });
  const first = out.diagnostics?.[0];
  if (first === undefined) return undefined;
  const message = ts.flattenDiagnosticMessageText(first.messageText, ' ');
  if (first.file === undefined || first.start === undefined) return message;
  const { line, character } = first.file.getLineAndCharacterOfPosition(first.start);
  return `${line + 1}:${character + 1}: ${message}`;
}
