// Merges a freshly rendered src/connector.ts into the user's copy, method by method, keeping every edit.
import { format } from 'prettier';
import type { ClassDeclaration, Node, MethodDeclaration, SourceFile } from 'ts-morph';
import { hashBody, taggedOperation } from '../generate/body-hash.js';
import { PRETTIER_OPTIONS } from '../generate/format-source.js';
import { parseSource, syntaxError } from '../generate/source-file.js';
import { mergeImports } from './merge-imports.js';
import { applyEdits, type TextEdit } from './text-edit.js';

/** The mark a method the spec no longer needs carries (it stays in the class, unserved). */
export const DEPRECATED_MARK = '@deprecated no longer needed by connector.yaml';

/** What the merge did to one tagged method. */
export interface MethodEntry {
  kind: 'added' | 'refreshed' | 'kept' | 'deprecated' | 'restored';
  operation: string;
  /** For `kept`: the signature was refreshed because the contract changed. */
  signatureRefreshed?: boolean;
}

export interface ConnectorMerge {
  text: string;
  entries: MethodEntry[];
  /** Operations kept in the class but no longer generated (marked deprecated, now or before). */
  deprecated: string[];
  /** Operations whose bodies the user edited and the merge kept. */
  edited: string[];
}

/** The user's connector.ts cannot be merged (it does not parse, or has no connector class). */
export class MergeError extends Error {}

function connectorClass(file: SourceFile, what: string): ClassDeclaration {
  const classes = file.getClasses();
  const found =
    classes.find((c) => c.getMethods().some((m) => taggedOperation(m) !== undefined)) ??
    classes.find((c) => c.getName() === 'Connector');
  if (found === undefined) throw new MergeError(`${what} has no class Connector to merge into`);
  return found;
}

function tagged(cls: ClassDeclaration): Map<string, MethodDeclaration> {
  const methods = new Map<string, MethodDeclaration>();
  for (const method of cls.getMethods()) {
    const operation = taggedOperation(method);
    if (operation !== undefined && !methods.has(operation)) methods.set(operation, method);
  }
  return methods;
}

const squeeze = (text: string | undefined): string => (text ?? '').replace(/\s+/g, '');
const bare = (name: string): string => name.replace(/^_+/, '');

/** From after the method's name to its body's brace: `(params): Returns `. */
function signatureRange(method: MethodDeclaration): { start: number; end: number } {
  return { start: method.getNameNode().getEnd(), end: method.getBodyOrThrow().getStart() };
}

function contractOf(method: MethodDeclaration): string {
  const params = method
    .getParameters()
    .map((p) => `${p.hasQuestionToken()}${squeeze(p.getTypeNode()?.getText())}`);
  return `${params.join(',')}=>${squeeze(method.getReturnTypeNode()?.getText())}`;
}

/**
 * The new contract with the user's parameter names where they name the same parameter (a user who
 * used `_user` renames it `user`), so refreshing the types never breaks the body they wrote.
 */
async function refreshedSignature(mine: MethodDeclaration, theirs: MethodDeclaration): Promise<string> {
  const names = mine.getParameters().map((p) => p.getName());
  const params = theirs.getParameters().map((p, i) => {
    const own = names[i];
    const name = own !== undefined && bare(own) === bare(p.getName()) ? own : p.getName();
    return `${name}${p.hasQuestionToken() ? '?' : ''}: ${p.getTypeNodeOrThrow().getText()}`;
  });
  const returns = theirs.getReturnTypeNode();
  const stub = `class C {\n  async m(${params.join(', ')})${returns === undefined ? '' : `: ${returns.getText()}`} {}\n}\n`;
  const formatted = await format(stub, { ...PRETTIER_OPTIONS, parser: 'typescript' });
  return formatted.slice(formatted.indexOf('async m') + 'async m'.length, formatted.lastIndexOf('{}'));
}

function generatedDoc(method: MethodDeclaration) {
  return method.getJsDocs().find((doc) => doc.getText().includes('@generated'));
}

/** Adds the deprecation mark on its own line after the `@generated` tag. */
function markEdit(method: MethodDeclaration): TextEdit | undefined {
  const doc = generatedDoc(method);
  if (doc === undefined || doc.getText().includes(DEPRECATED_MARK)) return undefined;
  const text = doc.getText();
  const tagAt = text.indexOf('@generated');
  const lineEnd = text.indexOf('\n', tagAt);
  if (lineEnd === -1) {
    const at = doc.getStart() + text.lastIndexOf('*/');
    return { start: at, end: at, text: `${DEPRECATED_MARK} ` };
  }
  const prefix = text.slice(text.lastIndexOf('\n', tagAt), tagAt);
  const at = doc.getStart() + lineEnd;
  return { start: at, end: at, text: `${prefix}${DEPRECATED_MARK}` };
}

/** Removes the deprecation mark (and its line when it has one to itself). */
function unmarkEdit(method: MethodDeclaration): TextEdit | undefined {
  const doc = generatedDoc(method);
  const text = doc?.getText() ?? '';
  const at = text.indexOf(DEPRECATED_MARK);
  if (doc === undefined || at === -1) return undefined;
  const lineStart = text.lastIndexOf('\n', at);
  const ownLine = lineStart !== -1 && /^\s*\*\s*$/.test(text.slice(lineStart + 1, at));
  const start = doc.getStart() + (ownLine ? lineStart : at);
  const end =
    doc.getStart() +
    at +
    DEPRECATED_MARK.length +
    (ownLine ? 0 : /^ /.test(text.slice(at + DEPRECATED_MARK.length)) ? 1 : 0);
  return { start, end, text: '' };
}

/** The indentation of the line `node` starts on. */
function indentOf(node: Node): string {
  const text = node.getSourceFile().getFullText();
  const lineStart = text.lastIndexOf('\n', node.getStart()) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

/** The text of a rendered member, JSDoc included, re-indented from the rendered file's indent to `indent`. */
function memberText(member: Node, indent: string): string {
  const from = indentOf(member);
  return member
    .getText(true)
    .split('\n')
    .map((line, i) => (i === 0 ? line : line.startsWith(from) ? indent + line.slice(from.length) : line))
    .join('\n');
}

/** Where new members go: after `anchor`, or (without one) at the end of the class. */
function insertion(cls: ClassDeclaration, anchor: Node | undefined, texts: string[]): TextEdit {
  const members = cls.getMembers();
  const last = anchor ?? members.at(-1);
  if (last !== undefined) {
    const indent = indentOf(last);
    const at = last.getEnd();
    return { start: at, end: at, text: texts.map((t) => `\n\n${indent}${t}`).join('') };
  }
  const at = cls.getEnd() - 1;
  return { start: at, end: at, text: `${texts.map((t) => `  ${t}\n`).join('\n')}` };
}

/**
 * Merges `rendered` (this generation's connector.ts) into `current` (the user's), by the methods'
 * `@generated operation=<name>` tags and `written` (operation → hash of the body the generator
 * last wrote, from the manifest). New methods are added after their predecessor; an unedited body is
 * replaced (with its signature); an edited body is kept and only its signature follows a changed
 * contract; a tagged method the spec no longer needs is kept and marked deprecated (the mark goes
 * when it is needed again). Imports the new code needs are added; everything else is left as it was.
 */
export async function mergeConnector(
  current: string,
  rendered: string,
  written: Readonly<Record<string, string>>,
): Promise<ConnectorMerge> {
  const broken = syntaxError(current);
  if (broken !== undefined)
    throw new MergeError(`src/connector.ts does not parse (${broken}): fix it and generate again`);
  const mineFile = parseSource(current, 'connector.ts');
  const theirsFile = parseSource(rendered, 'rendered.ts');
  const mineClass = connectorClass(mineFile, 'src/connector.ts');
  const theirsClass = connectorClass(theirsFile, 'the rendered connector');
  const mine = tagged(mineClass);
  const theirs = tagged(theirsClass);
  const edits: TextEdit[] = [];
  const entries: MethodEntry[] = [];
  const edited: string[] = [];

  const additions = new Map<Node | undefined, string[]>();
  let anchor: Node | undefined = undefined;
  const missingProperties = theirsClass
    .getProperties()
    .filter((p) => mineClass.getMember(p.getName()) === undefined);
  if (missingProperties.length > 0) {
    const lastProperty = mineClass.getProperties().at(-1);
    const indent = lastProperty === undefined ? '  ' : indentOf(lastProperty);
    const texts = missingProperties.map((p) => memberText(p, indent));
    if (lastProperty !== undefined) edits.push(insertion(mineClass, lastProperty, texts));
    else {
      const at = mineClass.getMembers()[0]?.getStart(true) ?? mineClass.getEnd() - 1;
      edits.push({ start: at, end: at, text: texts.map((t) => `${t}\n${indent}`).join('') });
    }
  }
  const memberIndent = indentOf(mineClass.getMembers()[0] ?? mineClass) || '  ';
  for (const [operation, fresh] of theirs) {
    const own = mine.get(operation);
    if (own === undefined) {
      const list = additions.get(anchor) ?? [];
      list.push(memberText(fresh, memberIndent));
      additions.set(anchor, list);
      entries.push({ kind: 'added', operation });
      continue;
    }
    anchor = own;
    const unmark = unmarkEdit(own);
    if (unmark !== undefined) {
      edits.push(unmark);
      entries.push({ kind: 'restored', operation });
    }
    const body = own.getBodyOrThrow();
    const previous = written[operation];
    const untouched = previous !== undefined && (await hashBody(own.getBodyText() ?? '')) === previous;
    if (untouched) {
      const freshBody = fresh.getBodyOrThrow().getText();
      const signature = signatureRange(own);
      const freshSignature = signatureRange(fresh);
      const freshSignatureText = rendered.slice(freshSignature.start, freshSignature.end);
      if (
        body.getText() !== freshBody ||
        current.slice(signature.start, signature.end) !== freshSignatureText
      ) {
        edits.push({ start: body.getStart(), end: body.getEnd(), text: freshBody });
        edits.push({ ...signature, text: freshSignatureText });
        entries.push({ kind: 'refreshed', operation });
      }
      continue;
    }
    edited.push(operation);
    const changed = contractOf(own) !== contractOf(fresh);
    if (changed) edits.push({ ...signatureRange(own), text: await refreshedSignature(own, fresh) });
    entries.push({ kind: 'kept', operation, ...(changed ? { signatureRefreshed: true } : {}) });
  }
  for (const [anchorNode, texts] of additions) edits.push(insertion(mineClass, anchorNode, texts));

  const deprecated: string[] = [];
  for (const [operation, own] of mine) {
    if (theirs.has(operation)) continue;
    deprecated.push(operation);
    const mark = markEdit(own);
    if (mark !== undefined) {
      edits.push(mark);
      entries.push({ kind: 'deprecated', operation });
    }
  }
  // Imports last, over the merged class: which generated names are still used depends on the new bodies.
  const body = applyEdits(current, edits);
  const text = applyEdits(body, await mergeImports(parseSource(body, 'merged.ts'), theirsFile));
  const after = syntaxError(text);
  if (after !== undefined)
    throw new MergeError(`merging src/connector.ts produced code that does not parse (${after})`);
  return { text, entries, deprecated, edited };
}
