// Rules of rules.md "Identity and DNS", in the order of that table.
import type { Rule } from './types.js';

export const identityDnsRules: Rule[] = [];
