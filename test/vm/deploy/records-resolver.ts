// A mailauth resolver answering from the build's DNS record model only (buildRecordModel): the zone the admin publishes, nothing else.
// Every name the model does not hold (or holds with another type) is ENOTFOUND, so a verdict can
// only rest on the records relayconf generated, and nothing is ever looked up on the network.
import { buildRecordModel } from '../../../src/dns/records.js';
import type { RelayModel } from '../../../src/config/model.js';

export type MailauthResolver = (name: string, type: string) => Promise<unknown>;

/** node:dns-shaped answers (TXT: string[][], MX: {exchange, priority}[], A/AAAA: string[]). */
export function recordModelResolver(model: RelayModel): MailauthResolver {
  const { records } = buildRecordModel(model);
  return async (name, type) => {
    const owner = name.toLowerCase().replace(/\.$/, '');
    const hits = records.filter((r) => r.name === owner && r.type === type);
    if (hits.length === 0) {
      throw Object.assign(new Error(`query${type} ENOTFOUND ${name}`), { code: 'ENOTFOUND', hostname: name });
    }
    if (type === 'TXT') return hits.map((r) => r.strings ?? [r.value]);
    if (type === 'MX') return hits.map((r) => ({ exchange: r.value, priority: r.priority ?? 0 }));
    return hits.map((r) => r.value);
  };
}
