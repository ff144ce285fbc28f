// The derived views every rule reads, built at most once per lint run (as ESLint hands each rule
// context.sourceCode): the DNS record model, the Postfix model that build writes, master.cf services
// as the posture rules query them, the published SPF records with each term's config key, and the relay's
// systemd unit directives, its env file settings, and every command the config makes the server run.
import type { RelayModel } from '../config/model.js';
import { buildRecordModel, recordsByName, type DnsRecord, type RecordModel } from '../dns/records.js';
import { normalizeName } from '../rules/util/dns-name.js';
import { dmarcOwners } from '../rules/util/dmarc.js';
import { identityValues } from '../rules/util/identity-values.js';
import { documentationHits, type DocumentationHit } from '../rules/util/documentation-values.js';
import type { KeyPath } from '../findings.js';
import { buildPostfixModel, type PostfixModel } from '../outputs/postfix-model.js';
import { unitDirectives } from '../outputs/systemd.js';
import { relayEnvSettings } from '../outputs/relay-env.js';
import { commandRuns, type CommandRun } from '../rules/util/commands.js';
import { serviceViews, type ServiceView } from '../rules/postfix-util/master-cf.js';
import { publishedSpfRecords, StaticDns, type PublishedSpf } from '../rules/util/spf-static.js';

export interface DerivedViews {
  /** Every DNS record the zones publish, with its config key. */
  readonly records: RecordModel;
  /** The records of `records` by owner name, in its order: a rule looks a name up instead of scanning every record per domain. */
  readonly recordsByName: ReadonlyMap<string, readonly DnsRecord[]>;
  /** Each domain name with a dmarc block and the index of its first entry (rules/util/dmarc.ts). */
  readonly dmarcOwners: ReadonlyMap<string, number>;
  /** Every user-written identity value with the documentation addresses and reserved names in it (ip-documentation-range, reserved-name). */
  readonly identityHits: readonly { path: KeyPath; value: string; hits: DocumentationHit[] }[];
  /** The sending domains' names as DNS compares them; `nearestParent` (dns/name-index.ts) says which one a name is at or under. */
  readonly sendingNames: ReadonlySet<string>;
  /** main.cf, master.cf and the maps exactly as build writes them, raw overrides included. */
  readonly postfix: PostfixModel;
  /** Every master.cf service build writes, read for the posture rules. */
  readonly services: readonly ServiceView[];
  /** The SPF record of each return-path domain, terms with their config keys. */
  readonly spf: readonly PublishedSpf[];
  /** A/AAAA/MX answers from the records this config writes. */
  readonly dns: StaticDns;
  /** The relay's systemd unit as build writes it: typed directives, relay.hardening applied, each with its config key. */
  readonly unit: ReturnType<typeof unitDirectives>;
  /** The relay's env file settings as build writes them, each with its config key. */
  readonly env: ReturnType<typeof relayEnvSettings>;
  /** Every program the written config runs beyond Postfix's and the relay's own, with its user and config key. */
  readonly commands: readonly CommandRun[];
}

/** Lazy, memoized views: a rule set that needs no Postfix model never builds one, and none builds it twice. */
export function derivedViews(model: RelayModel): DerivedViews {
  const memo: Partial<{ -readonly [K in keyof DerivedViews]: DerivedViews[K] }> = {};
  const once = <K extends keyof DerivedViews>(key: K, build: () => DerivedViews[K]): DerivedViews[K] => (memo[key] ??= build()) as DerivedViews[K];
  const views: DerivedViews = {
    get records() {
      return once('records', () => buildRecordModel(model));
    },
    get recordsByName() {
      return once('recordsByName', () => recordsByName(views.records.records));
    },
    get dmarcOwners() {
      return once('dmarcOwners', () => dmarcOwners(model));
    },
    get identityHits() {
      return once('identityHits', () => identityValues(model).map((v) => ({ ...v, hits: documentationHits(v.value) })));
    },
    get sendingNames() {
      return once('sendingNames', () => new Set(model.domains.map((d) => normalizeName(d.name))));
    },
    get postfix() {
      return once('postfix', () => buildPostfixModel(model));
    },
    get services() {
      return once('services', () => serviceViews(views.postfix));
    },
    get spf() {
      return once('spf', () => publishedSpfRecords(views.records));
    },
    get dns() {
      return once('dns', () => new StaticDns(model, views.records));
    },
    get unit() {
      return once('unit', () => unitDirectives(model));
    },
    get env() {
      return once('env', () => relayEnvSettings(model));
    },
    get commands() {
      return once('commands', () => commandRuns(model, views.postfix, views.env, views.unit));
    },
  };
  return views;
}
