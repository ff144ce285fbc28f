// Files the config points at (DKIM public keys) that were refused unread become positioned findings.
import type { Finding } from '../findings.js';
import type { RelayModel } from './model.js';
import { locate, type ConfigSource } from './source.js';

export function referencedFileFindings(source: ConfigSource, model: RelayModel): Finding[] {
  const findings: Finding[] = [];
  model.domains.forEach((domain, i) =>
    domain.dkim.selectors.forEach((selector, j) => {
      if (selector.key.status !== 'refused') return;
      const path = ['domains', i, 'dkim', 'selectors', j, 'publicKeyFile'];
      findings.push({
        ruleId: 'referenced-file',
        severity: 'error',
        message:
          `${selector.publicKeyFile} was not read: ${selector.key.message}. publicKeyFile must name the PEM public key ` +
          'file (a regular file of at most 64 KiB) that `relayconf keygen` wrote',
        file: source.file,
        path,
        ...locate(source, path),
      });
    }),
  );
  return findings;
}
