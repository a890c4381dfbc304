// Updates through the generated connectors against the reference servers: read-merge-write keeps the app's own fields, cleared values are cleared, status goes through its own calls.
import assert from 'node:assert/strict';
import type { Connector as AcmeConnector } from '../golden/acme-hr/src/connector.js';
import type { Connector as GlobexConnector } from '../golden/globex-crm/src/connector.js';
import { startAcmeHr, type AcmeHr } from './acme-hr/acme-hr-server.js';
import { startGlobexCrm, type GlobexCrm } from './globex-crm/globex-crm-server.js';
import { acmeConnector, ctx, globexConnector } from './reference-connectors.js';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const EMPLOYEE = 'urn:ietf:params:scim:schemas:extension:acme:2.0:Employee';
const GLOBEX = 'urn:ietf:params:scim:schemas:extension:globex_crm:2.0:User';

describe('acme-hr updates (reference server): read-merge-write, clear null, activate and deactivate', () => {
  let app: AcmeHr;
  let connector: AcmeConnector;
  /** The employee as the app holds it, read straight from its API. */
  const employee = async (id: string): Promise<Record<string, unknown>> => {
    const response = await fetch(`${app.url}/employees/${id}`, {
      headers: { authorization: `Bearer ${app.token}` },
    });
    return (await response.json()) as Record<string, unknown>;
  };

  before(async () => {
    app = await startAcmeHr();
    connector = acmeConnector(app);
  });
  after(() => app.close());

  it('keeps a field only the app holds, clears a removed costCenter, and deactivates through its call', async () => {
    const user = {
      schemas: [USER],
      userName: 'grace@acme.example',
      name: { givenName: 'Grace', familyName: 'Hopper' },
      [EMPLOYEE]: { employeeNumber: 'E-1', costCenter: 'CC-7' },
    };
    const id = (await connector.createUser(user, ctx)).id!;
    // HR sets the desk phone, which the connector does not map; a PUT of the mapped fields alone would drop it.
    const put = await fetch(`${app.url}/employees/${id}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${app.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...(await employee(id)), phone: '+1 555 0100' }),
    });
    assert.equal(put.status, 200);
    const updated = await connector.updateUser(
      id,
      { ...user, active: false, [EMPLOYEE]: { employeeNumber: 'E-1' } },
      ctx,
    );
    const held = await employee(id);
    assert.equal(held['phone'], '+1 555 0100', 'the field the connector does not own survives');
    assert.equal(held['costCenter'], undefined, 'the removed costCenter is cleared (sent as null)');
    assert.equal(held['active'], false, 'deactivated through POST /employees/{id}/deactivate');
    assert.equal(updated.active, false);
    const reactivated = await connector.updateUser(id, { ...user, active: true }, ctx);
    assert.equal(reactivated.active, true);
    assert.equal((await employee(id))['active'], true);
  });
});

describe('globex-crm updates (reference server, merge patch): cleared values are cleared', () => {
  let app: GlobexCrm;
  let connector: GlobexConnector;

  before(async () => {
    app = await startGlobexCrm();
    connector = globexConnector(app);
  });
  after(() => app.close());

  it('a removed mobile phone is sent as null and territories as [], so the app clears them', async () => {
    const user = {
      schemas: [USER],
      userName: 'lin@globex.example',
      name: { givenName: 'Lin', familyName: 'Wu' },
      emails: [{ value: 'lin@globex.example', primary: true }],
    };
    const created = await connector.createUser(
      {
        ...user,
        phoneNumbers: [{ type: 'mobile', value: '+44 20 7946 0000' }],
        [GLOBEX]: { territories: ['north', 'south'] },
      },
      ctx,
    );
    assert.deepEqual(created.phoneNumbers, [{ type: 'mobile', value: '+44 20 7946 0000' }]);
    const updated = await connector.updateUser(created.id!, user, ctx);
    assert.equal(updated.phoneNumbers, undefined);
    assert.equal(updated[GLOBEX]?.territories, undefined);
  });
});
