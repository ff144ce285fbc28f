// Which APPLY.md steps the deploy VM test runs, and its one rewrite of them (shared with the host-only test/vm/apply-steps.test.ts).

/** APPLY.md's steps, in its order. */
export const ALL_STEPS = ['packages', 'dns', 'first-time', 'copy', 'install', 'secrets', 'apply', 'verify'];
/** The steps the guest runs; `dns` is the admin's (publish the zone at the provider, check-dns from their machine). */
export const RUN_STEPS = ALL_STEPS.filter((s) => s !== 'dns');
/** The one rewrite of the notes: rsync to this machine's directory instead of over ssh. */
export const copyOnThisMachine = (code: string) => code.replace(' root@"$HOST":/', ' /');
