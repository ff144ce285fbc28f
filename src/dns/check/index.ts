// Runs every live check against the record model the build emits (buildRecordModel): one model for
// generating and checking. Checks run side by side; a lookup that fails is its own finding and
// never hides the others.
import type { Finding } from '../../findings.js';
import { compareFindings } from '../../findings.js';
import type { RelayModel } from '../../config/model.js';
import type { ConfigSource } from '../../config/source.js';
import { buildRecordModel, type RecordModel } from '../records.js';
import { isVoidError, resolverLabel, type AnswerOf, type DnsResolver, type RecordType } from '../resolver.js';
import { checkAddresses } from './address.js';
import { checkBimi } from './bimi.js';
import { createContext, report } from './context.js';
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

/** The resolver, counting lookups that got an answer (records or NXDOMAIN/NODATA) and those that got none. */
function countingResolver(resolver: DnsResolver): DnsResolver & { answered: number; unanswered: number } {
  const counted = {
    server: resolver.server,
    timeoutMs: resolver.timeoutMs,
    tries: resolver.tries,
    answered: 0,
    unanswered: 0,
    async resolve<T extends RecordType>(name: string, type: T): Promise<AnswerOf<T>> {
      try {
        const answers = await resolver.resolve(name, type);
        counted.answered++;
        return answers;
      } catch (error) {
        if (isVoidError(error)) counted.answered++;
        else counted.unanswered++;
        throw error;
      }
    },
  };
  return counted;
}

export async function runDnsChecks(model: RelayModel, source: ConfigSource, plainResolver: DnsResolver): Promise<DnsCheckReport> {
  const records = buildRecordModel(model);
  const resolver = countingResolver(plainResolver);
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
  if (resolver.answered === 0 && resolver.unanswered > 0) {
    // A dead resolver is one problem, not one per record (and not a statement about the zone).
    ctx.findings.length = 0;
    report(ctx, 'dns-resolver-unreachable', [], `the resolver ${resolverLabel(resolver.server)} answered none of ${resolver.unanswered} lookups (each timed out or was refused), so no record was checked: check --resolver and the network path`);
  }
  return { findings: [...ctx.findings].sort(compareFindings), spf, records };
}
