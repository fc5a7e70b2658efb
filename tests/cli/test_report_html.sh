#!/usr/bin/env bash
# report monthly --format html: the bulletin as one self-contained page,
# rendered in headless Chromium as a person would see it, at a desktop and a
# phone width. Chromium is not optional: scripts/setup installs it (and a CJK
# font), so a missing browser fails this test rather than skipping it. Set
# KEEP_SCREENSHOTS to a folder to keep the page and its screenshots.
#
# The fixture (Asia/Shanghai, C = 5 working days; the National Day holiday
# 10-01..10-07, Sat 10-10 a make-up working day):
#  #1 cgj  received 09-14, closed 09-18 (September: only the trend sees it)
#  #2 cgj  received 10-08, assigned 10-08 10:00 (due 10-14), resolved 10-12,
#          closed 10-12: on time; followup satisfied
#  #3 cgj  received 10-08, assigned 10-08, acked, still open at T
#  #4 rsj  received 10-09, assigned 10-09, never acked, open at T
# October at T = 11-05 12:00: cgj closure 1/2 = 50.0%, on time 1/1 = 100.0%;
# rsj closure 0/1 = 0.0%, on time none (—); total closure 1/3 = 33.3%.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export DUBAN_STORE="$T/duban.db"
NOW="2026-11-05 12:00"
at() { local now=$1; shift; "$DUBAN" -q --config "$EXAMPLES/duban.toml" --now "$now" "$@" || fail "fixture: $now $*"; }

at "2026-09-14 09:00" intake --class C --channel grid --title 莘口路段井盖缺失
at "2026-09-14 10:00" assign 1 --lead cgj
at "2026-09-14 11:00" ack 1
at "2026-09-18 10:00" resolve 1 --outcome solved
at "2026-09-18 15:00" close 1
at "2026-10-08 09:00" intake --class C --channel grid --title 城东路灯不亮
at "2026-10-08 09:00" intake --class C --channel night-talk --title 夜市噪音扰民
at "2026-10-08 10:00" assign 2 3 --lead cgj
at "2026-10-08 11:00" ack 2 3
at "2026-10-09 09:00" intake --class C --channel breakfast --title 环卫工人休息点缺少饮水
at "2026-10-09 10:00" assign 4 --lead rsj
at "2026-10-12 10:00" resolve 2 --outcome solved
at "2026-10-12 16:00" close 2
at "2026-10-13 09:00" followup 2 --rating satisfied

# ---- the page itself ----------------------------------------------------------------
html() { "$DUBAN" --config "$1" report monthly --month 2026-10 --format html --now "$NOW"; }
html "$EXAMPLES/duban.toml" >"$T/report.html" 2>"$T/.err"
rc=$?
out=$(<"$T/report.html")
err=$(<"$T/.err")
expect_rc 0
expect_eq "$err" "" "nothing on stderr"
expect_eq "$(head -c 15 "$T/report.html")" "<!DOCTYPE html>" "an HTML5 document"
expect_out_has '<html lang="zh-CN">'
expect_out_has '<meta charset="utf-8">'
expect_out_has '<meta name="viewport" content="width=device-width, initial-scale=1">'
expect_out_has "<h1>月度督查通报</h1>"
expect_out_has "各单位办结率与按期办结率"
expect_out_has "受理与办结"
expect_out_has "2026-10-01 至 2026-10-31"
expect_out_has "截至 2026-11-05 12:00"
expect_out_has "市城市管理局"
expect_out_has "市人力资源和社会保障局"
expect_out_has "<td>50.0%</td>"
expect_out_has "<td>100.0%</td>"
expect_out_has "<td>33.3%</td>"
expect_out_has "<td>—</td>"
expect_out_has "@media print"
expect_out_lacks "http"
expect_out_lacks "<script"
expect_out_lacks "<link"
expect_out_lacks "nan"
expect_eq "$(grep -o '<svg' "$T/report.html" | wc -l)" "2" "two charts"
expect_eq "$(grep -o '</svg>' "$T/report.html" | wc -l)" "2" "each chart closed"
html "$EXAMPLES/duban.toml" 2>/dev/null | cmp -s - "$T/report.html"
expect_eq "$?" "0" "the same store and clock give the same bytes"

sed 's/^lang = "zh"/lang = "en"/' "$EXAMPLES/duban.toml" >"$T/en.toml"
run --config "$T/en.toml" report monthly --month 2026-10 --format html --now "$NOW"
expect_rc 0
expect_out_has '<html lang="en">'
expect_out_has "<h1>Monthly supervision bulletin</h1>"
expect_out_has "2026-10-01 .. 2026-10-31"
expect_out_lacks "月度督查通报"

# ---- as a person sees it: headless Chromium -------------------------------------------
# Chromium logs every message a page sends to the console as "INFO:CONSOLE",
# whatever its level (console.error included), so with a page that has no
# script any CONSOLE line is a fault. Its own noise (dbus, gpu, sandbox) is
# not a CONSOLE line.
out= err= rc=  # a failure below is about the browser, not the last command
CHROMIUM=$(command -v chromium || command -v chromium-browser)
checks=$((checks + 1))
[ -n "$CHROMIUM" ] || fail "chromium is not installed (scripts/setup installs it)"
if command -v fc-list >/dev/null; then
  checks=$((checks + 1))
  [ -n "$(fc-list :lang=zh family)" ] || fail "no CJK font: Chinese would render as boxes (scripts/setup installs fonts-noto-cjk)"
fi
mkdir -p "$HOME"
shoot() {  # shoot URL WIDTH,HEIGHT PNG: screenshot, DOM on stdout, log in $T/chrome.log
  timeout 60 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --disable-quic --no-first-run --disable-background-networking --disable-component-update \
    --disable-sync --hide-scrollbars --user-data-dir="$T/chrome" --enable-logging=stderr --v=0 \
    --window-size="$2" --screenshot="$3" --dump-dom "$1" 2>"$T/chrome.log"
}
console_lines() { grep -F 'CONSOLE' "$T/chrome.log"; }
# pngcheck PNG: "WIDTH HEIGHT COLOURS BARS" where BARS says whether both
# bar colours of the rate chart are on the image (no PIL: zlib and struct).
cat >"$T/pngcheck.py" <<'EOF'
import struct, sys, zlib
d = open(sys.argv[1], 'rb').read()
assert d[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
i, idat = 8, []
while i < len(d):
    n, kind = struct.unpack('>I4s', d[i:i + 8])
    body = d[i + 8:i + 8 + n]
    i += 12 + n
    if kind == b'IHDR':
        w, h, depth, colour = struct.unpack('>IIBB', body[:10])
    elif kind == b'IDAT':
        idat.append(body)
assert depth == 8 and colour in (2, 6), f'PNG depth {depth} colour type {colour}'
bpp = 3 if colour == 2 else 4
raw, stride = zlib.decompress(b''.join(idat)), w * bpp
prev, seen = bytes(stride), set()
for y in range(h):
    f = raw[y * (stride + 1)]
    line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    if f == 2:
        line = bytearray((a + b) & 255 for a, b in zip(line, prev))
    elif f:
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], (prev[x - bpp] if x >= bpp else 0)
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            else:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    prev = bytes(line)
    seen.update(prev[x:x + 3] for x in range(0, stride, bpp))
bars = bytes.fromhex('1f5fa8') in seen and bytes.fromhex('e08a00') in seen
print(w, h, 'many-colours' if len(seen) > 16 else f'{len(seen)}-colours', 'bars' if bars else 'no-bars')
EOF

if [ -n "$CHROMIUM" ]; then
  # The filter must see a console error when there is one.
  printf '<!DOCTYPE html><p>x</p><script>undefinedFunction();</script>\n' >"$T/broken.html"
  shoot "file://$T/broken.html" 400,300 "$T/broken.png" >/dev/null
  checks=$((checks + 1))
  console_lines | grep -q "Uncaught" || fail "chromium's log shows no console error for a broken page: $(cat "$T/chrome.log")"

  for size in 1280,2000 390,2000; do
    png="$T/report-${size%,*}.png"
    dom=$(shoot "file://$T/report.html" "$size" "$png")
    expect_eq "$?" "0" "chromium renders the page at $size"
    expect_eq "$(console_lines)" "" "no console messages at $size"
    checks=$((checks + 1))
    [ -f "$png" ] && [ "$(stat -c %s "$png")" -gt 10240 ] || fail "$png is missing or under 10 KB"
    expect_eq "$(printf '%s' "$dom" | grep -o '<svg' | wc -l)" "2" "the browser parsed two charts at $size"
    [[ "$dom" == *"月度督查通报"* ]] || fail "the parsed page lacks its title at $size"
    if command -v python3 >/dev/null && [ -f "$png" ]; then
      expect_eq "$(python3 "$T/pngcheck.py" "$png" 2>&1)" "${size%,*} ${size#*,} many-colours bars" \
        "the $size screenshot shows the page and its bars"
    fi
  done
  if [ -n "${KEEP_SCREENSHOTS:-}" ]; then cp "$T"/report-*.png "$T/report.html" "$KEEP_SCREENSHOTS"/; fi
fi

finish
