// The command table. Each command is imported only when it runs, so `lint` never pays for dns2 or eta.
import type { Command } from '../types.js';

export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<Command>;
}

export const COMMANDS: CommandEntry[] = [
  { name: 'lint', summary: 'check the config offline against the policy rules', load: async () => (await import('./lint.js')).default },
  { name: 'build', summary: 'compile the config into the server tree (--out DIR, --check)', load: async () => (await import('./build.js')).default },
  { name: 'plan', summary: 'show what a build would change against a directory', load: async () => (await import('./plan.js')).default },
  { name: 'check-dns', summary: 'query live DNS and compare it with the record model', load: async () => (await import('./check-dns.js')).default },
  { name: 'keygen', summary: 'generate a DKIM key pair (private key outside the repository)', load: async () => (await import('./keygen.js')).default },
  { name: 'init', summary: 'write a commented starter relay.config.yaml', load: async () => (await import('./init.js')).default },
  { name: 'explain', summary: "print a rule's documentation", load: async () => (await import('./explain.js')).default },
  { name: 'rules', summary: 'list every rule with its severity and summary', load: async () => (await import('./rules.js')).default },
];
