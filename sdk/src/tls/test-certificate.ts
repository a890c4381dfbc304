// One self-signed certificate per process for a connector's HTTPS tests: RSA key generation takes a while.
import { createSelfSignedCertificate, type SelfSignedCertificate } from '../tls/self-signed-certificate.js';

let certificate: Promise<SelfSignedCertificate> | undefined;

/**
 * A certificate for 127.0.0.1 and localhost, made on the first call and shared by every later one;
 * serve with `tls: { key: keyPem, cert: certPem }` and trust `certPem` in the client.
 */
export function testCertificate(): Promise<SelfSignedCertificate> {
  certificate ??= createSelfSignedCertificate({ hosts: ['127.0.0.1', 'localhost'] });
  return certificate;
}
