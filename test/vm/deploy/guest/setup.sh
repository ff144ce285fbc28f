#!/bin/bash
# Guest side of the deploy VM test, before the APPLY.md steps: the sink Postfix will deliver to, and the state the copy step must not change.
# Nothing here touches what the notes configure: the sink is the recipient side of the test (the
# "Internet" this guest has none of), listening on 127.0.0.1:10025, off the relay's 2525 and
# Postfix's 25. Writes $RESULTS/facts/dirs-before (mode owner path of every directory the tree has
# on the server, or "absent"), so the host can check that rsync -p left / and /etc as they were.
set -u
R=$RESULTS
mkdir -p "$R/facts"

# The payload's private key directory is root-only, as APPLY.md defines $DKIM_PRIVATE_DIR (the
# harness installs files with `install -D`, which makes 0755 parents).
chmod 0700 /root/dkim /root/dkim/*

dirs() {
  (cd /root/build/out && find . -mindepth 1 -type d ! -path './dns' ! -path './dns/*' | sort) | while read -r d; do
    p="/${d#./}"
    if [ -e "$p" ]; then stat -c '%a %U:%G %n' "$p"; else echo "absent $p"; fi
  done
  stat -c '%a %U:%G %n' /
}
dirs > "$R/facts/dirs-before"

# The server's own address (mta.ipv4), as a real server has it on an interface: main.cf binds
# outgoing SMTP to it (smtp_bind_address). This guest has no network card, so it goes on lo.
: "${MTA_IPV4:?}"
ip addr add "$MTA_IPV4/32" dev lo || { echo "setup: cannot add $MTA_IPV4 to lo"; exit 1; }
echo "setup: $MTA_IPV4 on lo"

install -d -o nobody -g nogroup -m 0755 /var/tmp/sink
systemd-run --quiet --unit=vmtest-sink --uid=nobody --gid=nogroup \
  /usr/bin/node /opt/vmtest/sink.cjs 127.0.0.1 10025 /var/tmp/sink
for _ in $(seq 1 60); do
  ss -Hltn 'sport = :10025' | grep -q 127.0.0.1:10025 && break
  sleep 0.5
done
ss -Hltn 'sport = :10025' | grep -q 127.0.0.1:10025 || { echo "setup: the sink never listened"; journalctl -u vmtest-sink --no-pager; exit 1; }
echo "setup: sink up on 127.0.0.1:10025"
