#!/usr/bin/env bash
# SPEC §6's exit codes as one table: every row is a command a user might
# type and the code it must give. The same fault gives the same code in every
# command (issue 8: `intake --meeting 9` and `assign` alike, `--class D` in
# intake and assign alike).
source "$(dirname "$0")/lib.sh"
export DUBAN_STORE="$T/duban.db" DUBAN_CONFIG="$EXAMPLES/duban.toml" DUBAN_NOW=2026-11-03T09:00+08:00

run intake --title "路灯不亮" --channel hotline --received 2026-11-02T09:00+08:00
expect_rc 0
run intake --title "井盖破损" --channel hotline --received 2026-11-02T10:00+08:00
run assign 2 --lead cgj
expect_rc 0
printf 'description\n没有标题\n' >"$T/no-title.csv"
printf 'title,channel\n,hotline\n' >"$T/empty-title.csv"
printf 'title\n\xc2\n' >"$T/bad-utf8.csv"
printf 'store = "x.db"\nbogus = 1\n' >"$T/unknown-key.toml"
printf '[calendar]\nweekend = ["mon","tue","wed","thu","fri","sat","sun"]\n' >"$T/all-weekend.toml"
mkdir -p "$T/folder" "$T/plain"
: >"$T/plain/file"

# code | arguments (as a shell would split them; redirections allowed)
while IFS='|' read -r want args; do
  want=${want// /}
  [ -n "$want" ] && [ "${want:0:1}" != "#" ] || continue
  out=$(eval "\"\$DUBAN\" $args" 2>"$T/.err")
  rc=$?
  err=$(<"$T/.err")
  checks=$((checks + 1))
  [ "$rc" = "$want" ] || fail "duban$args: exit $rc, expected $want"
  # Every failure says why on stderr, and nothing on stdout.
  if [ "$want" != 0 ] && [ "$want" != 1 ]; then
    checks=$((checks + 1))
    [ -n "$err" ] || fail "duban$args: exit $rc with nothing on stderr"
  fi
done <<'TABLE'
# 0: done; a command given no ids on stdin does nothing (SPEC §6)
0  | show 1
0  | show - </dev/null
0  | ack - </dev/null
0  | list --status received
# 1: a check found something, where a flag asks for it
1  | remind --exit-code --now 2026-12-01T09:00+08:00
# 64: bad usage
64 |
64 | frobnicate
64 | report monthy
64 | meeting ad
64 | unit lst
64 | list --stauts received
64 | list --status bogus
64 | list --limit many
64 | list --limit -1
64 | list --due-within soon
64 | list --received-from yesterday
64 | --format nonsense list
64 | --now garbage list
64 | show
64 | show 1 --format md
64 | show abc
64 | note 1 2 "两条"
64 | note - "两条" < <(printf '1\n2\n')
64 | intake --channel hotline
64 | intake --title x --class D
64 | assign 1 --lead cgj --class E
64 | assign 1
64 | assign 1 --lead cgj --due whenever
64 | return 2
64 | reopen 2
64 | followup 2 --rating meh
64 | escalate 2
64 | escalate 2 --level 1
64 | resolve 2 --outcome maybe
64 | intake --title x --received 0000-01-01
# 65: bad input data
65 | intake --file "$T/no-title.csv"
65 | intake --file "$T/empty-title.csv"
65 | intake --file "$T/bad-utf8.csv"
65 | close 1
65 | ack 2 --now 2026-11-01T09:00+08:00
# 66: input file missing
66 | intake --file "$T/missing.csv"
66 | intake --file "$T/folder"
66 | --config "$T/missing.toml" list
66 | --store "$T/none.db" list
# 69: a referenced case or unit does not exist
69 | show 99
69 | show --receipt NOSUCHCODE
69 | assign 99 --lead cgj
69 | assign 1 --lead bogus
69 | assign 1 --lead cgj --co bogus
69 | intake --title x --meeting 9
69 | intake --title x --category bogus
69 | intake --title x --channel bogus
69 | list --unit bogus
69 | list --category bogus
69 | list --channel bogus
69 | list --meeting 9
69 | report meeting 9
69 | remind --unit bogus
69 | escalate 2 --to bogus --reason r
# 73: cannot create the store
73 | --store "$T/plain/file/sub/s.db" intake --title x
# 74: I/O error
74 | list >/dev/full
74 | intake --title x >/dev/full
# 78: bad config
78 | --config "$T/unknown-key.toml" list
78 | --config "$T/all-weekend.toml" list
TABLE
finish
