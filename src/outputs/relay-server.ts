// Placeholder: the relay helper replaces this with the bundled server.js output (issue 5).
import type { RelayModel } from '../config/model.js';
import type { OutputFile } from './types.js';

export function relayServerFiles(_model: RelayModel): OutputFile[] {
  return [];
}
