#!/bin/bash
# Guest side of the phase-1 VM test: systemd/Node/Postfix facts, then sendmail submission under each hardening variant.
# Runs as root inside the VM (via test/vm/harness.mjs). Files it expects (placed by the host test):
#   /opt/vmtest/{submit.js,submit.sh,variants.tsv} (this directory), /etc/vmtest/marker
# Env: VM_MATRIX=full runs every variant; otherwise only the "core" set.
# Writes into $RESULTS:
#   facts/*                  pid1, node version, postfix state ...
#   variants/NAME/{unit,show,journal,delivered,postfix-params}, security-all.txt, seccomp.txt
#   sink/*                   every message smtp-sink received; postqueue.txt, postfix.log
set -u
R=$RESULTS
mkdir -p "$R/facts" "$R/variants" "$R/sink"
fact() { local name=$1; shift; "$@" > "$R/facts/$name" 2>&1; echo "exit=$?" >> "$R/facts/$name.rc"; }

# --- the payload as placed by the harness (a file with an explicit mode, a tree copied like cp -a)
for f in /etc/vmtest/marker /opt/vmtest/submit.sh /opt/vmtest/variants.tsv; do
  echo "$(stat -c '%a %U:%G %n' "$f")$( [ "$f" = /etc/vmtest/marker ] && printf ' %s' "$(cat "$f")")"
done > "$R/facts/payload-files"

# --- the system as booted
fact pid1-comm ps -p 1 -o comm=
fact pid1-exe readlink /proc/1/exe
fact debian-version cat /etc/debian_version
fact systemd-version systemctl --version
fact node-version node --version
fact postfix-version postconf -d -h mail_version
fact kernel uname -r

# --- Postfix: the shape the relay needs (loopback only, relayhost = the test sink on 127.0.0.1:10025;
# not 2525, the port relayconf's relay listens on by default)
cat > /etc/postfix/main.cf <<'EOF'
compatibility_level = 3.6
myhostname = relayvm.example.test
mydestination =
inet_interfaces = loopback-only
relayhost = [127.0.0.1]:10025
smtp_tls_security_level = none
alias_maps =
alias_database =
maillog_file = /var/log/postfix.log
EOF
# The sink: smtp-sink (ships with Postfix) dumps every message into /var/tmp/sink.
install -d -o nobody -m 0755 /var/tmp/sink
systemd-run --quiet --unit=vmtest-sink /usr/sbin/smtp-sink -u nobody -d '/var/tmp/sink/%H%M%S.' 127.0.0.1:10025 64
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
round1=() round2=() round3=() round4=()
while IFS="$tab" read -r name driver _expect round set directives; do
  case "$name" in ''|'#'*) continue ;; esac
  [ "$set" = core ] || [ "${VM_MATRIX:-core}" = full ] || continue
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
    # the drivers give up on a hung sendmail after 10 s; this is only the backstop
    echo "TimeoutStartSec=180"
    [ -n "$directives" ] && printf '%s\n' "$directives" | tr ';' '\n'
  } > "/etc/systemd/system/vmtest-$name.service"
  mkdir -p "$R/variants/$name"
  cp "/etc/systemd/system/vmtest-$name.service" "$R/variants/$name/unit"
  case "$round" in 1) round1+=("$name") ;; 2) round2+=("$name") ;; 3) round3+=("$name") ;; 4) round4+=("$name") ;; *) echo "bad round $round"; exit 2 ;; esac
done < /opt/vmtest/variants.tsv
systemctl daemon-reload

# One unit at a time: the guest has 2 vCPUs under TCG on a shared host, and a Node start costs
# seconds of CPU; parallel starts only made every unit slower (and hit timeouts).
run_variants() {
  local n d
  for n in "$@"; do
    d="$R/variants/$n"
    systemctl start "vmtest-$n.service" > "$d/start.txt" 2>&1
    echo "exit=$?" >> "$d/start.txt"
    systemctl show -p Result -p ExecMainCode -p ExecMainStatus -p ActiveState \
      -p ExecMainStartTimestampMonotonic -p ExecMainExitTimestampMonotonic "vmtest-$n.service" > "$d/show"
    journalctl -b --no-pager -o cat -u "vmtest-$n.service" > "$d/journal"
    echo "$round_label" > "$d/postfix-params"
  done
}

# What main.cf says about the parameters sendmail derives from the network interfaces.
params() { echo "inet_interfaces=$(postconf -h inet_interfaces); mynetworks=$(postconf -n mynetworks | sed 's/^mynetworks = //' | grep . || echo default)"; }
round_label=$(params)
run_variants "${round1[@]}"
# Each round sets main.cf's interface-derived parameters (absolute values, so a round does not
# depend on the one before) and is skipped when it has no variants. sendmail reads main.cf on
# every call, which is what the rounds probe; a reload keeps the daemons in step (a restart
# costs ~17 s under TCG and changes nothing for local pickup -> smtp to 127.0.0.1).
next_round() {  # $1 = variants in this round, $2.. = postconf -e assignments ("mynetworks=" = default)
  local count=$1; shift
  [ "$count" -gt 0 ] || return 1
  local a
  for a in "$@"; do
    case "$a" in *=) postconf -X "${a%=}" ;; *) postconf -e "$a" ;; esac
  done
  systemctl reload postfix
  round_label=$(params)
}
next_round "${#round2[@]}" inet_interfaces=127.0.0.1 mynetworks= && run_variants "${round2[@]}"
next_round "${#round3[@]}" inet_interfaces=127.0.0.1 'mynetworks=127.0.0.0/8 [::1]/128' && run_variants "${round3[@]}"
next_round "${#round4[@]}" inet_interfaces=loopback-only 'mynetworks=127.0.0.0/8 [::1]/128' && run_variants "${round4[@]}"
# One systemd-analyze run for all units (each run costs seconds under TCG); the host splits it
# at the "Overall exposure level for UNIT" lines.
units=()
for n in "${round1[@]}" "${round2[@]}" "${round3[@]}" "${round4[@]}"; do units+=("vmtest-$n.service"); done
systemd-analyze security --no-pager "${units[@]}" > "$R/security-all.txt" 2>&1
# The seccomp kills the kernel audited (syscall numbers), for the report.
journalctl -b --no-pager -o short-monotonic | grep -a 'SECCOMP' > "$R/seccomp.txt"

# --- wait for Postfix to carry everything it accepted to the sink (or give up after 60 s)
for _ in $(seq 1 60); do
  if postqueue -p 2>&1 | grep -q 'Mail queue is empty' && [ -z "$(ls -A /var/spool/postfix/maildrop)" ]; then break; fi
  sleep 1
done
postqueue -p > "$R/sink/postqueue.txt" 2>&1
ls -la /var/spool/postfix/maildrop > "$R/sink/maildrop.txt" 2>&1
cp /var/log/postfix.log "$R/sink/postfix.log" 2>/dev/null
for f in /var/tmp/sink/*; do [ -f "$f" ] && cp "$f" "$R/sink/msg-${f##*/}"; done
for name in "${round1[@]}" "${round2[@]}" "${round3[@]}" "${round4[@]}"; do
  if grep -lq "^Message-ID: <vmtest-$name@" /var/tmp/sink/* 2>/dev/null; then echo yes; else echo no; fi > "$R/variants/$name/delivered"
done
echo "phase1 guest done"
