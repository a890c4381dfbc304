// The imports a merged connector.ts needs: the rendered file's names added, vanished generated names dropped.
import { format } from 'prettier';
import type { ImportDeclaration, SourceFile } from 'ts-morph';
import { PRETTIER_OPTIONS } from '../generate/format-source.js';
import type { TextEdit } from './text-edit.js';

interface Named {
  name: string;
  /** The specifier as written, e.g. `type A` or `a as b`. */
  text: string;
  typeOnly: boolean;
}

function namedOf(declaration: ImportDeclaration): Named[] {
  const whole = declaration.isTypeOnly();
  return declaration.getNamedImports().map((s) => ({
    name: s.getName(),
    text: s.getText(),
    typeOnly: whole || s.isTypeOnly(),
  }));
}

/** Identifiers used in `file` outside its import declarations. */
function usedNames(file: SourceFile): Set<string> {
  const text = file.getFullText();
  let rest = '';
  let at = 0;
  for (const declaration of file.getImportDeclarations()) {
    rest += text.slice(at, declaration.getStart());
    at = declaration.getEnd();
  }
  rest += text.slice(at);
  return new Set(rest.match(/[A-Za-z_$][\w$]*/g) ?? []);
}

async function statement(declaration: ImportDeclaration, names: Named[]): Promise<string> {
  const typeOnly = names.every((n) => n.typeOnly);
  const list = names.map((n) =>
    typeOnly
      ? n.text.replace(/^type\s+/, '')
      : n.typeOnly && !/^type\s/.test(n.text)
        ? `type ${n.text}`
        : n.text,
  );
  const module = declaration.getModuleSpecifier().getText();
  const text = `import ${typeOnly ? 'type ' : ''}{ ${list.join(', ')} } from ${module};`;
  return (await format(text, { ...PRETTIER_OPTIONS, parser: 'typescript' })).trimEnd();
}

/**
 * Edits that give `mine` every named import `theirs` has (added to the import from the same module,
 * or as a new import after the last one) and drop names imported from `./generated/` modules that
 * the rendered file no longer imports and nothing in `mine` uses (they no longer exist there).
 * Default and namespace imports, and the user's other imports, are left alone.
 */
export async function mergeImports(mine: SourceFile, theirs: SourceFile): Promise<TextEdit[]> {
  const edits: TextEdit[] = [];
  const used = usedNames(mine);
  const wanted = new Map<string, { declaration: ImportDeclaration; names: Named[] }>();
  for (const declaration of theirs.getImportDeclarations()) {
    const module = declaration.getModuleSpecifierValue();
    const entry = wanted.get(module) ?? { declaration, names: [] };
    entry.names.push(...namedOf(declaration));
    wanted.set(module, entry);
  }
  const present = new Set<string>();
  for (const declaration of mine.getImportDeclarations()) {
    const module = declaration.getModuleSpecifierValue();
    const names = namedOf(declaration);
    const want = present.has(module) ? [] : (wanted.get(module)?.names ?? []);
    present.add(module);
    const missing = want.filter((w) => !names.some((n) => n.name === w.name));
    const kept = module.startsWith('./generated/')
      ? names.filter((n) => want.some((w) => w.name === n.name) || used.has(n.name))
      : names;
    if (missing.length === 0 && kept.length === names.length) continue;
    const all = [...kept, ...missing];
    if (
      all.length === 0 &&
      declaration.getDefaultImport() === undefined &&
      declaration.getNamespaceImport() === undefined
    ) {
      const text = mine.getFullText();
      const end = text[declaration.getEnd()] === '\n' ? declaration.getEnd() + 1 : declaration.getEnd();
      edits.push({ start: declaration.getStart(), end, text: '' });
      continue;
    }
    if (declaration.getDefaultImport() !== undefined || declaration.getNamespaceImport() !== undefined)
      continue;
    edits.push({
      start: declaration.getStart(),
      end: declaration.getEnd(),
      text: await statement(declaration, all),
    });
  }
  const fresh = [...wanted.entries()].filter(([module]) => !present.has(module));
  if (fresh.length > 0) {
    const last = mine.getImportDeclarations().at(-1);
    const texts: string[] = [];
    for (const [, { declaration, names }] of fresh) texts.push(await statement(declaration, names));
    if (last !== undefined) {
      // After the line the last import ends on, so a comment trailing it stays with it.
      const text = mine.getFullText();
      const lineEnd = text.indexOf('\n', last.getEnd());
      const at = lineEnd === -1 ? text.length : lineEnd;
      edits.push({ start: at, end: at, text: texts.map((t) => `\n${t}`).join('') });
    } else edits.push({ start: 0, end: 0, text: `${texts.join('\n')}\n` });
  }
  return edits;
}
