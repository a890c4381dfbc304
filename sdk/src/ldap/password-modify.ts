// RFC 3062 Password Modify extended operation: the directory hashes the password by its own policy.
import { BerWriter, type Client } from 'ldapts';

export const PASSWORD_MODIFY_OID = '1.3.6.1.4.1.4203.1.11.1';

/** Sets `dn`'s password: PasswdModifyRequestValue ::= SEQUENCE { userIdentity [0], newPasswd [2] }. */
export async function setPassword(client: Client, dn: string, password: string): Promise<void> {
  const writer = new BerWriter();
  writer.startSequence();
  writer.writeString(dn, 0x80);
  writer.writeString(password, 0x82);
  writer.endSequence();
  await client.exop(PASSWORD_MODIFY_OID, writer.buffer);
}
