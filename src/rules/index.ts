// The rule registry: every rule, by id. A meta test checks each src/rules/<id>.ts is listed here.
import type { Rule } from './types.js';
import { identityDnsRules } from './registry-identity-dns.js';
import { postfixRelayRules } from './registry-postfix-relay.js';

export const rules: readonly Rule[] = [...identityDnsRules, ...postfixRelayRules];

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((rule) => [rule.id, rule]));
