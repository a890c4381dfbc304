// scim-connector-sdk/sql: the runtime of connectors whose users and groups live in SQL tables (the generator's sql backend).

export type {
  SqlChildTable,
  SqlColumnMapping,
  SqlDeactivation,
  SqlMapping,
  SqlMembership,
  SqlResourceTable,
  SqlUsersTable,
  SqlValueType,
} from './sql/sql-mapping.js';
export { SqlStore, type SqlStoreOptions } from './sql/sql-store.js';
export { pgliteDialect, type PgliteLike } from './sql/pglite-dialect.js';
export { escapeLike, filterCondition, type FilterScope } from './sql/filter-sql.js';
export { passwordMatches } from './sql/password-hash.js';
export type { SqlDatabase } from './sql/sql-database.js';
