// Thrown values to ScimErrors: ScimErrors as they are, fastify's client errors by meaning, anything else a 500.
import { strict as assert } from 'node:assert';
import { scimErrorOf } from '../src/http/error-reply.js';
import { ScimError } from '../src/protocol/errors.js';

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
      const err = scimErrorOf(given, 'req-1', request);
      assert.deepEqual({ code: err.code, status: err.status }, want);
      if (err.status === 500) assert.equal(err.message, 'Internal server error (request req-1)');
    });
  }

  it('names the refused content type, cut short', () => {
    const err = scimErrorOf(fastifyError('FST_ERR_CTP_INVALID_MEDIA_TYPE', 415), 'r', {
      contentType: `x/${'y'.repeat(500)}`,
      bodyLimit: 1,
    });
    assert.ok(err.message.length < 250);
  });
});
