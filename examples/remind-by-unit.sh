#!/usr/bin/env bash
# Mails each unit its own reminders (duban remind --unit U) at the address in
# the config, through the system's sendmail. Units with nothing due get no
# mail. Run from cron on working mornings (see examples/crontab).
#
#   DUBAN     the duban binary (default: duban on PATH)
#   SENDMAIL  the sendmail program (default: /usr/sbin/sendmail)
#   FROM      the sender (default: duban@$(hostname))
set -euo pipefail
duban=${DUBAN:-duban}
sendmail=${SENDMAIL:-/usr/sbin/sendmail}
from=${FROM:-duban@$(hostname 2>/dev/null || echo localhost)}

# RFC 2047, so that a Chinese subject survives every mail system.
encode() { printf '=?UTF-8?B?%s?=' "$(printf '%s' "$1" | base64 -w0)"; }

units=$("$duban" --format tsv unit list)  # a bad config stops here, once
# Tabs become \037 first: read would merge empty tab-separated fields.
printf '%s\n' "$units" | tail -n +2 | tr '\t' '\037' |
  while IFS=$'\037' read -r code name parent head email; do
    [ -n "$email" ] || continue
    body=$("$duban" remind --working-days --unit "$code")
    [ -n "$body" ] || continue
    {
      printf 'From: %s\nTo: %s\n' "$from" "$email"
      printf 'Subject: %s\n' "$(encode "督办提醒：$name")"
      printf 'MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n'
      printf 'Content-Transfer-Encoding: 8bit\n\n%s\n' "$body"
    } | "$sendmail" -t -oi
    echo "mailed $code <$email>" >&2
  done
