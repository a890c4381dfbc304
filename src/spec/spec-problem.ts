// A problem found in connector.yaml (or a file it names), located by file, line and column.

/** One problem; `code` is a stable identifier from the generator's error catalogue. */
export interface SpecProblem {
  code: string;
  /** Absolute path of the file the problem is in (the spec, or the OpenAPI document it names). */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** What is wrong and what to do, in words a person can act on. */
  message: string;
}

/** `file:line:col: message`, the form editors and terminals turn into links. */
export function formatProblem(problem: SpecProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}
