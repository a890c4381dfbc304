// Writes a filter AST back as filter text, with only the parentheses precedence requires.
import type { AttrPath, Filter, FilterValue } from './ast.js';
import { chainOperands } from './chain.js';

/** `[uri:]name[.subAttr]`. */
export function stringifyAttrPath(path: AttrPath): string {
  const local = path.subAttr === undefined ? path.name : `${path.name}.${path.subAttr}`;
  return path.uri === undefined ? local : `${path.uri}:${local}`;
}

function stringifyValue(value: FilterValue): string {
  // JSON writes -0 as "0"; "-0" keeps the sign through a parse.
  if (typeof value === 'number' && Object.is(value, -0)) return '-0';
  return JSON.stringify(value);
}

/** Binding strength: or < and < everything else. */
function precedence(filter: Filter): number {
  return filter.kind === 'or' ? 0 : filter.kind === 'and' ? 1 : 2;
}

/** Filter text for `filter`; `parseFilter(stringifyFilter(ast))` deep-equals `ast`. */
export function stringifyFilter(filter: Filter): string {
  switch (filter.kind) {
    case 'compare':
      return `${stringifyAttrPath(filter.path)} ${filter.op} ${stringifyValue(filter.value)}`;
    case 'present':
      return `${stringifyAttrPath(filter.path)} pr`;
    case 'not':
      return `not (${stringifyFilter(filter.filter)})`;
    case 'valuePath':
      return `${stringifyAttrPath(filter.path)}[${stringifyFilter(filter.filter)}]`;
    case 'and':
    case 'or': {
      const own = precedence(filter);
      const operands = chainOperands(filter);
      // The first operand is the chain's bottom-left and binds like the chain; later ones are right
      // operands, which need parentheses at equal precedence to keep the tree's shape.
      return operands
        .map((operand, i) => {
          const text = stringifyFilter(operand);
          const needs = i === 0 ? precedence(operand) < own : precedence(operand) <= own;
          return needs ? `(${text})` : text;
        })
        .join(` ${filter.kind} `);
    }
  }
}
