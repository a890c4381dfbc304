// A parsed YAML (or JSON) file that keeps positions, so any value or key can be located by its path.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { SpecProblem } from './spec-problem.js';
import { problems, type ProblemText } from './spec-codes.js';

/** A path into the data: map keys and list indexes. */
export type DataPath = readonly (string | number)[];

export interface YamlSource {
  file: string;
  text: string;
  doc: Document;
  /** A problem located at the value of `path` (or with `at: 'key'`, its key). */
  problem(text: ProblemText, path: DataPath, at?: 'key' | 'value'): SpecProblem;
}

/**
 * The node of `path`'s value and the key node that names it (absent for the root and list items);
 * when the path goes further than the YAML, the deepest node on it, with `complete` false.
 */
function findNodes(
  doc: Document,
  path: DataPath,
): { value: Node | undefined; key: Node | undefined; complete: boolean } {
  let value: unknown = doc.contents ?? undefined;
  let key: Node | undefined;
  for (const part of path) {
    if (isMap(value)) {
      const pair = value.items.find((item) => isScalar(item.key) && String(item.key.value) === String(part));
      if (!pair) return { value: value, key, complete: false };
      key = pair.key as Node;
      value = pair.value ?? pair.key;
    } else if (isSeq(value) && typeof part === 'number' && value.items[part] !== undefined) {
      key = undefined;
      value = value.items[part];
    } else {
      return { value: value as Node | undefined, key, complete: false };
    }
  }
  return { value: value as Node | undefined, key, complete: true };
}

/** Parses `text`; on syntax errors returns them located instead of a source. */
export function parseYamlSource(
  text: string,
  file: string,
): { source: YamlSource } | { problems: SpecProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((error) => {
        const pos = error.linePos?.[0] ?? { line: 1, col: 1 };
        const detail = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
        return { file, line: pos.line, column: pos.col, ...problems.yamlSyntax(detail) };
      }),
    };
  }
  const position = (offset: number | undefined) => {
    const pos = lineCounter.linePos(offset ?? 0);
    return { line: pos.line, column: pos.col };
  };
  const source: YamlSource = {
    file,
    text,
    doc,
    problem(problemText, path, at = 'value') {
      const { value, key } = findNodes(doc, path);
      const node = at === 'key' ? (key ?? value) : value;
      return { file, ...position(node?.range?.[0]), ...problemText };
    },
  };
  return { source };
}

/** Replaces number scalars at `path` (a list, or a map's keys) by their source text, so `2.0` stays "2.0". */
export function keepNumbersAsWritten(source: YamlSource, path: DataPath, part: 'items' | 'keys'): void {
  const { value, complete } = findNodes(source.doc, path);
  if (!complete) return;
  const nodes =
    isSeq(value) && part === 'items'
      ? value.items
      : isMap(value) && part === 'keys'
        ? value.items.map((p) => p.key)
        : [];
  for (const node of nodes) {
    if (isScalar(node) && typeof node.value === 'number' && node.range) {
      node.value = source.text.slice(node.range[0], node.range[1]).trim();
    }
  }
}
