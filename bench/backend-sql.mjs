// The sql rows: the generated initech-sql connector over a throwaway PostgreSQL against the same statements sent by pg straight from a bare fastify route.
import { chosen } from './config.mjs';
import {
  backendRows,
  get,
  IMPORT_CELL,
  importPages,
  skippedRows,
  startTargets,
  stopTargets,
} from './backend-suite.mjs';

const PROJECT = '/test/golden/initech-sql/src/';
export const SQL_BASELINE =
  'fastify (no logging) + pg running the statements SqlStore runs, answering the rows';

/** The workloads: a read, an import's pages, a filter by userName; ours and direct are sent the same paths. */
function sqlWorkloads(users, readId) {
  const both = (requests) => ({ ours: { requests }, direct: { requests } });
  const userName = `user${users - 7}@example.com`;
  return [
    {
      id: 'sql-get',
      label: 'sql: GET /Users/{id}',
      profile: true,
      ...both(() => () => get(`/scim/v2/Users/${readId}`)),
    },
    {
      id: 'sql-import',
      label: 'sql: import, pages of 100',
      profile: true,
      cell: IMPORT_CELL,
      ...both(() => {
        const page = importPages(users);
        return () => get(`/scim/v2/Users?startIndex=${page() * 100 + 1}&count=100`);
      }),
    },
    {
      id: 'sql-filter',
      label: 'sql: filter userName eq',
      ...both(() => () => get(`/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`)),
    },
  ];
}

/** The ids `--only` takes for the sql rows (they do not depend on the sizes). */
export function sqlWorkloadIds() {
  return sqlWorkloads(1, 'u0').map((workload) => workload.id);
}

/** The sql rows for `config` ({ sqlUsers, … }); a PostgreSQL that cannot start (no binaries) gives rows saying so. */
export async function sqlSuite(config, progress) {
  const picked = (readId) => sqlWorkloads(config.sqlUsers, readId).filter((w) => chosen(config, 'sql', w));
  let targets;
  try {
    targets = await startTargets([
      [['database', 'sql-target.mjs', () => ['database', config.sqlUsers]]],
      [
        ['ours', 'sql-target.mjs', ({ database }) => ['connector', database.url]],
        ['direct', 'sql-target.mjs', ({ database }) => ['direct', database.url]],
      ],
    ]);
  } catch (error) {
    return skippedRows('sql', picked(''), error);
  }
  try {
    return await backendRows({
      backend: 'sql',
      baseline: SQL_BASELINE,
      targets: { ours: targets.ours, direct: targets.direct },
      workloads: picked(targets.database.readId),
      generatedRoot: PROJECT,
      config,
      progress,
    });
  } finally {
    await stopTargets(targets);
  }
}
