// The relay's webhook signing secret as the outputs name it: one systemd credential per relay, present only
// when relay.webhooks is configured (systemd.exec(5) "Credentials"); the unit loads it, APPLY.md makes it.
import type { RelayModel } from '../config/model.js';
import type { KeyPath } from '../findings.js';

export interface WebhookSecretCredential {
  name: string;
  path: string;
  from: KeyPath;
}

/** `<name>-webhook-secret` in /etc/credstore, or null without webhooks (no secret to make or load). */
export function webhookSecretCredential(model: RelayModel): WebhookSecretCredential | null {
  if (model.relay.webhooks.length === 0) return null;
  const name = `${model.name}-webhook-secret`;
  return { name, path: `/etc/credstore/${name}`, from: ['relay', 'webhooks'] };
}
