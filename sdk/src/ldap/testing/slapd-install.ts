// Finds this machine's slapd, slapadd, modules and schema files (Debian paths first).
import { existsSync } from 'node:fs';
import type { SlapdInstall } from './slapd-config.js';

const candidates = {
  slapd: ['/usr/sbin/slapd', '/usr/local/sbin/slapd', '/usr/libexec/slapd'],
  slapadd: ['/usr/sbin/slapadd', '/usr/local/sbin/slapadd'],
  moduleDir: ['/usr/lib/ldap', '/usr/lib64/openldap', '/usr/lib/openldap', '/usr/local/libexec/openldap'],
  schemaDir: ['/etc/ldap/schema', '/etc/openldap/schema', '/usr/local/etc/openldap/schema'],
} as const;

const variables = {
  slapd: 'SLAPD',
  slapadd: 'SLAPADD',
  moduleDir: 'SLAPD_MODULE_DIR',
  schemaDir: 'SLAPD_SCHEMA_DIR',
} as const;

/** The install, or an error naming what is missing and how to get it (never a silent skip). */
export function findSlapdInstall(env: NodeJS.ProcessEnv = process.env): SlapdInstall {
  const found: Partial<SlapdInstall> = {};
  const missing: string[] = [];
  for (const key of Object.keys(candidates) as (keyof SlapdInstall)[]) {
    const override = env[variables[key]];
    const path = override ?? candidates[key].find((candidate) => existsSync(candidate));
    if (path === undefined || !existsSync(path)) missing.push(`${key} (set ${variables[key]})`);
    else found[key] = path;
  }
  if (missing.length > 0) {
    throw new Error(
      `OpenLDAP is not installed: cannot find ${missing.join(', ')}; run scripts/install-servers.sh (Debian: apt-get install slapd ldap-utils)`,
    );
  }
  return found as SlapdInstall;
}
