// How a connector reaches its app: the credentials and the timeout of every call.
/** How the connector authenticates to the app; every secret read from the environment by config.ts. */
export type AppAuth =
  | { type: 'none' }
  | { type: 'bearer'; token: string }
  | { type: 'basic'; username: string; password: string }
  | { type: 'apiKey'; header: string; value: string }
  | { type: 'oauth2'; tokenUrl: string; clientId: string; clientSecret: string; scope?: string };

export interface AppSettings {
  auth: AppAuth;
  /** Timeout of every call, in milliseconds. */
  timeoutMs: number;
  /** The settings to check when the app refuses the connector, e.g. "ACME_API_TOKEN". */
  credentials: string;
}
