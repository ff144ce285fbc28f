// Rules of rules.md "Postfix" and "Relay service", in the order of those tables.
import type { Rule } from './types.js';

export const postfixRelayRules: Rule[] = [];
