// Splices replacements into a text by offsets: the merge edits only the spans it owns, so the rest keeps its bytes.

/** Replace `[start, end)` of the original text with `text` (an insertion when start equals end). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** `original` with every edit applied; offsets refer to `original`, and edits must not overlap. */
export function applyEdits(original: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) throw new Error(`overlapping edits at offset ${edit.start}`);
    out += original.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + original.slice(at);
}
