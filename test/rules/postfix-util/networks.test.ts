// Tests the network classification behind mynetworks-not-open, postfix-loopback-only and the listen rules.
import { describe, expect, it } from 'vitest';
import { addressScope, isLoopbackHost, parseNetworkEntry } from '../../../src/rules/postfix-util/networks.js';

const scope = (text: string) => {
  const entry = parseNetworkEntry(text);
  return entry.kind === 'ip' ? `${entry.scope}/${entry.prefix}` : entry.kind;
};

describe('parseNetworkEntry', () => {
  it('classifies the entries the seeds write', () => {
    expect(scope('127.0.0.0/8')).toBe('loopback/8');
    expect(scope('[::1]/128')).toBe('loopback/128');
    expect(scope('10.0.0.0/8')).toBe('private/8'); // seed 02
    expect(scope('192.168.1.0/24')).toBe('private/24'); // seed 02
    expect(scope('[fe80::]/10')).toBe('link-local/10'); // seed 04
    expect(scope('100.64.0.0/10')).toBe('shared/10');
    expect(scope('fd00::/8')).toBe('private/8');
  });

  it('treats anything reaching past a special block as public', () => {
    expect(scope('0.0.0.0/0')).toBe('any/0');
    expect(scope('::/0')).toBe('any/0');
    expect(scope('[::]/0')).toBe('any/0');
    expect(scope('10.0.0.0/7')).toBe('public/7'); // also covers 11.0.0.0/8
    expect(scope('8.0.0.0/8')).toBe('public/8');
    expect(scope('94.130.10.20')).toBe('public/32');
  });

  it('keeps negation and recognises tables and names', () => {
    const negated = parseNetworkEntry('!10.0.0.0/8');
    expect(negated.negated).toBe(true);
    expect(scope('hash:/etc/postfix/network_table')).toBe('table');
    expect(scope('/etc/postfix/mynetworks')).toBe('table'); // seed 05
    expect(scope('.example.com')).toBe('hostname');
  });
});

describe('listen hosts', () => {
  it('knows loopback and wildcards', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('::1')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('10.0.0.5')).toBe(false);
    expect(addressScope('0.0.0.0')).toBe('any');
    expect(addressScope('::')).toBe('any');
    expect(addressScope('100.101.102.103')).toBe('shared');
    expect(addressScope('94.130.10.21')).toBe('public');
    expect(addressScope('relay.internal')).toBeUndefined();
  });
});
