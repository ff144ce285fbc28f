#!/bin/bash
# THE test overlay of the deploy VM test, run once after the last APPLY.md step: Postfix's next hop is the sink in this guest.
# The generated main.cf says `relayhost =` (direct MX delivery, root relay.config.yaml); this guest
# has no network card, so Postfix instead hands every message to the sink on 127.0.0.1:10025.
# That one main.cf line is the whole overlay: the unit, server.js, the env file, OpenDKIM's files,
# master.cf and the rest of main.cf stay as built (the host asserts `postconf -n` differs from the
# build's by relayhost alone, and every other installed file is byte-identical). A reload is
# enough for relayhost. The generated smtp_tls_security_level (may) works with a sink that offers
# no STARTTLS; a config that demands TLS would need `smtp_tls_security_level = none` too, so this
# refuses such a config rather than growing the overlay silently.
set -eu
case "$(postconf -h smtp_tls_security_level)" in
  encrypt|verify|secure|dane-only|fingerprint)
    echo "overlay: the generated smtp_tls_security_level demands TLS; the sink has none (extend the overlay knowingly)"; exit 1 ;;
esac
postconf -e 'relayhost = [127.0.0.1]:10025'
systemctl reload postfix.service
echo "overlay: relayhost = $(postconf -h relayhost)"
