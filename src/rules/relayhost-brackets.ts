// relayhost-brackets: a smarthost (or per-destination next hop) written without [brackets] triggers an MX lookup.
import type { KeyPath } from '../findings.js';
import { createRule } from './types.js';
import { effectiveParameter } from './postfix-util/main-cf.js';
import { clientServices } from './postfix-util/tls.js';
import { parseNexthop } from './postfix-util/nexthop.js';
import { splitList } from './postfix-util/values.js';

export default createRule({
  id: 'relayhost-brackets',
  defaultSeverity: 'info',
  docs: {
    summary: 'A smarthost given without [brackets] makes Postfix look up its MX records first',
    rationale:
      'Seed 02: "Square brackets = connect directly, don\'t do MX lookup". relayhost = smtp.provider.net:587 makes Postfix ' +
      'resolve the MX records of smtp.provider.net and deliver to whatever they name, usually not the submission host; ' +
      'an IP address without brackets is looked up as a domain name and fails. The SASL password map is also looked up ' +
      'by the next hop as written, so seed 02\'s sasl_passwd key [host]:587 stops matching: with authentication this is ' +
      'reported as a warning. Per-destination next hops (delivery.destinations[].nexthop) and -o relayhost= of services ' +
      'follow the same syntax.',
    source: 'seed 02',
    fix: 'Leave delivery.relayhost.mxLookup unset (false), and write overrides and next hops as [host]:port.',
    examples: {
      invalid: [
        {
          description: 'A smarthost resolved through MX records',
          config: 'delivery:\n  mode: relayhost\n  relayhost:\n    host: smtp.mailhost-provider.net\n    mxLookup: true\n  tls: encrypt\ndomain0:\n  spf: { include: [spf.mailhost-provider.net], all: "-all" }\n',
        },
      ],
      valid: [
        {
          description: 'The smarthost connected directly, written [smtp.mailhost-provider.net]:587',
          config: 'delivery:\n  mode: relayhost\n  relayhost:\n    host: smtp.mailhost-provider.net\n  tls: encrypt\ndomain0:\n  spf: { include: [spf.mailhost-provider.net], all: "-all" }\n',
        },
      ],
    },
  },
  messages: {
    mxLookup:
      'relayhost {{value}} has no [brackets]: Postfix looks up the MX records of {{host}} and delivers to them instead of connecting to {{host}}{{auth}}',
  },
  check({ model, views, report }) {
    const relayhost = model.delivery.mode === 'relayhost' ? model.delivery.relayhost : null;
    const withAuth = ' (and the SASL password map entry for [host]:port no longer matches)';
    const judge = (value: string, path: KeyPath, auth: boolean) => {
      for (const item of splitList(value)) {
        const hop = parseNexthop(item);
        if (hop.bracketed || hop.host === '') continue;
        report({
          messageId: 'mxLookup',
          path,
          severity: auth ? 'warning' : undefined,
          data: { value: hop.text, host: hop.host, auth: auth ? withAuth : '' },
        });
      }
    };

    const param = effectiveParameter(views.postfix, 'relayhost');
    const auth = effectiveParameter(views.postfix, 'smtp_sasl_auth_enable')?.value === 'yes';
    if (param?.overridden) judge(param.value, param.from, auth);
    else if (relayhost?.mxLookup) judge(param?.value ?? relayhost.host, ['delivery', 'relayhost', 'mxLookup'], auth);

    model.delivery.destinations.forEach((dest, i) => {
      if (dest.nexthop !== null) judge(dest.nexthop, ['delivery', 'destinations', i, 'nexthop'], false);
    });
    for (const service of clientServices(views.services)) {
      const own = service.options.get('relayhost');
      if (own !== undefined) judge(own, service.path, service.options.get('smtp_sasl_auth_enable') === 'yes' || auth);
    }
  },
});
