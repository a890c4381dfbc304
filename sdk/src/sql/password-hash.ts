// Turns a SCIM password into what the password column stores: a bcrypt hash, or the text itself only when the spec says so.
import bcrypt from 'bcryptjs';
import type { SqlUsersTable } from './sql-mapping.js';

/** bcrypt's cost; 10 is the library's and most apps' default. */
const ROUNDS = 10;

/** The stored form of `password` under the mapping's scheme. */
export async function storedPassword(
  scheme: NonNullable<SqlUsersTable['password']>['scheme'],
  password: string,
): Promise<string> {
  return scheme === 'plain' ? password : bcrypt.hash(password, ROUNDS);
}

/** Whether `password` is the one `stored` holds (for tests and for apps that check logins). */
export async function passwordMatches(
  scheme: NonNullable<SqlUsersTable['password']>['scheme'],
  password: string,
  stored: string,
): Promise<boolean> {
  return scheme === 'plain' ? password === stored : bcrypt.compare(password, stored);
}
