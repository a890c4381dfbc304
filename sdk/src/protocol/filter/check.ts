// What only the schema can tell about a parsed filter: RFC 7644 §3.4.2.2 makes ordering a boolean or binary attribute an invalid filter.
import { findSubAttribute } from '../resource-schema.js';
import { ScimError } from '../errors.js';
import { chainOperands } from './chain.js';
import { stringifyAttrPath } from './stringify.js';
import type { AttrPath, Filter } from './ast.js';
import type { AttributeDefinition, ResourceSchema } from '../schema-types.js';

const ORDERING = new Set(['gt', 'ge', 'lt', 'le']);
const UNORDERED = new Set(['boolean', 'binary']);

/** The attribute a path compares: a multi-valued complex attribute without sub-attribute compares its `value`. */
function comparedAttribute(
  path: AttrPath,
  resolve: (
    path: AttrPath,
  ) => { attribute: AttributeDefinition; subAttribute?: AttributeDefinition } | undefined,
): AttributeDefinition | undefined {
  const resolved = resolve(path);
  if (resolved === undefined) return undefined;
  if (resolved.subAttribute !== undefined) return resolved.subAttribute;
  const { attribute } = resolved;
  return attribute.type === 'complex' ? findSubAttribute(attribute, 'value') : attribute;
}

/**
 * Throws `SCIM_ERR_FILTER_OPERATOR` (400 invalidFilter) when the filter orders a boolean or binary
 * attribute. Unknown attributes pass: they match nothing, as the evaluator decides.
 */
export function checkFilter(filter: Filter, schema: ResourceSchema): void {
  const stack: { filter: Filter; within?: AttributeDefinition }[] = [{ filter }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { filter: node, within } = item;
    switch (node.kind) {
      case 'and':
      case 'or':
        for (const operand of chainOperands(node)) stack.push({ filter: operand, ...(within && { within }) });
        break;
      case 'not':
        stack.push({ filter: node.filter, ...(within && { within }) });
        break;
      case 'valuePath': {
        const parent = schema.resolve(node.path)?.attribute;
        if (parent !== undefined) stack.push({ filter: node.filter, within: parent });
        break;
      }
      case 'present':
        break;
      case 'compare': {
        if (!ORDERING.has(node.op)) break;
        const resolve = (path: AttrPath) => {
          if (within === undefined) return schema.resolve(path);
          const attribute = findSubAttribute(within, path.name);
          return attribute === undefined ? undefined : { attribute };
        };
        const attribute = comparedAttribute(node.path, resolve);
        if (attribute !== undefined && UNORDERED.has(attribute.type)) {
          throw new ScimError('SCIM_ERR_FILTER_OPERATOR', {
            attribute: stringifyAttrPath(node.path),
            op: node.op,
            type: attribute.type,
          });
        }
        break;
      }
    }
  }
}
