#!/bin/sh
# Guest-side driver without Node (test/vm phase 1): submits one message with sendmail, to tell sendmail's own limits from Node's.
name=${1:-unnamed}
out=$(printf 'From: x@example.com\nTo: sink@example.net\nSubject: vmtest %s\nMessage-ID: <vmtest-%s@relayvm.example.test>\n\nhardening variant %s\n' \
  "$name" "$name" "$name" | timeout -s KILL 10 /usr/sbin/sendmail -t -oi -f x@example.com 2>&1)
rc=$?
# 137: killed by timeout; postdrop retries for ever when it cannot write maildrop
[ $rc -eq 137 ] && echo "sendmail hung: killed after 10 s"
echo "sendmail exit=$rc output=\"$out\""
exit $rc
