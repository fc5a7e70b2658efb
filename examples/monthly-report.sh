#!/usr/bin/env bash
# The monthly supervision bulletin, for cron on the 1st: the previous month's
# report as HTML (for the standing committee), CSV (for Excel, with a BOM)
# and JSON (for scripts), with the scorecard and the topics, in a folder
# named after the month. The folder appears whole or not at all.
#
#   monthly-report.sh [OUTDIR] [YYYY-MM]     (default: ./reports, the previous month)
#
# crontab (the config's zone decides which month is "previous"):
#   0 7 1 * *  flock -n /tmp/duban-monthly.lock /usr/local/share/duban/monthly-report.sh /srv/duban/reports
set -euo pipefail
duban=${DUBAN:-duban}
outdir=${1:-reports}
month=${2:-previous}
# The month's name as duban reckons it, in the config's zone.
name=$("$duban" --format json report monthly --month "$month" --by unit |
  sed -n 's/^    "from": "\([0-9]*-[0-9]*\)-01",\{0,1\}$/\1/p')
[ -n "$name" ] || { echo "monthly-report: cannot tell the month" >&2; exit 1; }

mkdir -p "$outdir"
work=$(mktemp -d "$outdir/.$name.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$duban" report monthly --month "$name" --format html >"$work/bulletin.html"
"$duban" report monthly --month "$name" --format csv --bom >"$work/monthly.csv"
"$duban" report monthly --month "$name" --format json >"$work/monthly.json"
"$duban" report monthly --month "$name" --by unit --rollup --format csv --bom >"$work/monthly-rollup.csv"
"$duban" report scorecard --month "$name" --format csv --bom >"$work/scorecard.csv"
"$duban" report topics --month "$name" --format csv --bom >"$work/topics.csv"
chmod 755 "$work"
rm -rf "${outdir:?}/$name"
mv "$work" "$outdir/$name"
trap - EXIT
echo "$outdir/$name"
