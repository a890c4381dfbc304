// Flattens a left-leaning chain of one logical operator (`a or b or c`) without recursion: parsed chains may be long.
import type { Filter, LogicalFilter } from './ast.js';

/** The operands of `filter`'s chain in source order: `a or b or c` gives [a, b, c]. */
export function chainOperands(filter: LogicalFilter): Filter[] {
  const rights: Filter[] = [];
  let node: Filter = filter;
  while (node.kind === filter.kind) {
    rights.push(node.right);
    node = node.left;
  }
  rights.push(node);
  return rights.reverse();
}
