// Postfix output: main.cf, master.cf and the map sources they name, encoded from the Postfix model
// (postfix-model.ts) by the one Postfix encoder (encode/postfix.ts); templates only lay them out.
import type { RelayModel } from '../config/model.js';
import type { ApplyHint, OutputFile } from './types.js';
import { render } from './render.js';
import { HASH_MAP, MAIN_CF, MASTER_CF, SMTP_HEADER_CHECKS } from './templates/postfix.js';
import { commentText, encodeMainCfParameter, encodeMapRows, encodeMasterService, type MapRow } from './encode/postfix.js';
import { refuse } from './encode/refuse.js';
import { passwordFiles, saslCredentials } from './sasl-credentials.js';
import { op, word, type ShellCommand } from './encode/shell.js';
import { buildPostfixModel, HEADER_CHECKS_PATH, SENDER_TRANSPORT_PATH, TRANSPORT_PATH, type PostfixModel } from './postfix-model.js';

export { serviceLine } from './encode/postfix.js';
export {
  buildPostfixModel,
  destinationNexthop,
  HEADER_CHECKS_PATH,
  MILTER,
  POSTFIX_DIR,
  postfixDuration,
  relayhostValue,
  SENDER_TRANSPORT_PATH,
  TRANSPORT_PATH,
  type PostfixModel,
} from './postfix-model.js';

const MAIN_CF_PATH = 'etc/postfix/main.cf';
const MASTER_CF_PATH = 'etc/postfix/master.cf';

/** Comments carry config text too (names, hosts): they go through the same refusal of line breaks. */
const comments = (output: string, lines: string[]) => lines.map((line) => commentText({ output, key: 'comment', from: [] }, line));

export function mainCf(model: RelayModel, postfix: PostfixModel = buildPostfixModel(model)): OutputFile {
  const sections = postfix.sections.map((s) => ({
    comments: comments(MAIN_CF_PATH, s.comments),
    entries: s.entries.map((e) => ({ comments: comments(MAIN_CF_PATH, e.comments), line: encodeMainCfParameter(e.param, MAIN_CF_PATH) })),
  }));
  return { path: MAIN_CF_PATH, mode: 0o644, content: render('postfix/main.cf', MAIN_CF, { name: comments(MAIN_CF_PATH, [model.name])[0], sections }) };
}

export function masterCf(model: RelayModel, postfix: PostfixModel = buildPostfixModel(model)): OutputFile {
  const unparsed = postfix.unparsedServices[0];
  if (unparsed) refuse({ output: MASTER_CF_PATH, key: 'service', from: unparsed.from }, 'not one master(5) service line: 8 fields, a known type, no control characters');
  const rows = postfix.services.map((row) => ({ comments: comments(MASTER_CF_PATH, row.comments), lines: encodeMasterService(row.service, MASTER_CF_PATH) }));
  return { path: MASTER_CF_PATH, mode: 0o644, content: render('postfix/master.cf', MASTER_CF, { name: comments(MASTER_CF_PATH, [model.name])[0], rows }) };
}

function hashMap(model: RelayModel, serverPath: string, what: string, notes: string[], rows: MapRow[]): OutputFile {
  const path = serverPath.replace(/^\//, '');
  return {
    path,
    mode: 0o644,
    content: render('postfix/hash-map', HASH_MAP, { name: comments(path, [model.name])[0], path: serverPath, what, comments: comments(path, notes), rows: encodeMapRows(rows, path) }),
  };
}

/** The map sources main.cf names; the SASL password map is the admin's secret and never written. */
export function postfixMaps(model: RelayModel, postfix: PostfixModel = buildPostfixModel(model)): OutputFile[] {
  const files: OutputFile[] = [];
  if (model.delivery.stripInternalHeaders) {
    files.push({ path: HEADER_CHECKS_PATH.slice(1), mode: 0o644, content: render('postfix/smtp_header_checks', SMTP_HEADER_CHECKS, { name: comments(HEADER_CHECKS_PATH.slice(1), [model.name])[0] }) });
  }
  if (postfix.transport.length > 0) {
    const viaSmarthost = model.delivery.mode === 'relayhost' && model.delivery.destinations.some((d) => d.nexthop === null);
    files.push(
      hashMap(
        model,
        TRANSPORT_PATH,
        'transport_maps: recipient domain -> transport:nexthop (transport(5)).',
        viaSmarthost ? ['An empty next hop would mean the recipient domain (transport(5)), so the smarthost is written out.'] : [],
        postfix.transport,
      ),
    );
  }
  if (postfix.senderTransport.length > 0) {
    files.push(hashMap(model, SENDER_TRANSPORT_PATH, 'sender_dependent_default_transport_maps: @sender-domain -> transport (postconf(5) sender_dependent_default_transport_maps).', [], postfix.senderTransport));
  }
  return files;
}

/** Every hash: map the server must postmap after the copy, SASL passwords included. */
export function postmapHints(model: RelayModel): ApplyHint[] {
  const hints: ApplyHint[] = [];
  if (model.delivery.destinations.length > 0) hints.push({ command: ['postmap', TRANSPORT_PATH], why: 'transport_maps' });
  if (model.delivery.senderTransports.length > 0) hints.push({ command: ['postmap', SENDER_TRANSPORT_PATH], why: 'sender_dependent_default_transport_maps' });
  // umask 077: the .db holds the password too (Postfix SASL_README: chmod 600 both).
  for (const file of passwordFiles(saslCredentials(model))) {
    const command: ShellCommand = [op('('), 'umask', '077', op(';'), 'postmap', word(file), op(')')];
    hints.push({ command, why: 'smtp_sasl_password_maps' });
  }
  return hints;
}

export function postfixFiles(model: RelayModel, postfix: PostfixModel = buildPostfixModel(model)): OutputFile[] {
  return [mainCf(model, postfix), masterCf(model, postfix), ...postfixMaps(model, postfix)];
}
