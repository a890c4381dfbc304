// Rewrites the attribute paths of a filter AST (used to translate SCIM 1.1 paths), leaving its shape alone.
import type { AttrPath, Filter } from './ast.js';
import { chainOperands } from './chain.js';

/**
 * `kind` tells a path compared or tested for presence (`attribute`) from the path in front of a
 * value filter (`valuePath`). Paths inside a value filter are relative to it and are not mapped.
 */
export type PathMapper = (path: AttrPath, kind: 'attribute' | 'valuePath') => AttrPath;

/** A copy of `filter` with every top-level path passed through `map`. */
export function mapFilterPaths(filter: Filter, map: PathMapper): Filter {
  switch (filter.kind) {
    case 'compare':
      return { ...filter, path: map(filter.path, 'attribute') };
    case 'present':
      return { kind: 'present', path: map(filter.path, 'attribute') };
    case 'valuePath':
      return { kind: 'valuePath', path: map(filter.path, 'valuePath'), filter: filter.filter };
    case 'not':
      return { kind: 'not', filter: mapFilterPaths(filter.filter, map) };
    case 'and':
    case 'or': {
      // Rebuilt in a loop, left-leaning as parsed, so that long chains cannot exhaust the stack.
      const [first, ...rest] = chainOperands(filter).map((operand) => mapFilterPaths(operand, map));
      return rest.reduce<Filter>((left, right) => ({ kind: filter.kind, left, right }), first as Filter);
    }
  }
}
