// Runs every live check against the record model the build emits (buildRecordModel): one model for
// generating and checking. Checks run side by side; a lookup that fails is its own finding and
// never hides the others.
import type { Finding } from '../../findings.js';
import { compareFindings } from '../../findings.js';
import type { RelayModel } from '../../config/model.js';
import type { ConfigSource } from '../../config/source.js';
import { buildRecordModel, type RecordModel } from '../records.js';
import type { DnsResolver } from '../resolver.js';
import { checkAddresses } from './address.js';
import { checkBimi } from './bimi.js';
import { createContext } from './context.js';
import { checkDkim } from './dkim.js';
import { checkDmarc } from './dmarc.js';
import { checkExtraRecords } from './extra.js';
import { checkMx } from './mx.js';
import { checkPtrs } from './ptr.js';
import { checkSpf, type SpfCheckResult } from './spf.js';

export { DNS_CHECK_RULES, type DnsCheckId } from './rules.js';

export interface DnsCheckReport {
  findings: Finding[];
  spf: SpfCheckResult[];
  records: RecordModel;
}

export async function runDnsChecks(model: RelayModel, source: ConfigSource, resolver: DnsResolver): Promise<DnsCheckReport> {
  const records = buildRecordModel(model);
  const ctx = createContext(model, records, resolver, source);
  const [, , spf] = await Promise.all([
    checkAddresses(ctx),
    checkPtrs(ctx),
    checkSpf(ctx),
    checkDkim(ctx),
    checkDmarc(ctx),
    checkMx(ctx),
    checkBimi(ctx),
    checkExtraRecords(ctx),
  ]);
  return { findings: [...ctx.findings].sort(compareFindings), spf, records };
}
