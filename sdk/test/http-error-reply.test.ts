// Thrown values to ScimErrors: ScimErrors as they are, fastify's client and router errors by meaning, anything else a 500.
import { strict as assert } from 'node:assert';
import { toScimError } from '../src/http/error-reply.js';
import { errorBody11, errorBody20 } from '../src/protocol/error-body.js';
import { ScimError } from '../src/protocol/errors.js';
import { NotFoundError } from '../src/service/errors.js';

function fastifyError(code: string, statusCode: number): Error {
  return Object.assign(new Error(code), { code, statusCode });
}

describe('http: errors to ScimErrors', () => {
  const request = { contentType: 'text/plain', bodyLimit: 1024 };
  const cases: [string, { given: unknown; want: { code: string; status: number } }][] = [
    [
      'a ScimError as it is',
      {
        given: new ScimError('SCIM_ERR_CONFLICT', { reason: 'x' }),
        want: { code: 'SCIM_ERR_CONFLICT', status: 409 },
      },
    ],
    [
      'body too large',
      {
        given: fastifyError('FST_ERR_CTP_BODY_TOO_LARGE', 413),
        want: { code: 'SCIM_ERR_PAYLOAD_TOO_LARGE', status: 413 },
      },
    ],
    [
      'unsupported media type',
      {
        given: fastifyError('FST_ERR_CTP_INVALID_MEDIA_TYPE', 415),
        want: { code: 'SCIM_ERR_UNSUPPORTED_MEDIA_TYPE', status: 415 },
      },
    ],
    [
      'Content-Length mismatch',
      {
        given: fastifyError('FST_ERR_CTP_INVALID_CONTENT_LENGTH', 400),
        want: { code: 'SCIM_ERR_INVALID_SYNTAX', status: 400 },
      },
    ],
    [
      'a URL that is not validly percent-encoded (router)',
      {
        given: fastifyError('FST_ERR_BAD_URL', 400),
        want: { code: 'SCIM_ERR_INVALID_SYNTAX', status: 400 },
      },
    ],
    [
      'an over-long path parameter (router)',
      {
        given: fastifyError('FST_ERR_MAX_PARAM_LENGTH', 414),
        want: { code: 'SCIM_ERR_NOT_FOUND', status: 404 },
      },
    ],
    [
      'another fastify 4xx',
      {
        given: fastifyError('FST_ERR_SOMETHING_NEW', 400),
        want: { code: 'SCIM_ERR_INVALID_SYNTAX', status: 400 },
      },
    ],
    [
      'a fastify 5xx',
      {
        given: fastifyError('FST_ERR_SOMETHING_BROKE', 500),
        want: { code: 'SCIM_ERR_INTERNAL', status: 500 },
      },
    ],
    [
      'a 4xx status on a foreign error',
      {
        given: Object.assign(new Error('x'), { statusCode: 404 }),
        want: { code: 'SCIM_ERR_INTERNAL', status: 500 },
      },
    ],
    ['a plain Error', { given: new Error('boom'), want: { code: 'SCIM_ERR_INTERNAL', status: 500 } }],
    ['a thrown string', { given: 'boom', want: { code: 'SCIM_ERR_INTERNAL', status: 500 } }],
    ['null', { given: null, want: { code: 'SCIM_ERR_INTERNAL', status: 500 } }],
  ];
  for (const [name, { given, want }] of cases) {
    it(name, () => {
      const err = toScimError(given, 'req-1', request);
      assert.deepEqual({ code: err.code, status: err.status }, want);
      if (err.status === 500) assert.equal(err.message, 'Internal server error (request req-1)');
    });
  }

  it('names the refused content type, cut short', () => {
    const err = toScimError(fastifyError('FST_ERR_CTP_INVALID_MEDIA_TYPE', 415), 'r', {
      contentType: `x/${'y'.repeat(500)}`,
      bodyLimit: 1,
    });
    assert.ok(err.message.length < 250);
  });

  it('reads body too large as unreadable when no body limit is known', () => {
    const err = toScimError(fastifyError('FST_ERR_CTP_BODY_TOO_LARGE', 413), 'r');
    assert.equal(err.code, 'SCIM_ERR_INVALID_SYNTAX');
  });

  it('passes a ScimError through, subclasses included', () => {
    const err = new NotFoundError('User', '7');
    assert.equal(toScimError(err, 'r1'), err);
    assert.deepEqual(errorBody20(toScimError(err, 'r1')), {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '404',
      detail: 'User 7 not found',
    });
  });

  const faults: [string, unknown][] = [
    ['an Error with a secret in its message', new Error('password=hunter2 at db://x')],
    ['a thrown string', 'token abc'],
    ['undefined', undefined],
    ['null', null],
    ['a plain object', { status: 404, message: 'pretend' }],
  ];
  for (const [name, fault] of faults) {
    it(`answers ${name} with a 500 that quotes only the request id`, () => {
      const err = toScimError(fault, 'req-42');
      assert.equal(err.code, 'SCIM_ERR_INTERNAL');
      assert.equal(err.status, 500);
      assert.equal(err.message, 'Internal server error (request req-42)');
      assert.equal(err.cause, fault);
      assert.equal(errorBody11(err).errors[0].internalCode, 'E0000009');
    });
  }
});
