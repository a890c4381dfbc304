// Hashes generated method bodies after normalising them, so reformatting or commenting a body is not an edit.
import { createHash } from 'node:crypto';
import { format } from 'prettier';
import { ts, type MethodDeclaration } from 'ts-morph';
import { PRETTIER_OPTIONS } from './format-source.js';
import { parseSource } from './source-file.js';

/** A method of `src/connector.ts` tagged `@generated operation=<name>`, with its body's text. */
export interface TaggedMethod {
  operation: string;
  /** The body between the braces, as written. */
  bodyText: string;
}

const TAG = /^operation=(\S+)/;

/** The operation a method's `@generated operation=<name>` JSDoc tag names, if it has one. */
export function taggedOperation(method: MethodDeclaration): string | undefined {
  for (const doc of method.getJsDocs()) {
    for (const tag of doc.getTags()) {
      if (tag.getTagName() !== 'generated') continue;
      const operation = TAG.exec(tag.getCommentText()?.trim() ?? '')?.[1];
      if (operation !== undefined) return operation;
    }
  }
  return undefined;
}

/** The methods of every class in `sourceText` that carry a `@generated operation=<name>` JSDoc tag. */
export function readTaggedMethods(sourceText: string): TaggedMethod[] {
  const found: TaggedMethod[] = [];
  for (const cls of parseSource(sourceText, 'connector.ts').getClasses()) {
    for (const method of cls.getMethods()) {
      const operation = taggedOperation(method);
      if (operation !== undefined) found.push({ operation, bodyText: method.getBodyText() ?? '' });
    }
  }
  return found;
}

/**
 * The body's tokens after Prettier, one space apart: formatting, comments and blank lines do not count,
 * while any change of code does. A body that does not parse is compared by its tokens as written.
 */
export async function normaliseBody(bodyText: string): Promise<string> {
  const wrapped = `async function body() {\n${bodyText}\n}\n`;
  let formatted: string;
  try {
    formatted = await format(wrapped, { ...PRETTIER_OPTIONS, parser: 'typescript' });
  } catch {
    formatted = wrapped;
  }
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, formatted);
  const tokens: string[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    tokens.push(scanner.getTokenText());
  }
  return tokens.join(' ');
}

/** `sha256:<hex>` of the normalised body. */
export async function hashBody(bodyText: string): Promise<string> {
  return hashText(await normaliseBody(bodyText));
}

/** `sha256:<hex>` of a file's bytes or text. */
export function hashText(contents: string | Uint8Array): string {
  return `sha256:${createHash('sha256').update(contents).digest('hex')}`;
}
