// The openapi rows: the generated acme-hr connector against its fake app, and that fake app called directly for the same data.
import { chosen } from './config.mjs';
import { backendRows, get, IMPORT_CELL, importPages, startTargets, stopTargets } from './backend-suite.mjs';

const PROJECT = '/test/golden/acme-hr/src/';
export const OPENAPI_BASELINE = "the fake app's own route for the same data, called directly";
/** The credentials the generated fake app expects (test/generated/fake-app.ts). */
const APP_HEADERS = { authorization: 'Bearer fake-app-token' };

/** A read of one employee and an import's pages: ours through SCIM, direct through the app's own paths. */
function openapiWorkloads(users) {
  const readId = `e${Math.floor(users / 2)}`;
  return [
    {
      id: 'openapi-get',
      label: 'openapi: GET /Users/{id}',
      profile: true,
      ours: { requests: () => () => get(`/scim/v2/Users/${readId}`) },
      direct: { headers: APP_HEADERS, requests: () => () => get(`/employees/${readId}`) },
    },
    {
      id: 'openapi-import',
      label: 'openapi: import, pages of 100',
      profile: true,
      cell: IMPORT_CELL,
      ours: {
        requests: () => {
          const page = importPages(users);
          return () => get(`/scim/v2/Users?startIndex=${page() * 100 + 1}&count=100`);
        },
      },
      direct: {
        headers: APP_HEADERS,
        requests: () => {
          const page = importPages(users);
          return () => get(`/employees?offset=${page() * 100}&limit=100`);
        },
      },
    },
  ];
}

/** The ids `--only` takes for the openapi rows (they do not depend on the sizes). */
export function openapiWorkloadIds() {
  return openapiWorkloads(1).map((workload) => workload.id);
}

/** The openapi rows for `config` ({ openapiUsers, … }). */
export async function openapiSuite(config, progress) {
  const targets = await startTargets([
    [['direct', 'openapi-target.mjs', () => ['app', config.openapiUsers]]],
    [['ours', 'openapi-target.mjs', ({ direct }) => ['connector', JSON.stringify(direct.env)]]],
  ]);
  try {
    return await backendRows({
      backend: 'openapi',
      baseline: OPENAPI_BASELINE,
      targets,
      workloads: openapiWorkloads(config.openapiUsers).filter((w) => chosen(config, 'openapi', w)),
      generatedRoot: PROJECT,
      config,
      progress,
    });
  } finally {
    await stopTargets(targets);
  }
}
