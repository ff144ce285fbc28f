// POSTFIX_LOG: where the relay reads Postfix's delivery log. `journal` (the default: Debian 12's Postfix
// logs through syslog into journald), `file:/abs/path` (postconf(5) maillog_file, or a syslog file the
// relay user may read), or `off`.
import path from 'node:path';
import type { LogSource } from './log-follower.js';
import { StartupError } from './settings.js';

export const JOURNALCTL = '/usr/bin/journalctl';

export function parsePostfixLog(raw: string | undefined): LogSource | null {
  const value = raw?.trim() || 'journal';
  if (value === 'off') return null;
  if (value === 'journal') return { kind: 'journal', journalctl: JOURNALCTL };
  if (value.startsWith('file:') && path.isAbsolute(value.slice(5))) return { kind: 'file', path: value.slice(5) };
  throw new StartupError(`POSTFIX_LOG=${JSON.stringify(raw)} is none of journal, file:/absolute/path, off`);
}
