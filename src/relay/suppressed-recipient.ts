// POST /send's suppression check: the first envelope recipient (To, Cc, Bcc in order) on the suppression
// list makes the request a 422 recipient_suppressed naming that field; nothing is queued.
import { apiError, type ApiError } from './errors.js';
import type { MailRequest } from './validate.js';

export function suppressedRecipient(mail: Pick<MailRequest, 'to' | 'cc' | 'bcc'>, isSuppressed: (address: string) => boolean): ApiError | null {
  for (const field of ['to', 'cc', 'bcc'] as const) {
    const list = mail[field] ?? [];
    for (let i = 0; i < list.length; i += 1) {
      if (isSuppressed(list[i])) {
        return apiError(422, 'recipient_suppressed', `${list[i]} is on the suppression list after a hard bounce; remove it with DELETE /suppressions/{address} once the address works again`, `${field}[${i}]`);
      }
    }
  }
  return null;
}
