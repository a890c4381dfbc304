// Ends the command quietly when whoever reads its output has gone (`scim-connector-tester --help | head`).
/**
 * Exits with the exit code so far when writing to `stream` fails with EPIPE: the reader closed its
 * end, nothing more can be shown, and a stack trace would only hide the output already read. Any
 * other write error is thrown as before.
 */
export function exitWhenReaderCloses(stream: NodeJS.WritableStream): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(Number(process.exitCode ?? 0));
  });
}
