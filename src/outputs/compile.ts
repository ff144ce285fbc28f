// The compiler: model -> every file of the server tree, sorted by path and byte-deterministic
// (no clock, no versions, no absolute paths of this machine). Only writer.ts touches the disk.
import type { RelayModel } from '../config/model.js';
import type { OutputFile } from './types.js';
import { postfixFiles } from './postfix.js';
import { opendkimFiles } from './opendkim.js';
import { dnsFiles } from './dns-zone.js';
import { systemdUnit } from './systemd.js';
import { relayServerFiles } from './relay-server.js';
import { openApiFile } from './openapi.js';
import { relayEnvFile } from './relay-env.js';
import { applyMd, manifest } from './apply-notes.js';
import { nginxSiteFiles } from './nginx-site.js';
import { cloudflaredFiles } from './cloudflared.js';
import { prometheusFiles } from './prometheus-rules.js';
import { derivedViews, type DerivedViews } from '../lint/views.js';

/** Byte order, not locale order: the same sort on every machine. */
export function byPath(a: OutputFile, b: OutputFile): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/**
 * `views` are the lint run's (build lints first): the record model and the Postfix model that lint
 * judged are the ones written, built once per run. Without them (plan, tests) they are built here.
 */
export function compile(model: RelayModel, views: Pick<DerivedViews, 'records' | 'postfix'> = derivedViews(model)): OutputFile[] {
  // One record model for the zones and the apply notes (and the same one check-dns builds).
  const records = views.records;
  const files: OutputFile[] = [
    ...postfixFiles(model, views.postfix),
    ...opendkimFiles(model),
    ...dnsFiles(model, records),
    systemdUnit(model),
    relayEnvFile(model),
    ...relayServerFiles(model),
    ...nginxSiteFiles(model),
    ...cloudflaredFiles(model),
    ...prometheusFiles(model),
    openApiFile(model),
    applyMd(model, records, views.postfix),
  ];
  const seen = new Set<string>();
  for (const file of files) {
    // Two families claiming one path is a bug here, never something a config can ask for.
    if (seen.has(file.path)) throw new Error(`two outputs write ${file.path}`);
    if (!/^[A-Za-z0-9._@+-]+(\/[A-Za-z0-9._@+-]+)*$/.test(file.path) || file.path.split('/').some((p) => p === '..' || p === '.')) {
      throw new Error(`output path ${JSON.stringify(file.path)} is not a plain relative path`);
    }
    seen.add(file.path);
  }
  files.push(manifest(files));
  return files.sort(byPath);
}
