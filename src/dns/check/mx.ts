// MX: each sending domain keeps a real MX (replies, bounces, DMARC reports), it is the configured
// set, and it is not this send-only relay (the self-hosted HTTP relay build guide, step 2, MX).
import { lookup, report, reportFailure, type CheckContext } from './context.js';
import { sameIp } from './ip.js';

export async function checkMx(ctx: CheckContext): Promise<void> {
  const relayNames = new Set([ctx.model.mta.hostname, ...ctx.model.delivery.senderTransports.map((t) => t.heloName)].map((n) => n.toLowerCase()));
  const relayIps = [ctx.model.mta.ipv4, ctx.model.mta.ipv6, ...ctx.model.delivery.senderTransports.map((t) => t.bindAddress)].filter((ip): ip is string => !!ip);
  await Promise.all(
    ctx.model.domains.map(async (domain, i) => {
      const name = domain.name.toLowerCase();
      const configured = ctx.records.records.filter((r) => r.purpose === 'mx' && r.name === name);
      const path = configured.length > 0 ? ['domains', i, 'mx'] : ['domains', i, 'name'];
      const answer = await lookup(ctx, name, 'MX');
      if (answer.status === 'failed') return reportFailure(ctx, path, name, 'MX', answer.error, `the MX of ${name}`);
      if (answer.status === 'void') {
        return report(ctx, 'dns-mx-missing', 'none', path, { name, detail: answer.detail });
      }
      const hosts = answer.answers.map((mx) => ({ priority: mx.priority, host: mx.exchange.toLowerCase().replace(/\.$/, '') }));
      if (hosts.every((h) => h.host === '')) {
        return report(ctx, 'dns-mx-missing', 'nullMx', path, { name });
      }
      const byName = hosts.filter((h) => relayNames.has(h.host)).map((h) => h.host);
      const addresses = await Promise.all(
        hosts.filter((h) => h.host !== '' && !relayNames.has(h.host)).map(async (h) => {
          const [a, aaaa] = await Promise.all([lookup(ctx, h.host, 'A'), lookup(ctx, h.host, 'AAAA')]);
          return { host: h.host, a, aaaa };
        }),
      );
      const byIp = addresses
        .filter(({ a, aaaa }) => [a, aaaa].some((r) => r.status === 'ok' && r.answers.some((ip) => relayIps.some((mine) => sameIp(ip, mine)))))
        .map(({ host }) => host);
      const relay = [...byName, ...byIp];
      if (relay.length > 0) {
        report(ctx, 'dns-mx-this-relay', 'relay', path, { name, hosts: relay.join(', ') });
      }
      if (configured.length === 0) return;
      const key = (h: { priority: number; host: string }) => `${h.priority} ${h.host}`;
      const want = configured.map((r) => key({ priority: r.priority ?? 0, host: r.value }));
      const have = hosts.map(key);
      const missing = want.filter((w) => !have.includes(w));
      const extra = have.filter((h) => !want.includes(h));
      if (missing.length > 0 || extra.length > 0) {
        report(ctx, 'dns-mx-mismatch', 'differs', path, {
          name,
          have: have.sort().join(', '),
          want: want.sort().join(', '),
          missing: missing.length ? ` (missing ${missing.join(', ')})` : '',
          extra: extra.length ? ` (not in the config: ${extra.join(', ')})` : '',
        });
      }
    }),
  );
}
