// The SCIM dialects the engine speaks, named by version: a connector's options and request context use it.

/** A SCIM dialect: SCIM 2.0 (RFC 7643/7644) or SCIM 1.1 (the Okta Provisioning Agent's). */
export type Dialect = '2.0' | '1.1';
