// Runs every live check against the record model the build emits (buildRecordModel): one model for
// generating and checking. Checks run side by side; a lookup that fails is its own finding and
// never hides the others.
import type { Finding, SeverityOrOff } from '../../findings.js';
import { ruleOverrideFindings } from '../../rules/severity.js';
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
import { checkEntryRecords } from './entry.js';
import { checkMx } from './mx.js';
import { checkPtrs } from './ptr.js';
import { checkSpf, type SpfCheckResult } from './spf.js';

export { dnsRules, dnsRulesById, type DnsCheckId } from './rules.js';

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

export interface DnsCheckOptions {
  /** `--rule id=level` from the command line; the config's lint.rules apply too, as in lint. */
  ruleOverrides?: Record<string, SeverityOrOff>;
}

export async function runDnsChecks(model: RelayModel, source: ConfigSource, plainResolver: DnsResolver, options: DnsCheckOptions = {}): Promise<DnsCheckReport> {
  const records = buildRecordModel(model);
  const resolver = countingResolver(plainResolver);
  const ctx = createContext(model, records, resolver, source, { cli: options.ruleOverrides, config: model.lint.rules });
  const [, , spf] = await Promise.all([
    checkAddresses(ctx),
    checkPtrs(ctx),
    checkSpf(ctx),
    checkDkim(ctx),
    checkDmarc(ctx),
    checkMx(ctx),
    checkBimi(ctx),
    checkExtraRecords(ctx),
    checkEntryRecords(ctx),
  ]);
  if (resolver.answered === 0 && resolver.unanswered > 0) {
    // A dead resolver is one problem, not one per record (and not a statement about the zone).
    ctx.findings.length = 0;
    report(ctx, 'dns-resolver-unreachable', 'none', [], { resolver: resolverLabel(resolver.server), count: resolver.unanswered });
  }
  // A lint.rules entry that cannot apply is an error here as in lint: the overrides it meant are not in force.
  const overrideProblems = ruleOverrideFindings(source, model.lint.rules);
  return { findings: [...overrideProblems, ...ctx.findings].sort(compareFindings), spf, records };
}
