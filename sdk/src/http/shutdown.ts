// Graceful shutdown: close the server (draining in-flight requests) on SIGTERM and SIGINT.
import type { ScimServer } from './create-scim-server.js';

/**
 * Closes `server` on the first of `signals`; a second signal while closing is left to Node's
 * default (exit). Returns a function that removes the handlers.
 */
export function installShutdownHandlers(
  server: Pick<ScimServer, 'close' | 'app'>,
  signals: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT'],
): () => void {
  const handler = (signal: NodeJS.Signals): void => {
    uninstall();
    server.app.log.info({ signal }, 'shutting down');
    server.close().then(
      () => server.app.log.info('server closed'),
      (err: unknown) => {
        server.app.log.error({ err }, 'error while closing');
        process.exitCode = 1;
      },
    );
  };
  const uninstall = (): void => {
    for (const signal of signals) process.removeListener(signal, handler);
  };
  for (const signal of signals) process.once(signal, handler);
  return uninstall;
}
