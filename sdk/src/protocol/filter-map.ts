// Rewrites the attribute paths of a filter AST (used to translate SCIM 1.1 paths), leaving its shape alone.
import type { AttrPath, Filter } from './filter-ast.js';

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
      // Chains nest to the left and may be long: walk the spine in a loop, then rebuild it.
      const rights: Filter[] = [];
      let node: Filter = filter;
      while (node.kind === filter.kind) {
        rights.push(node.right);
        node = node.left;
      }
      let out = mapFilterPaths(node, map);
      for (let i = rights.length - 1; i >= 0; i--) {
        out = { kind: filter.kind, left: out, right: mapFilterPaths(rights[i] as Filter, map) };
      }
      return out;
    }
  }
}
