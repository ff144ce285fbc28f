// Attack: any relay.webhooks entry dropped the unit's IP fence (IPAddressDeny=any, IPAddressAllow=localhost),
// even when every webhook POSTs to a receiver on this host (http://127.0.0.1:8080/..., the one plain-http
// URL relay-webhook-url-secure allows). A loopback-only relay then could reach any address again, for
// nothing: the fence only has to go for a webhook whose host lies off this machine.
import { describe, expect, it } from 'vitest';
import { systemdUnit } from '../../../src/outputs/systemd.js';
import { modelFrom } from '../model.js';

const fence = (fragment: string) =>
  systemdUnit(modelFrom(fragment))
    .content.split('\n')
    .filter((line) => line.startsWith('IPAddress'));

describe('the IP fence with webhooks, attacked', () => {
  it('webhooks to loopback receivers only keep the fence', () => {
    expect(fence('relay: { webhooks: [{ name: local, url: "http://127.0.0.1:8080/in" }, { name: v6, url: "http://[::1]:9000/in" }, { name: name, url: "http://localhost/in" }] }')).toEqual([
      'IPAddressDeny=any',
      'IPAddressAllow=localhost',
    ]);
  });

  it('one webhook off this host still drops it', () => {
    expect(fence('relay: { webhooks: [{ name: local, url: "http://127.0.0.1:8080/in" }, { name: crm, url: "https://hooks.acme-mail.net/in" }] }')).toEqual([]);
  });
});
