#!/bin/bash
# Guest side of the deploy VM test, after the APPLY.md steps and the overlay: drives the deployed relay and records what happened.
# Only records; the host judges. Env (from the host): NAME (the config's name = unit, env file,
# token file), SENDER, SENDER_NAME (an allowlisted From), RCPT; ENTRY_HOST, ENTRY_CALLER (allowed),
# ENTRY_OUTSIDER (not allowed), BODY_BYTES (relay.limits.bodyBytes). Writes into $RESULTS:
#   facts/*    directories and files as installed, postconf diff, unit state, systemctl show, /proc of the relay
#   send/*     /health, the first POST /send (curl, as README "Manual verification" step 2), the
#              KILL burst and the OpenDKIM/Postfix restart rounds (client.cjs JSON), MainPIDs, NRestarts
#   sink/*     every message the sink received (NNNN.eml + NNNN.json)
#   journal/*  the relay's journal (-o cat), the mail facility (Postfix, OpenDKIM)
#   entry/*    requests through nginx (relay.entry): <name>.code, .body, .err
#   security.txt  systemd-analyze security of the relay unit
set -u
R=$RESULTS
mkdir -p "$R/facts" "$R/send" "$R/sink" "$R/journal"
: "${NAME:?}" "${SENDER:?}" "${SENDER_NAME:?}" "${RCPT:?}"
UNIT=$NAME.service
SINK=/var/tmp/sink
export TOKEN_FILE=/etc/credstore/$NAME-token
LISTEN=$(sed -n 's/^RELAY_LISTEN=//p' "/etc/$NAME.env")
export RELAY_URL="http://$LISTEN" SENDER SENDER_NAME RCPT
say() { echo "checks: $*"; }
fact() { local name=$1; shift; "$@" > "$R/facts/$name" 2>&1; echo "$name exit=$?" >> "$R/facts/exit-codes"; }

# --- the tree as installed: directories (vs setup.sh's dirs-before), files byte for byte, modes of what the steps made
dirs() {
  (cd /root/build/out && find . -mindepth 1 -type d ! -path './dns' ! -path './dns/*' | sort) | while read -r d; do
    p="/${d#./}"
    if [ -e "$p" ]; then stat -c '%a %U:%G %n' "$p"; else echo "absent $p"; fi
  done
  stat -c '%a %U:%G %n' /
}
dirs > "$R/facts/dirs-after"
(cd /root/build/out && find . -type f ! -path './dns/*' ! -name MANIFEST ! -name APPLY.md | sort) | while read -r f; do
  cmp -s "/root/build/out/$f" "/${f#./}" || echo "${f#./}"
done > "$R/facts/tree-diff"
fact secret-modes stat -c '%a %U:%G %n' /etc/credstore "$TOKEN_FILE" /etc/opendkim/keys /etc/opendkim/keys/* /etc/opendkim/keys/*/* \
  "$(sed -n 's/^QUEUE_ROOT=//p' "/etc/$NAME.env")"
fact key-matches cmp /root/dkim/"$(ls /root/dkim)"/*.private /etc/opendkim/keys/*/*.private
fact token-bytes sh -c "tr -d '\n' < '$TOKEN_FILE' | wc -c"
fact postconf-diff diff <(postconf -c /root/build/out/etc/postfix -n | grep -v '^config_directory =') <(postconf -n)
fact postfix-check postfix check
# the tree the server keeps (APPLY.md install step): current/ is the build, previous/ empty on a first install
fact kept-tree diff -r /root/build/out "/var/lib/relayconf/$NAME/current"
fact previous-tree ls -A "/var/lib/relayconf/$NAME/previous"
fact store-modes stat -c '%a %U:%G %n' /var/lib/relayconf "/var/lib/relayconf/$NAME"

# --- the units
fact is-active systemctl is-active "$UNIT" postfix.service postfix@-.service opendkim.service
fact is-enabled systemctl is-enabled "$UNIT" postfix.service opendkim.service
fact unit-files systemctl show -p FragmentPath -p DropInPaths -p UnitFileState "$UNIT"
fact unit-cat systemctl cat "$UNIT"
fact unit-show systemctl show --all "$UNIT"
fact opendkim-show systemctl show -p ExecStart -p MainPID -p ActiveState opendkim.service
pid=$(systemctl show -p MainPID --value "$UNIT")
echo "$pid" > "$R/send/pid-before-kill"
fact proc-status cat "/proc/$pid/status"
fact proc-cmdline sh -c "tr '\\0' '\\n' < /proc/$pid/cmdline"
fact proc-mountinfo cat "/proc/$pid/mountinfo"
fact proc-environ-keys sh -c "tr '\\0' '\\n' < /proc/$pid/environ | sed 's/=.*//' | sort"
fact ids sh -c "id $(systemctl show -p User --value "$UNIT"); getent group postdrop systemd-journal"
# systemd's own syscall groups (all of them: groups nest), to check the filter it installed
fact syscall-groups systemd-analyze syscall-filter --no-pager
# LoadCredential=: what the relay reads is the credstore file (systemctl show does not list it)
fact credentials sh -c "stat -c '%a %U:%G %n' /run/credentials/$UNIT/*; cmp /run/credentials/$UNIT/$NAME-token $TOKEN_FILE && echo same-as-credstore"
fact listening ss -Hltnp

# --- /health and one POST /send the way the README's manual check does it
curl -sS -o "$R/send/health.body" -w '%{http_code}' "$RELAY_URL/health" > "$R/send/health.code" 2> "$R/send/health.err"
first_subject='vm deploy first'
printf '{"to":"%s","from":{"email":"%s","name":"%s"},"subject":"%s","text":"Plain text of %s.","html":"<p>HTML of %s.</p>"}' \
  "$RCPT" "$SENDER" "$SENDER_NAME" "$first_subject" "$first_subject" "$first_subject" > "$R/send/first.request"
curl -sS -o "$R/send/first.body" -w '%{http_code}' -H "Authorization: Bearer $(cat "$TOKEN_FILE")" \
  -H 'Content-Type: application/json' --data-binary @"$R/send/first.request" "$RELAY_URL/send" > "$R/send/first.code" 2> "$R/send/first.err"
first_id=$(sed -n 's/.*"id":"\([^"]*\)".*/\1/p' "$R/send/first.body")
say "first send: HTTP $(cat "$R/send/first.code"), id ${first_id:-none}"

# Waits until every id in the given files has a message in the sink (Message-ID <id@domain>), or LIMIT seconds.
accepted_ids() { node -e 'for (const f of process.argv.slice(1)) for (const s of require(f).sends) if (s.status === 202) console.log(s.id)' "$@"; }
wait_ids() {  # $1 = limit in seconds, $2.. = ids
  local limit=$1 start missing id; shift
  start=$(date +%s)
  while :; do
    missing=0
    for id in "$@"; do grep -qsF "Message-ID: <$id@" "$SINK"/*.eml || { missing=$((missing + 1)); }; done
    [ "$missing" -eq 0 ] && { say "all $# arrived after $(( $(date +%s) - start )) s"; return 0; }
    [ $(( $(date +%s) - start )) -ge "$limit" ] && { say "$missing of $# still missing after $limit s"; return 1; }
    sleep 1
  done
}
[ -n "$first_id" ] && wait_ids 90 "$first_id"
# its fate as Postfix logged it, read by the relay from the journal (POSTFIX_LOG=journal): GET /messages/{id}
for _ in $(seq 1 30); do
  curl -sS -o "$R/send/first-outcome.body" -w '%{http_code}' -H "Authorization: Bearer $(cat "$TOKEN_FILE")" \
    "$RELAY_URL/messages/${first_id:-none}" > "$R/send/first-outcome.code" 2> "$R/send/first-outcome.err"
  grep -q '"state":"sent"' "$R/send/first-outcome.body" && break
  sleep 1
done

# --- an HTML-only send: the relay makes the text part in its conversion worker thread, which must
# start under the unit's sandbox and on Debian's Node
html_subject='vm deploy html'
printf '{"to":"%s","from":{"email":"%s","name":"%s"},"subject":"%s","html":"<p>HTML only of %s.</p><p><img src=https://example.com/logo.png alt=Logo></p>"}' \
  "$RCPT" "$SENDER" "$SENDER_NAME" "$html_subject" "$html_subject" > "$R/send/html.request"
curl -sS -o "$R/send/html.body" -w '%{http_code}' -H "Authorization: Bearer $(cat "$TOKEN_FILE")" \
  -H 'Content-Type: application/json' --data-binary @"$R/send/html.request" "$RELAY_URL/send" > "$R/send/html.code" 2> "$R/send/html.err"
html_id=$(sed -n 's/.*"id":"\([^"]*\)".*/\1/p' "$R/send/html.body")
say "html-only send: HTTP $(cat "$R/send/html.code"), id ${html_id:-none}"
[ -n "$html_id" ] && wait_ids 90 "$html_id"

# --- SIGKILL in the middle of 50 paced, concurrent sends; Restart= must bring the relay back
systemctl show -p NRestarts --value "$UNIT" > "$R/send/nrestarts-before"
# (a send that finds the relay down is tried again for up to 60 s, as a caller would)
node /opt/vmtest/client.cjs --out "$R/send/burst.json" --count 50 --interval 250 --tag 'vm burst' \
  --at 20 --run "systemctl kill -s KILL $UNIT" --retry-refused 60000
old=$(cat "$R/send/pid-before-kill")
for _ in $(seq 1 90); do
  new=$(systemctl show -p MainPID --value "$UNIT")
  [ "$(systemctl is-active "$UNIT")" = active ] && [ "$new" != 0 ] && [ "$new" != "$old" ] && break
  sleep 1
done
systemctl show -p MainPID --value "$UNIT" > "$R/send/pid-after-kill"
systemctl show -p NRestarts --value "$UNIT" > "$R/send/nrestarts-after"
systemctl is-active "$UNIT" > "$R/send/active-after-kill"
curl -sS --retry 20 --retry-connrefused --retry-delay 1 -o "$R/send/health-after-kill.body" -w '%{http_code}' \
  "$RELAY_URL/health" > "$R/send/health-after-kill.code" 2> "$R/send/health-after-kill.err"
mapfile -t burst_ids < <(accepted_ids "$R/send/burst.json")
wait_ids 150 "${burst_ids[@]}"

# --- a second restart of OpenDKIM, then of Postfix, each with sends before, during and after it
node /opt/vmtest/client.cjs --out "$R/send/restart-opendkim.json" --count 6 --interval 400 --tag 'vm opendkim-restart' \
  --at 2 --run 'systemctl restart opendkim.service'
node /opt/vmtest/client.cjs --out "$R/send/restart-postfix.json" --count 6 --interval 400 --tag 'vm postfix-restart' \
  --at 2 --run 'systemctl restart postfix.service'
fact is-active-after-restarts systemctl is-active "$UNIT" postfix.service postfix@-.service opendkim.service
mapfile -t restart_ids < <(accepted_ids "$R/send/restart-opendkim.json" "$R/send/restart-postfix.json")
# Under milterDefault tempfail, mail picked up while OpenDKIM restarts waits in maildrop for
# pickup's next scan (60 s): the limit covers that.
wait_ids 150 "${restart_ids[@]}"
sleep 3   # room for a late duplicate to show up

# --- the HTTPS entry (relay.entry: nginx-allowlist), as a caller on another host uses it: TLS to the
# entry name, from the allowed address (127.0.0.2) or another (127.0.0.3); the certificate is the one
# the entry step put at certbot's paths
: "${ENTRY_HOST:?}" "${ENTRY_CALLER:?}" "${ENTRY_OUTSIDER:?}" "${BODY_BYTES:?}"
mkdir -p "$R/entry"
via() {  # $1 = source address, $2 = result name, then curl arguments; writes <name>.code, .body, .err
  local src=$1 name=$2; shift 2
  curl -sS --interface "$src" --resolve "$ENTRY_HOST:443:127.0.0.1" --cacert "/etc/letsencrypt/live/$ENTRY_HOST/fullchain.pem" \
    -o "$R/entry/$name.body" -w '%{http_code}' "$@" > "$R/entry/$name.code" 2> "$R/entry/$name.err"
}
fact nginx-active systemctl is-active nginx.service
fact nginx-enabled systemctl is-enabled nginx.service
entry_subject='vm entry'
printf '{"to":"%s","from":{"email":"%s","name":"%s"},"subject":"%s","text":"Plain text of %s."}' \
  "$RCPT" "$SENDER" "$SENDER_NAME" "$entry_subject" "$entry_subject" > "$R/entry/send.request"
via "$ENTRY_CALLER" send -H "Authorization: Bearer $(cat "$TOKEN_FILE")" -H 'Content-Type: application/json' \
  --data-binary @"$R/entry/send.request" "https://$ENTRY_HOST/send"
entry_id=$(sed -n 's/.*"id":"\([^"]*\)".*/\1/p' "$R/entry/send.body")
say "entry send: HTTP $(cat "$R/entry/send.code"), id ${entry_id:-none}"
[ -n "$entry_id" ] && wait_ids 90 "$entry_id"
via "$ENTRY_CALLER" health "https://$ENTRY_HOST/health"
via "$ENTRY_OUTSIDER" outsider -H "Authorization: Bearer $(cat "$TOKEN_FILE")" -H 'Content-Type: application/json' \
  --data-binary @"$R/entry/send.request" "https://$ENTRY_HOST/send"
via "$ENTRY_CALLER" unknown "https://$ENTRY_HOST/admin"
head -c "$((BODY_BYTES + 4096))" /dev/zero | tr '\0' 'x' > /var/tmp/entry-big.json
via "$ENTRY_CALLER" oversize -H "Authorization: Bearer $(cat "$TOKEN_FILE")" -H 'Content-Type: application/json' \
  --data-binary @/var/tmp/entry-big.json "https://$ENTRY_HOST/send"
# wrong tokens through nginx: the relay must count them against the caller's address, not nginx's
for i in $(seq 1 12); do
  via "$ENTRY_CALLER" "wrong-$i" -H 'Authorization: Bearer this-is-not-the-token-of-this-relay-0123456789' \
    -H 'Content-Type: application/json' --data-binary @"$R/entry/send.request" "https://$ENTRY_HOST/send"
done
say "entry: health $(cat "$R/entry/health.code"), outsider $(cat "$R/entry/outsider.code"), unknown $(cat "$R/entry/unknown.code"), oversize $(cat "$R/entry/oversize.code")"

# --- what is left, the logs, the exposure score
fact postqueue-end postqueue -p
queue_root=$(sed -n 's/^QUEUE_ROOT=//p' "/etc/$NAME.env")
# the queue proper; outcome records, the log position and the suppression list live beside it
fact relay-queue-end find "$queue_root/pending" "$queue_root/processing" "$queue_root/failed" -type f
fact relay-suppressions-end sh -c "cat '$queue_root/suppressions.json' 2>/dev/null || echo absent"
# /metrics from this host (METRICS_PEERS: loopback): the delivery outcomes the journal follower counted
curl -sS -o "$R/send/metrics.body" -w '%{http_code}' "$RELAY_URL/metrics" > "$R/send/metrics.code" 2> "$R/send/metrics.err"
systemd-analyze security --no-pager "$UNIT" > "$R/security.txt" 2>&1
journalctl -u "$UNIT" -o cat --no-pager > "$R/journal/relay.txt" 2>&1
journalctl -b SYSLOG_FACILITY=2 -o short-monotonic --no-pager > "$R/journal/mail.txt" 2>&1
journalctl -u vmtest-sink -o cat --no-pager > "$R/journal/sink.txt" 2>&1
for f in "$SINK"/*.eml "$SINK"/*.json; do [ -f "$f" ] && cp "$f" "$R/sink/"; done
say "deploy guest done"
