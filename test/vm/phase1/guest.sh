#!/bin/bash
# Guest side of the phase-1 VM test: systemd/Node/Postfix facts, then sendmail submission under each hardening variant.
# Runs as root inside the VM (via test/vm/harness.mjs). Files it expects (placed by the host test):
#   /opt/vmtest/submit.js, /opt/vmtest/submit.sh, /opt/vmtest/variants.tsv
# Writes into $RESULTS:
#   facts/*                  pid1, node version, postfix state ...
#   variants/NAME/{unit,show,journal,security,delivered}
#   sink/*                   every message smtp-sink received; postqueue.txt, postfix.log
set -u
R=$RESULTS
mkdir -p "$R/facts" "$R/variants" "$R/sink"
fact() { local name=$1; shift; "$@" > "$R/facts/$name" 2>&1; echo "exit=$?" >> "$R/facts/$name.rc"; }

# --- the system as booted
fact pid1-comm ps -p 1 -o comm=
fact pid1-exe readlink /proc/1/exe
fact debian-version cat /etc/debian_version
fact systemd-version systemctl --version
fact node-version node --version
fact postfix-version postconf -d -h mail_version
fact kernel uname -r

# --- Postfix: the shape the relay needs (loopback only, relayhost = the test sink on 127.0.0.1:2525)
cat > /etc/postfix/main.cf <<'EOF'
compatibility_level = 3.6
myhostname = relayvm.example.test
mydestination =
inet_interfaces = loopback-only
relayhost = [127.0.0.1]:2525
smtp_tls_security_level = none
alias_maps =
alias_database =
maillog_file = /var/log/postfix.log
EOF
# The sink: smtp-sink (ships with Postfix) dumps every message into /var/tmp/sink.
install -d -o nobody -m 0755 /var/tmp/sink
systemd-run --quiet --unit=vmtest-sink /usr/sbin/smtp-sink -u nobody -d '/var/tmp/sink/%H%M%S.' 127.0.0.1:2525 64
systemctl enable --quiet postfix
systemctl restart postfix
fact postfix-is-active systemctl is-active postfix
fact postfix-instance-is-active systemctl is-active postfix@-
fact sink-is-active systemctl is-active vmtest-sink

# --- a fresh system user, as the relay's own user will be
useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin vmsubmit
fact vmsubmit-id id vmsubmit
fact postdrop-perms stat -c '%A %U:%G %n' /usr/sbin/postdrop /var/spool/postfix/maildrop /var/spool/postfix/public /var/spool/postfix/public/pickup

# --- one oneshot unit per hardening variant
tab=$(printf '\t')
names=()
while IFS="$tab" read -r name driver directives; do
  case "$name" in ''|'#'*) continue ;; esac
  case "$driver" in
    node) exec_start="/usr/bin/node /opt/vmtest/submit.js $name" ;;
    node-jitless) exec_start="/usr/bin/node --jitless /opt/vmtest/submit.js $name" ;;
    sh) exec_start="/opt/vmtest/submit.sh $name" ;;
    *) echo "unknown driver $driver for $name"; exit 2 ;;
  esac
  {
    echo "[Unit]"
    echo "Description=vmtest sendmail submission ($name)"
    echo "[Service]"
    echo "Type=oneshot"
    echo "User=vmsubmit"
    echo "Group=vmsubmit"
    echo "SupplementaryGroups=postdrop"
    echo "NoNewPrivileges=yes"
    echo "ExecStart=$exec_start"
    echo "TimeoutStartSec=90"
    [ -n "$directives" ] && printf '%s\n' "$directives" | tr ';' '\n'
  } > "/etc/systemd/system/vmtest-$name.service"
  mkdir -p "$R/variants/$name"
  cp "/etc/systemd/system/vmtest-$name.service" "$R/variants/$name/unit"
  names+=("$name")
done < /opt/vmtest/variants.tsv
systemctl daemon-reload

for name in "${names[@]}"; do
  d="$R/variants/$name"
  start=$(date +%s%N)
  systemctl start "vmtest-$name.service" > "$d/start.txt" 2>&1
  echo "exit=$?" >> "$d/start.txt"
  echo $(( ($(date +%s%N) - start) / 1000000 )) > "$d/ms"
  systemctl show -p Result -p ExecMainCode -p ExecMainStatus "vmtest-$name.service" > "$d/show"
  journalctl -b --no-pager -o cat -u "vmtest-$name.service" > "$d/journal"
  systemd-analyze security --no-pager "vmtest-$name.service" > "$d/security" 2>&1
done

# --- wait for Postfix to carry everything it accepted to the sink (or give up after 60 s)
for _ in $(seq 1 60); do
  if postqueue -p 2>&1 | grep -q 'Mail queue is empty' && [ -z "$(ls -A /var/spool/postfix/maildrop)" ]; then break; fi
  sleep 1
done
postqueue -p > "$R/sink/postqueue.txt" 2>&1
ls -la /var/spool/postfix/maildrop > "$R/sink/maildrop.txt" 2>&1
cp /var/log/postfix.log "$R/sink/postfix.log" 2>/dev/null
for f in /var/tmp/sink/*; do [ -f "$f" ] && cp "$f" "$R/sink/msg-${f##*/}"; done
for name in "${names[@]}"; do
  if grep -lq "^Message-ID: <vmtest-$name@" /var/tmp/sink/* 2>/dev/null; then echo yes; else echo no; fi > "$R/variants/$name/delivered"
done
echo "phase1 guest done"
