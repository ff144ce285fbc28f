#!/bin/sh
# Installs the Debian packages the system tests drive (npm run test:system): Postfix, OpenDKIM,
# BIND's checkers, dig and systemd-analyze; setpriv, rsync, curl and ss for the end-to-end chain test; nginx for the entry gateway checks (nginx -t, the loopback TLS test); pre-commit for the config-repository hooks; promtool (prometheus) for the generated alert rules and the live /metrics. Idempotent and fast: apt runs only when a tool is missing.
set -eu

# One "command package" pair per line: the command proves the package is there. Append yours.
REQUIREMENTS='
postconf postfix
postmap postfix
opendkim opendkim
opendkim-genkey opendkim-tools
named-checkzone bind9-utils
dig bind9-dnsutils
systemd-analyze systemd
script bsdutils
setpriv util-linux
rsync rsync
curl curl
nginx nginx
ss iproute2
useradd passwd
systemd-tmpfiles systemd
smtp-source postfix
pre-commit pre-commit
promtool prometheus
'

have() { command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ] || [ -x "/sbin/$1" ]; }

need=""
while read -r cmd pkg; do
  [ -n "$cmd" ] || continue
  have "$cmd" && continue
  case " $need " in *" $pkg "*) ;; *) need="$need $pkg" ;; esac
done <<EOF
$REQUIREMENTS
EOF

if [ -z "$need" ]; then
  echo "install-system-deps: all present"
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install-system-deps: installing$need"
# Postfix asks what kind of mail server this is; "No configuration" leaves /etc/postfix/main.cf
# unwritten (the tests pass their own config directories with -c).
echo "postfix postfix/main_mailer_type select No configuration" | $SUDO debconf-set-selections
$SUDO apt-get update -qq
# --no-install-recommends: the checkers need none of the recommended extras.
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $need
