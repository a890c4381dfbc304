// Building and comparing the DNs of entries the connector creates.
import { escapeDnValue } from './escape-dn-value.js';

/** `rdn=value,parent`, the value escaped (RFC 4514). */
export function childDn(rdn: string, value: string, parent: string): string {
  return `${rdn}=${escapeDnValue(value)},${parent}`;
}

/** The DN above `dn`: what follows its first comma that no backslash escapes. */
export function parentDn(dn: string): string {
  for (let index = 0; index < dn.length; index += 1) {
    if (dn[index] === '\\') index += 1;
    else if (dn[index] === ',') return dn.slice(index + 1).trimStart();
  }
  return '';
}

/** Compares DNs the way the connector writes them: case and spaces after commas ignored. */
export function dnKey(dn: string): string {
  return dn.replace(/,\s+/g, ',').toLowerCase();
}

/** `dn` lies at or under `ancestor`. */
export function isUnder(dn: string, ancestor: string): boolean {
  const child = dnKey(dn);
  const parent = dnKey(ancestor);
  return child === parent || child.endsWith(`,${parent}`);
}
