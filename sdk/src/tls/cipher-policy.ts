// The TLS the server speaks: TLS 1.2 or later, and on TLS 1.2 only suites with forward secrecy (ECDHE, AEAD).
import type { SecureVersion } from 'node:tls';

/**
 * TLS 1.2 suites: ECDHE key exchange (forward secrecy) with AES-GCM or ChaCha20-Poly1305, as in
 * Mozilla's "intermediate" profile without DHE (it needs DH parameters of our own). Java 8 and
 * later, and so the Okta Provisioning Agent, offer them. Node's defaults also accept static-RSA
 * suites (AES128-SHA, AES256-GCM-SHA384…), whose recorded traffic a stolen key decrypts.
 */
const TLS12_CIPHERS = [
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
];

/** TLS 1.3 suites: all have forward secrecy; named so the list says the whole policy. */
const TLS13_CIPHERS = ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256'];

/** What createScimServer gives `https.createServer` besides the key and certificate. */
export const TLS_POLICY: { minVersion: SecureVersion; ciphers: string; honorCipherOrder: boolean } = {
  minVersion: 'TLSv1.2',
  ciphers: [...TLS13_CIPHERS, ...TLS12_CIPHERS].join(':'),
  honorCipherOrder: true,
};
