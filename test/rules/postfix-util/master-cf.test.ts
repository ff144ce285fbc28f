// Tests the master.cf view the posture rules read: every service build writes, with its config key.
import { describe, expect, it } from 'vitest';
import { serviceViews, splitInetName } from '../../../src/rules/postfix-util/master-cf.js';
import { buildPostfixModel } from '../../../src/outputs/postfix-model.js';
import { modelFrom } from '../../outputs/model.js';

describe('serviceViews', () => {
  it('lists stock, generated and postfix.services services, each at the key that caused it', () => {
    const views = serviceViews(
      buildPostfixModel(
        modelFrom(`
delivery: { destinations: [{ domain: qq.com }] }
postfix: { services: ["127.0.0.1:10025 inet n - n - - smtpd -o { smtpd_client_restrictions = permit_mynetworks, reject }"] }
`),
      ),
    );
    expect(views[0]).toMatchObject({ name: 'smtp', type: 'inet', command: 'smtpd', host: null, port: 'smtp', path: [] });
    expect(views.find((v) => v.name === 'slow_qq_com')).toMatchObject({ command: 'smtp', path: ['delivery', 'destinations', 0] });
    const extra = views[views.length - 1];
    expect(extra).toMatchObject({ name: '127.0.0.1:10025', host: '127.0.0.1', port: '10025', path: ['postfix', 'services', 0] });
    expect(Object.fromEntries(extra.options)).toEqual({ smtpd_client_restrictions: 'permit_mynetworks, reject' });
  });

  it('splits inet host:port names, bracketed IPv6 included', () => {
    expect(splitInetName('127.0.0.1:10025')).toEqual({ host: '127.0.0.1', port: '10025' });
    expect(splitInetName('[::1]:25')).toEqual({ host: '::1', port: '25' });
    expect(splitInetName('smtp')).toEqual({ host: null, port: 'smtp' });
  });
});
