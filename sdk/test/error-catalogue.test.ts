// Keeps the error catalogue, its exports, its documentation page and the error bodies in step.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as sdk from '../src/protocol.js';
import { ERROR_CATALOGUE, ScimError, type ScimErrorCode } from '../src/protocol/errors.js';
import { errorBody11, errorBody20 } from '../src/protocol/error-body.js';
import { NotFoundError } from '../src/service/errors.js';

const docPath = fileURLToPath(new URL('../docs/errors.md', import.meta.url));

interface DocRow {
  code: string;
  status: number;
  scimType: string;
  internalCode: string;
  when: string;
  todo: string;
}

function documentedRows(): DocRow[] {
  return readFileSync(docPath, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('| `SCIM_ERR_'))
    .map((line) => {
      const cells = line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim());
      const [code = '', status = '', scimType = '', internalCode = '', when = '', todo = ''] = cells;
      return { code: code.replaceAll('`', ''), status: Number(status), scimType, internalCode, when, todo };
    });
}

const codes = Object.keys(ERROR_CATALOGUE) as ScimErrorCode[];

/** Parameters that fill every placeholder of every template. */
const params = {
  position: 3,
  reason: 'because',
  path: 'name.x',
  attribute: 'active',
  parameter: 'count',
  value: 'abc',
  method: 'POST',
  url: '/x',
  resourceType: 'User',
  id: '7',
  limit: 1024,
  contentType: 'text/plain',
  charset: 'iso-8859-1',
  encoding: 'gzip',
  requestId: 'req-1',
  operation: 'getUser',
  op: 'gt',
  type: 'boolean',
  todo: 'set APP_TOKEN',
};

describe('error catalogue', () => {
  const rows = documentedRows();

  it('is exported from the package', () => {
    assert.equal(sdk.ERROR_CATALOGUE, ERROR_CATALOGUE);
    assert.equal(sdk.ScimError, ScimError);
    assert.equal(typeof sdk.errorBody20, 'function');
    assert.equal(typeof sdk.errorBody11, 'function');
  });

  it('isScimError tells ScimErrors, subclasses included, from other values', () => {
    assert.equal(sdk.isScimError(new NotFoundError('User', '7')), true);
    assert.equal(sdk.isScimError(new ScimError('SCIM_ERR_INTERNAL', { requestId: 'r' })), true);
    assert.equal(sdk.isScimError(new Error('x')), false);
    assert.equal(sdk.isScimError({ status: 404, code: 'SCIM_ERR_NOT_FOUND' }), false);
  });

  it('documents each code once', () => {
    const documented = rows.map((row) => row.code);
    assert.deepEqual([...documented].sort(), [...codes].sort());
  });

  for (const code of codes) {
    const entry: { status: number; scimType?: string; internalCode: string } = ERROR_CATALOGUE[code];
    describe(code, () => {
      it('is documented with its status, scimType and internalCode, and says when and what to do', () => {
        const row = rows.find((r) => r.code === code);
        assert.ok(row, `${code} missing from docs/errors.md`);
        assert.equal(row.status, entry.status);
        assert.equal(row.scimType, entry.scimType ?? '');
        assert.equal(row.internalCode, entry.internalCode);
        assert.ok(row.when.length > 20, 'explains when it happens');
        assert.ok(row.todo.length > 10, 'says what the client should do');
      });

      it('fills every placeholder of its message', () => {
        const err = new ScimError(code, params);
        assert.doesNotMatch(err.message, /\{\w+\}/);
      });

      it('serializes to a SCIM 2.0 body', () => {
        const err = new ScimError(code, params);
        const body = JSON.parse(JSON.stringify(errorBody20(err))) as Record<string, unknown>;
        const want: Record<string, unknown> = {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
          status: String(entry.status),
          detail: err.message,
        };
        if (entry.scimType !== undefined) want.scimType = entry.scimType;
        assert.deepEqual(body, want);
      });

      it('serializes to a SCIM 1.1 body the agent and the cloud checks both read', () => {
        const err = new ScimError(code, params);
        const body = JSON.parse(JSON.stringify(errorBody11(err))) as Record<string, unknown>;
        const want: Record<string, unknown> = {
          errors: [
            {
              statusCode: entry.status,
              internalCode: entry.internalCode,
              description: err.message,
              help_url: null,
            },
          ],
          schemas: ['urn:scim:schemas:core:1.0'],
          detail: err.message,
          status: String(entry.status),
        };
        if (entry.scimType !== undefined) want.scimType = entry.scimType;
        assert.deepEqual(body, want);
      });
    });
  }
});
