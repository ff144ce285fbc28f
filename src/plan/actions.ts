// What each changed file needs on the server after rsync, in the order an admin runs it.
import type { OutputFile } from '../outputs/types.js';
import type { FileChange } from './compare.js';
import { byteCompare } from '../util/compare.js';
import { encodeShellCommand, word, type ShellCommand } from '../outputs/encode/shell.js';
import { installPrivateKey, keyDirectories } from '../outputs/apply-notes.js';
import type { NewKeys } from './keys.js';

/** Instructions in words (the admin's machine and DNS provider): live DNS must show what the new tree signs with before OpenDKIM restarts. */
export const CHECK_DNS = 'on your machine, run `relayconf check-dns` until it passes';
export const PUBLISH_DNS = 'publish the changed records at your DNS provider';

export interface ServerAction {
  /**
   * Sort key, the order of APPLY.md: new private keys, then DNS published and checked, before anything
   * restarts; maps before Postfix reload, OpenDKIM before the relay, removals after the restarts.
   */
  order: number;
  command: string;
  /** A shell command to run as is, or (false) an instruction in words. */
  shell: boolean;
  /** The changed paths that call for it. */
  because: string[];
}

/** Map sources main.cf reads through an indexed table (hash:, lmdb:, cdb:, btree:) need postmap. */
export function indexedMaps(mainCf: string | undefined): Set<string> {
  const maps = new Set<string>();
  for (const match of (mainCf ?? '').matchAll(/\b(?:hash|lmdb|cdb|btree):(\/etc\/postfix\/[^\s,]+)/g)) maps.add(match[1]);
  return maps;
}

export function actionsFor(changes: FileChange[], build: OutputFile[], serviceName: string, newKeys: NewKeys = { keys: [], newDomains: [] }): ServerAction[] {
  const mainCf = build.find((f) => f.path === 'etc/postfix/main.cf')?.content;
  const postmapped = indexedMaps(mainCf);
  const actions = new Map<string, ServerAction>();
  const add = (order: number, command: string, file: string, shell = true) => {
    const action = actions.get(command) ?? { order, command, shell, because: [] };
    if (!action.because.includes(file)) action.because.push(file);
    actions.set(command, action);
  };
  const shellText = (command: ShellCommand) => encodeShellCommand(command, { output: 'plan', key: 'etc/opendkim/KeyTable', from: [] });
  // A key OpenDKIM will sign with is installed, and its record checked live, before OpenDKIM restarts.
  if (newKeys.newDomains.length > 0) add(4, shellText(keyDirectories(newKeys.newDomains)), 'etc/opendkim/KeyTable');
  for (const key of newKeys.keys) add(5, shellText(installPrivateKey(key)), 'etc/opendkim/KeyTable');
  if (newKeys.keys.length > 0) add(7, CHECK_DNS, 'etc/opendkim/KeyTable', false);
  for (const change of changes) {
    const file = change.path;
    const server = `/${file}`;
    // rsync (APPLY.md's install step) adds and updates, never deletes: a file the build no longer
    // writes stays on the server until removed, after the services stopped using it.
    if (change.kind === 'removed' && !file.startsWith('dns/') && file !== 'MANIFEST' && file !== 'APPLY.md') {
      add(55, encodeShellCommand(['rm', '-f', word(server)], { output: 'plan', key: file, from: [] }), file);
    }
    if (file === 'etc/postfix/main.cf' || file === 'etc/postfix/master.cf') {
      add(20, 'postfix check && postfix reload', file);
    } else if (file.startsWith('etc/postfix/')) {
      if (postmapped.has(server) && change.kind !== 'removed') add(10, `postmap ${server}`, file);
      add(20, 'postfix check && postfix reload', file);
    } else if (file === 'etc/opendkim.conf' || file.startsWith('etc/opendkim/')) {
      add(30, 'systemctl restart opendkim', file);
    } else if (file.startsWith('etc/systemd/system/')) {
      add(40, 'systemctl daemon-reload', file);
      const unit = file.slice('etc/systemd/system/'.length);
      add(50, `systemctl restart ${unit}`, file);
    } else if (file === `etc/${serviceName}.env` || file.startsWith(`opt/${serviceName}/`)) {
      add(50, `systemctl restart ${serviceName}.service`, file);
    } else if (file.startsWith('etc/nginx/sites-available/')) {
      const site = file.slice('etc/nginx/sites-available/'.length);
      // A removed site is still enabled through its link in sites-enabled: drop the link after the file, then reload.
      if (change.kind === 'removed') add(56, encodeShellCommand(['rm', '-f', word(`/etc/nginx/sites-enabled/${site}`)], { output: 'plan', key: file, from: [] }), file);
      add(change.kind === 'removed' ? 57 : 45, 'nginx -t && systemctl reload nginx', file);
    } else if (file.startsWith('etc/cloudflared/')) {
      add(45, 'systemctl restart cloudflared', file);
    } else if (file.startsWith('dns/')) {
      add(6, PUBLISH_DNS, file, false);
      add(7, CHECK_DNS, file, false);
    } else if (file === 'MANIFEST' || file === 'APPLY.md') {
      // Notes for the admin; nothing to run.
    } else {
      add(70, `review ${server} (no known action for this path)`, file, false);
    }
  }
  return [...actions.values()].sort((a, b) => a.order - b.order || byteCompare(a.command, b.command));
}
