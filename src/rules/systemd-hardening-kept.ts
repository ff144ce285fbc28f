// systemd-hardening-kept: the written relay unit keeps its sandboxing (the self-hosted HTTP relay build guide, step 8), whatever relay.hardening overrides.
import path from 'node:path';
import { createRule } from './types.js';
import type { DirectiveValue } from '../outputs/encode/systemd.js';

/** systemd boolean spellings (systemd.syntax(7)). */
const FALSE = new Set(['0', 'no', 'n', 'false', 'f', 'off']);
const TRUE = new Set(['1', 'yes', 'y', 'true', 't', 'on']);

/** Boolean sandboxing directives (systemd.exec(5)); false switches the protection off. */
const BOOLEAN_HARDENING = new Set([
  'NoNewPrivileges',
  'PrivateTmp',
  'PrivateDevices',
  'PrivateNetwork',
  'PrivateUsers',
  'PrivateMounts',
  'ProtectKernelTunables',
  'ProtectKernelModules',
  'ProtectKernelLogs',
  'ProtectControlGroups',
  'ProtectClock',
  'ProtectHostname',
  'RestrictSUIDSGID',
  'RestrictRealtime',
  'RestrictNamespaces',
  'LockPersonality',
  'MemoryDenyWriteExecute',
  'RemoveIPC',
]);

/** Paths whose write access undoes ProtectSystem=strict. */
const SYSTEM_DIRS = ['/', '/etc', '/usr', '/boot', '/efi', '/opt'];

/** A directive's value as systemd reads it; an ExecStart-style command is not a sandboxing setting. */
function text(value: DirectiveValue): string | null {
  if (typeof value === 'string') return value.trim();
  return 'words' in value ? value.words.join(' ') : null;
}

export default createRule({
  id: 'systemd-hardening-kept',
  defaultSeverity: 'warning',
  docs: {
    summary: 'The relay unit\'s hardening (NoNewPrivileges, ProtectSystem=strict, PrivateTmp, ...) is not switched off',
    rationale:
      'The self-hosted HTTP relay build guide, step 8 runs the relay as its own user with PrivateTmp=true, PrivateDevices=true, ProtectSystem=strict, ' +
      'ProtectHome=true and NoNewPrivileges=true, with write access only to the queue and Postfix\'s spool. The relay parses ' +
      'untrusted JSON from the network and holds the token: if it is ever exploited, the sandbox is what keeps it from ' +
      'rewriting /etc, its own code, or gaining privileges. relay.hardening can override each directive; an override that ' +
      'sets one to false, ProtectSystem to anything weaker than strict (true, full, false), ProtectHome to false or read-only, ' +
      'or makes /, /etc, /usr, /opt or its own /opt/<name> writable through ReadWritePaths undoes that.',
    source: 'the self-hosted HTTP relay build guide, step 8',
    fix: 'Remove the override from relay.hardening; if the relay needs a path, grant that one path with ReadWritePaths.',
    examples: {
      invalid: [
        { description: 'NoNewPrivileges switched off', config: 'relay:\n  hardening:\n    NoNewPrivileges: false\n' },
        { description: 'ProtectSystem weaker than strict', config: 'relay:\n  hardening:\n    ProtectSystem: full\n' },
      ],
      valid: [
        { description: 'The self-hosted HTTP relay build guide\'s settings restated', config: 'relay:\n  hardening:\n    ProtectSystem: strict\n    NoNewPrivileges: true\n' },
      ],
    },
  },
  messages: {
    off: '{{directive}}={{value}} switches off a protection of the relay unit (the self-hosted HTTP relay build guide, step 8 sets it on)',
    weaker: '{{directive}}={{value}} is weaker than {{wanted}}: {{why}}',
    // User and Group are not overridable (schema): relay.user names the account, never root.
    writable: 'ReadWritePaths={{value}} makes {{dir}} writable, undoing ProtectSystem=strict; grant only the paths the relay writes',
  },
  check({ model, views, report }) {
    // The self-hosted HTTP relay build guide keeps the relay's own code read-only (ReadOnlyPaths=/opt/<name>).
    const codeDir = `/opt/${model.name}`;
    // The unit as written: the fixed posture and relay.hardening's replacements, each reported at its config key.
    for (const { key: directive, value: raw, from: at } of views.unit.service.flatMap((group) => group.directives)) {
      const value = text(raw);
      if (value === null) continue;
      const lower = value.toLowerCase();
      if (BOOLEAN_HARDENING.has(directive)) {
        if (FALSE.has(lower)) report({ messageId: 'off', path: at, data: { directive, value } });
      } else if (directive === 'ProtectSystem') {
        if (FALSE.has(lower)) report({ messageId: 'off', path: at, data: { directive, value } });
        else if (lower !== 'strict') {
          const why = TRUE.has(lower)
            ? 'only /usr and /boot turn read-only, /etc stays writable'
            : lower === 'full'
              ? '/usr, /boot and /etc turn read-only, but /var and the rest of the file system stay writable'
              : 'systemd knows only true, full and strict';
          report({ messageId: 'weaker', path: at, data: { directive, value, wanted: 'strict', why } });
        }
      } else if (directive === 'ProtectHome') {
        if (FALSE.has(lower)) report({ messageId: 'off', path: at, data: { directive, value } });
        else if (lower === 'read-only') report({ messageId: 'weaker', path: at, data: { directive, value, wanted: 'true', why: 'home directories stay readable to the relay' } });
      } else if (directive === 'ReadWritePaths') {
        for (const item of value.split(/\s+/).filter(Boolean)) {
          const dir = path.posix.normalize(item.replace(/^[-+]/, '')).replace(/(.)\/+$/, '$1');
          if (SYSTEM_DIRS.includes(dir) || dir === codeDir) report({ messageId: 'writable', path: at, data: { value, dir } });
        }
      }
    }
  },
});
