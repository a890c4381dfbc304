// `scim-connector-sdk cert`: writes a self-signed certificate and says how to trust it and serve with it.
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import {
  createSelfSignedCertificate,
  DEFAULT_CERTIFICATE_DAYS,
  parseCertificateHost,
} from '../tls/self-signed-certificate.js';
import { writePrivateFile } from '../tls/private-file.js';
import { shellQuote } from '../tls/shell-quote.js';
import { TLS_CERT_FILE, TLS_KEY_FILE, TLS_PFX_FILE, TLS_PFX_PASSPHRASE } from '../tls/tls-options.js';

/** Options absent or undefined take their defaults. */
export interface CertCommandOptions {
  hosts: string[];
  out: string;
  days?: number | undefined;
  passphrase?: string | undefined;
  force?: boolean;
}

/** Where a command writes what it has to say. */
export interface CliOutput {
  // Properties, not methods: commander calls them detached from this object.
  out: (text: string) => void;
  err: (text: string) => void;
}

const PASSPHRASE_FILE = 'keystore-passphrase.txt';

/**
 * Writes key.pem, cert.pem and keystore.p12 (and, for a generated passphrase, keystore-passphrase.txt,
 * owner-only) into `out`, then prints the files, the Okta agent's keytool line and the TLS_* variables.
 * Secrets are never printed: a generated passphrase is written to its file and referenced as `$(cat …)`.
 */
export async function runCertCommand(options: CertCommandOptions, output: CliOutput): Promise<void> {
  const days = options.days ?? DEFAULT_CERTIFICATE_DAYS;
  const made = await createSelfSignedCertificate({
    hosts: options.hosts,
    outDir: options.out,
    days,
    overwrite: options.force ?? false,
    passphrase: options.passphrase,
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
    throw new Error(
      `${error.path ?? options.out} already exists: remove it, choose another --out, or add --force to replace it`,
    );
  });
  const files = made.files as NonNullable<typeof made.files>;
  const passphraseFile = join(dirname(files.key), PASSPHRASE_FILE);
  if (options.passphrase === undefined) {
    await writePrivateFile(passphraseFile, `${made.passphrase}\n`);
  } else {
    // A passphrase file from an earlier run would no longer open the new keystore.
    await rm(passphraseFile, { force: true });
  }
  const validUntil = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const passphraseValue =
    options.passphrase === undefined
      ? `"$(cat ${shellQuote(passphraseFile)})"`
      : "'<the --passphrase you gave>'";
  const rows: [string, string][] = [
    [files.key, 'private key (PEM), readable only by you'],
    [files.cert, 'certificate (PEM): the file clients trust'],
    [files.pfx, 'key and certificate (PKCS#12 keystore)'],
    ...(options.passphrase === undefined
      ? [[passphraseFile, 'the keystore passphrase (generated), readable only by you'] as [string, string]]
      : []),
  ];
  const width = Math.max(...rows.map(([path]) => path.length));
  output.out(
    [
      `Wrote a self-signed certificate for ${options.hosts.join(', ')}, valid ${days} days (until about ${validUntil}):`,
      ...rows.map(([path, what]) => `  ${path.padEnd(width)}  ${what}`),
      '',
      'Trust it on the Okta Provisioning Agent host (copy cert.pem there first; keytool asks for the trust store',
      "password, Java's default is changeit):",
      `  ${made.keytoolCommand}`,
      '',
      'Serve with the PEM files:',
      `  ${TLS_KEY_FILE}=${shellQuote(files.key)} ${TLS_CERT_FILE}=${shellQuote(files.cert)}`,
      'or with the keystore:',
      `  ${TLS_PFX_FILE}=${shellQuote(files.pfx)} ${TLS_PFX_PASSPHRASE}=${passphraseValue}`,
      '',
    ].join('\n'),
  );
}

/** The `cert` sub-command, parsing and checking its options before anything is written. */
export function certCommand(output: CliOutput): Command {
  return new Command('cert')
    .description('Make a self-signed TLS certificate for a connector, and print how to trust and serve it')
    .requiredOption(
      '--host <name-or-ip>',
      'a DNS name or IP address clients use to reach the connector (repeat for more; the first is the CN)',
      collectHost,
    )
    .requiredOption(
      '--out <dir>',
      'the folder to write key.pem, cert.pem and keystore.p12 into (created if absent)',
    )
    .option('--days <n>', `days the certificate is valid (default ${DEFAULT_CERTIFICATE_DAYS})`, parseDays)
    .option(
      '--passphrase <p>',
      'passphrase of keystore.p12 (default: a random one, saved to keystore-passphrase.txt)',
    )
    .option('--force', 'replace files already in --out', false)
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ scim-connector-sdk cert --host scim.example.com --out ./tls',
        '  $ scim-connector-sdk cert --host connector.corp.local --host 10.0.0.5 --out /etc/my-connector/tls --days 365',
        '',
        `Then serve with ${TLS_KEY_FILE} and ${TLS_CERT_FILE} (or ${TLS_PFX_FILE} and ${TLS_PFX_PASSPHRASE}), and import`,
        "cert.pem into the Okta Provisioning Agent's trust store with the keytool line printed.",
      ].join('\n'),
    )
    .action(
      async (options: {
        host: string[];
        out: string;
        days?: number;
        passphrase?: string;
        force: boolean;
      }) => {
        await runCertCommand(
          {
            hosts: options.host,
            out: options.out,
            force: options.force,
            days: options.days,
            passphrase: options.passphrase,
          },
          output,
        );
      },
    );
}

function collectHost(value: string, previous: string[] | undefined): string[] {
  try {
    parseCertificateHost(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message.replace(/^Invalid host "[^"]*": /, ''));
  }
  return [...(previous ?? []), value];
}

function parseDays(value: string): number {
  const days = Number(value);
  if (!/^\d+$/.test(value) || days < 1 || days > 36500)
    throw new InvalidArgumentError('give a whole number of days from 1 to 36500');
  return days;
}
