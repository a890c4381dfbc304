// Names the generated code used to define and no longer does (a renamed custom attribute or mapping), and the edited bodies still using them.
import { ts } from 'ts-morph';

/** Identifiers and identifier-like string literals of `text` (comments do not count). */
export function namesIn(text: string): Set<string> {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  const names = new Set<string>();
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.Identifier) names.add(scanner.getTokenText());
    else if (kind === ts.SyntaxKind.StringLiteral && /^[A-Za-z_$][\w$]*$/.test(scanner.getTokenValue()))
      names.add(scanner.getTokenValue());
  }
  return names;
}

/** The names `before` (the generated sources as they were) held and `after` (as they are now) does not. */
export function vanishedNames(before: readonly string[], after: readonly string[]): Set<string> {
  const now = new Set(after.flatMap((text) => [...namesIn(text)]));
  return new Set(before.flatMap((text) => [...namesIn(text)]).filter((name) => !now.has(name)));
}
