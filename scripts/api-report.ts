// The SDK's public surface as text: every exported name of every package entry with its type signature.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SDK = join(ROOT, 'sdk');

/** One package entry: its subpath (`.` for the root), its source file and the report file. */
export interface ApiEntry {
  subpath: string;
  source: string;
  report: string;
}

/** The entries of sdk/package.json's `exports`, each with the report that describes it. */
export function apiEntries(): ApiEntry[] {
  const pkg = JSON.parse(readFileSync(join(SDK, 'package.json'), 'utf8')) as {
    name: string;
    exports: Record<string, string | Record<string, string>>;
  };
  return Object.entries(pkg.exports)
    .filter((entry): entry is [string, Record<string, string>] => typeof entry[1] === 'object')
    .map(([subpath, conditions]) => {
      const source = conditions['scim-connector-source'];
      if (source === undefined) throw new Error(`sdk exports['${subpath}'] has no scim-connector-source`);
      const name = subpath === '.' ? 'index' : subpath.slice(2).replaceAll('/', '-');
      return { subpath, source: join(SDK, source), report: join(SDK, 'api', `${name}.api.md`) };
    })
    .sort((a, b) => byCodePoint(a.subpath, b.subpath));
}

/** Order by UTF-16 code units, not the locale's collation: the same report on every machine. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const FLAGS =
  ts.TypeFormatFlags.NoTruncation |
  ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope |
  ts.TypeFormatFlags.WriteClassExpressionAsTypeLiteral;

function hidden(declaration: ts.Declaration): boolean {
  const flags = ts.getCombinedModifierFlags(declaration);
  return (
    (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) !== 0 ||
    ts.isPrivateIdentifier((declaration as ts.NamedDeclaration).name ?? ts.factory.createIdentifier('x'))
  );
}

function typeParameters(symbol: ts.Symbol): string {
  const declaration = symbol.declarations?.[0] as
    (ts.Declaration & { typeParameters?: ts.NodeArray<ts.TypeParameterDeclaration> }) | undefined;
  const params = declaration?.typeParameters;
  return params === undefined ? '' : `<${params.map((p) => p.getText()).join(', ')}>`;
}

function members(checker: ts.TypeChecker, type: ts.Type, at: ts.Node): string[] {
  const lines: string[] = [];
  for (const info of checker.getIndexInfosOfType(type)) {
    lines.push(
      `  [key: ${checker.typeToString(info.keyType)}]: ${checker.typeToString(info.type, at, FLAGS)};`,
    );
  }
  const properties = checker
    .getPropertiesOfType(type)
    .filter((p) => !(p.declarations ?? []).some(hidden))
    .sort((a, b) => byCodePoint(a.name, b.name));
  for (const property of properties) {
    const optional = (property.flags & ts.SymbolFlags.Optional) !== 0 ? '?' : '';
    const readonly = (property.declarations ?? []).some(
      (d) => (ts.getCombinedModifierFlags(d) & ts.ModifierFlags.Readonly) !== 0,
    )
      ? 'readonly '
      : '';
    const propertyType = checker.getTypeOfSymbolAtLocation(property, at);
    lines.push(`  ${readonly}${property.name}${optional}: ${checker.typeToString(propertyType, at, FLAGS)};`);
  }
  return lines;
}

/** The signature of one exported symbol, as declaration-like text. */
function describe(checker: ts.TypeChecker, name: string, exported: ts.Symbol, at: ts.Node): string {
  const symbol =
    (exported.flags & ts.SymbolFlags.Alias) !== 0 ? checker.getAliasedSymbol(exported) : exported;
  const parts: string[] = [];
  const flags = symbol.flags;
  if ((flags & ts.SymbolFlags.Class) !== 0) {
    const instance = checker.getDeclaredTypeOfSymbol(symbol);
    const staticSide = checker.getTypeOfSymbolAtLocation(symbol, at);
    const constructors = staticSide
      .getConstructSignatures()
      .filter((s) => s.declaration === undefined || !hidden(s.declaration))
      .map((s) => `  constructor${checker.signatureToString(s, at, FLAGS).replace(/: [^:]*$/, '')};`);
    const base = instance.getBaseTypes()?.map((t) => checker.typeToString(t, at, FLAGS)) ?? [];
    const extendsClause = base.length > 0 ? ` extends ${base.join(', ')}` : '';
    parts.push(
      `class ${name}${typeParameters(symbol)}${extendsClause} {\n${[...constructors, ...members(checker, instance, at)].join('\n')}\n}`,
    );
  } else if ((flags & ts.SymbolFlags.Interface) !== 0) {
    const type = checker.getDeclaredTypeOfSymbol(symbol);
    parts.push(`interface ${name}${typeParameters(symbol)} {\n${members(checker, type, at).join('\n')}\n}`);
  } else if ((flags & ts.SymbolFlags.TypeAlias) !== 0) {
    const declaration = symbol.declarations?.find(ts.isTypeAliasDeclaration);
    const text =
      declaration === undefined
        ? checker.typeToString(checker.getDeclaredTypeOfSymbol(symbol), at, FLAGS)
        : declaration.type.getText();
    parts.push(`type ${name}${typeParameters(symbol)} = ${text.replace(/\s+/g, ' ')};`);
  }
  if ((flags & ts.SymbolFlags.Function) !== 0) {
    for (const signature of checker.getTypeOfSymbolAtLocation(symbol, at).getCallSignatures()) {
      parts.push(`function ${name}${checker.signatureToString(signature, at, FLAGS)};`);
    }
  } else if ((flags & ts.SymbolFlags.Variable) !== 0) {
    const type = checker.getTypeOfSymbolAtLocation(symbol, at);
    parts.push(`const ${name}: ${checker.typeToString(type, at, FLAGS)};`);
  }
  if (parts.length === 0) throw new Error(`api-report: cannot describe export ${name}`);
  return parts.join('\n');
}

/** Each entry's exports by name, sorted: name → signature text. */
export function apiSurface(entries: readonly ApiEntry[] = apiEntries()): Map<ApiEntry, Map<string, string>> {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(SDK, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (config === undefined) throw new Error('api-report: cannot read sdk/tsconfig.json');
  const program = ts.createProgram({
    rootNames: entries.map((e) => e.source),
    options: { ...config.options, noEmit: true, composite: false, declaration: false },
  });
  const checker = program.getTypeChecker();
  const surface = new Map<ApiEntry, Map<string, string>>();
  for (const entry of entries) {
    const file = program.getSourceFile(entry.source);
    const module = file === undefined ? undefined : checker.getSymbolAtLocation(file);
    if (file === undefined || module === undefined)
      throw new Error(`api-report: ${entry.source} is no module`);
    const names = new Map<string, string>();
    const exported = checker.getExportsOfModule(module).sort((a, b) => byCodePoint(a.name, b.name));
    for (const symbol of exported) names.set(symbol.name, describe(checker, symbol.name, symbol, file));
    surface.set(entry, names);
  }
  return surface;
}

/** The report file's text for one entry. */
export function renderReport(entry: ApiEntry, names: ReadonlyMap<string, string>): string {
  const title = entry.subpath === '.' ? 'scim-connector-sdk' : `scim-connector-sdk/${entry.subpath.slice(2)}`;
  const source = relative(ROOT, entry.source);
  const blocks = [...names].map(([name, text]) => `## ${name}\n\n\`\`\`ts\n${text}\n\`\`\`\n`);
  return (
    `# API report: ${title}\n\n` +
    `Every name \`${source}\` exports, with its signature. Generated by \`npm run api:update\`: ` +
    'a change here is a change to the public surface.\n\n' +
    blocks.join('\n')
  );
}

/** A report file read back: name → signature text (the inverse of renderReport). */
export function parseReport(text: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const block of text.split(/^## /m).slice(1)) {
    const name = block.slice(0, block.indexOf('\n'));
    const code = /```ts\n([\s\S]*?)\n```/.exec(block);
    names.set(name, code?.[1] ?? '');
  }
  return names;
}

/** What differs between the checked-in report and the entry: names added, removed, or with a new signature. */
export function surfaceChanges(
  reported: ReadonlyMap<string, string>,
  actual: ReadonlyMap<string, string>,
): string[] {
  const changes: string[] = [];
  for (const [name, text] of actual) {
    const before = reported.get(name);
    if (before === undefined) changes.push(`+ ${name} (new export)`);
    else if (before !== text) changes.push(`~ ${name} (signature changed)`);
  }
  for (const name of reported.keys()) if (!actual.has(name)) changes.push(`- ${name} (no longer exported)`);
  return changes;
}
