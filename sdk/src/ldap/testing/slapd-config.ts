// The slapd.conf of a throwaway test directory: mdb database, memberof and ppolicy overlays.

/** Where this machine's OpenLDAP keeps its pieces; each overridable by an environment variable. */
export interface SlapdInstall {
  slapd: string;
  slapadd: string;
  moduleDir: string;
  schemaDir: string;
}

/** The directory a test gets: its suffix and the manager's credentials. */
export interface SlapdDirectory {
  suffix: string;
  bindDn: string;
  password: string;
}

/** The default password policy's DN: ppolicy enforces a lock only where a policy applies. */
export function policyDn(suffix: string): string {
  return `cn=password-policy,${suffix}`;
}

/** The default policy's entry, added after the tree a test loads. */
export function policyEntry(suffix: string): string {
  return `dn: ${policyDn(suffix)}\nobjectClass: organizationalRole\nobjectClass: pwdPolicy\ncn: password-policy\npwdAttribute: userPassword\npwdLockout: TRUE\n`;
}

/**
 * slapd.conf for one throwaway server. The memberof overlay maintains `memberOf` for groupOfNames
 * `member`; ppolicy (schema built in since OpenLDAP 2.5) lets a test lock accounts with
 * `pwdAccountLockedTime`. With `tls`, StartTLS is offered. The manager password is plain text: the server lives for one test run.
 */
export function slapdConfig(
  install: SlapdInstall,
  directory: SlapdDirectory,
  folder: string,
  tls = false,
): string {
  const schema = ['core', 'cosine', 'inetorgperson', 'nis'].map(
    (name) => `include ${install.schemaDir}/${name}.schema`,
  );
  return [
    ...schema,
    `modulepath ${install.moduleDir}`,
    'moduleload back_mdb',
    'moduleload memberof',
    'moduleload ppolicy',
    `pidfile ${folder}/slapd.pid`,
    // StartTLS with the test certificate written beside the config (tls.pem, tls-key.pem).
    ...(tls ? [`TLSCertificateFile ${folder}/tls.pem`, `TLSCertificateKeyFile ${folder}/tls-key.pem`] : []),
    // Paged searches of a whole 10,000-member test group and more: no size limit for the manager.
    'sizelimit unlimited',
    'database mdb',
    `suffix "${directory.suffix}"`,
    `rootdn "${directory.bindDn}"`,
    `rootpw ${directory.password}`,
    `directory ${folder}/db`,
    'maxsize 268435456',
    'index objectClass,entryUUID eq',
    'index uid,cn,mail eq,sub',
    'index member,uniqueMember eq',
    'overlay memberof',
    'memberof-group-oc groupOfNames',
    'memberof-member-ad member',
    'memberof-memberof-ad memberOf',
    'memberof-refint true',
    'overlay ppolicy',
    `ppolicy_default "${policyDn(directory.suffix)}"`,
    'ppolicy_use_lockout',
    '',
  ].join('\n');
}
