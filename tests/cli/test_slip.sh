#!/usr/bin/env bash
# slip (SPEC §6, §8): the two-part slip (两单制) a village proxy desk prints:
# the stub (存根联) it keeps and the receipt (回执联) for the requester. Text
# in zh and en, the phone masked (on the stub always), a confidential case's
# name masked, HTML escaped and one printed A4 page per slip, several ids,
# an unknown id.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export DUBAN_STORE="$T/duban.db" DUBAN_CONFIG="$EXAMPLES/duban.toml" DUBAN_NOW=2026-11-03T09:00+08:00
run intake --title "低保申请进度" --description "老人腿脚不便，托代办员来问" --requester 张大爷 \
  --phone 13800000001 --town 城关镇 --village 东门村 --proxy 李代办 --channel proxy-desk \
  --received "2026-11-03 08:30" --receipt
expect_rc 0
receipt=$(printf '%s' "$out" | cut -f2)
expect_eq "${#receipt}" "9" "a receipt code to print"

# --- text, zh ----------------------------------------------------------------------------
run slip 1
expect_rc 0
expect_out_has "市委督查室"
expect_out_has "存根联"
expect_out_has "回执联"
expect_out_has "✂ - - -"
expect_out_has "$receipt"
expect_out_has "duban show --receipt $receipt"
expect_out_has "低保申请进度"
expect_out_has "老人腿脚不便"
expect_out_has "2026-11-03 08:30"
expect_out_has "李代办"
expect_out_has "城关镇 东门村"
expect_out_has "尚未交办"
expect_out_has "张大爷"
expect_out_has "138****0001"
expect_out_lacks "13800000001"
py_expect "$out" 'print(len(re.findall(r"^案件编号\s+1$", data, re.M)), data.index("存根联") < data.index("✂") < data.index("回执联"))' \
  "2 True" "both parts name the case; the stub, the cut line, then the receipt"
# The receipt is the requester's own: --show-contact shows the phone there,
# never on the stub the desk keeps.
run --show-contact slip 1
expect_rc 0
py_expect "$out" 'stub, receipt = data.split("回执联", 1); print("13800000001" in stub, "138****0001" in stub, "13800000001" in receipt)' \
  "False True True" "--show-contact: the full phone on the receipt only"

# Once assigned, the due is printed.
"$DUBAN" -q --now "2026-11-03 10:00" assign 1 --lead mzj --class C
run --now "2026-11-03 10:00" slip 1
expect_rc 0
expect_out_lacks "尚未交办"
expect_out_has "办理时限"
expect_out_has "2026-11-10 23:59"
# As of the clock (SPEC §4): before the assignment the slip says it is not yet due.
run --now "2026-11-03 09:30" slip 1
expect_out_has "尚未交办"

# --- a confidential case masks the requester's name too -------------------------------------
run --format ids intake --title "举报违建" --requester 张三丰 --phone 13900000002 --confidential
expect_rc 0
expect_out "2"
run slip 2
expect_rc 0
expect_out_has "张**"
expect_out_has "139****0002"
expect_out_has "保密"
expect_out_lacks "张三丰"
expect_out_lacks "13900000002"
expect_out_has "本人办理"

# --- what people typed never reaches the terminal as controls (SPEC §8) --------------------
run --format ids intake --title $'路灯\x1b[31m不亮\u202e' --requester $'王\n奶奶'
expect_out "3"
run slip 3
expect_rc 0
expect_out_has '路灯\x1b[31m不亮\u202e'
expect_out_has '王\n奶奶'
checks=$((checks + 1)); [[ "$out" != *$'\x1b'* ]] || fail "a raw ESC reached the terminal"

# --- several ids, and ids from stdin ---------------------------------------------------------
run slip 1 2
expect_rc 0
py_expect "$out" 'print(data.count("存根联"), data.count("回执联"), data.count("✂"))' "2 2 3" \
  "two slips: each with its cut line, and one between them"
run_in $'2\n1\n' slip -
expect_rc 0
py_expect "$out" 'print(data.index("举报违建") < data.index("低保申请进度"))' "True" "in the order given"
run_in '' slip -
expect_rc 0
expect_out ""

# --- unknown id, bad format -------------------------------------------------------------------
run slip 99
expect_rc 69
expect_err_has "没有案件 99"
expect_out ""
run slip 1 99
expect_rc 69
run slip 1 --format pdf
expect_rc 64
expect_err_has "pdf"
run slip
expect_rc 64

# --- English, with a config that has no Chinese ---------------------------------------------
cat >"$T/en.toml" <<'EOF'
lang = "en"
office = "office"
channels = [{ code = "desk", name = "Village proxy desk" }]
[[unit]]
code = "county"
name = "Green County"
[[unit]]
code = "office"
name = "Supervision Office"
parent = "county"
EOF
run --config "$T/en.toml" --store "$T/en.db" intake --title "Street light out" --requester "Ann Lee" \
  --phone 13800000001 --proxy "Bob Desk" --channel desk --town Northtown --village Elm \
  --received "2026-11-03 08:30" --receipt
expect_rc 0
en_receipt=$(printf '%s' "$out" | cut -f2)
run --config "$T/en.toml" --store "$T/en.db" slip 1
expect_rc 0
expect_out_has "Supervision Office"
expect_out_has "Stub"
expect_out_has "Receipt"
expect_out_has "$en_receipt"
expect_out_has "Village proxy desk"
expect_out_has "Bob Desk"
expect_out_has "Northtown Elm"
expect_out_has "not yet assigned"
expect_out_has "138****0001"
expect_out_lacks "13800000001"
py_expect "$out" 'print([c for c in data if unicodedata.east_asian_width(c) in "WF"])' "[]" \
  "no Chinese in an English slip"

# --- HTML ---------------------------------------------------------------------------------------
run --format ids intake --title '<script>alert("x")</script> & 路灯' --requester 王奶奶 \
  --phone 13700000003 --proxy '李<b>代办</b>'
expect_out "4"
run slip 4 --format html
expect_rc 0
html=$out
printf '%s\n' "$html" >"$T/slip.html"
expect_out_has "<!DOCTYPE html>"
expect_out_has '<html lang="zh-CN">'
expect_out_has "@page{size:A4 landscape"
expect_out_has '"Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif'
expect_out_has "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 路灯"
expect_out_has "李&lt;b&gt;代办&lt;/b&gt;"
expect_out_lacks "<script"
expect_out_lacks "13700000003"
expect_out_has "137****0003"
expect_out_has "存根联"
expect_out_has "回执联"
expect_out_has "市委督查室"
# Well-formed: every element closed in order (html.parser, as a browser reads it).
cat >"$T/.py_prelude.py" <<'EOF'
from html.parser import HTMLParser
class Check(HTMLParser):
    void = {"meta", "br", "hr", "img", "input", "link"}
    def __init__(self):
        super().__init__(); self.stack = []; self.faults = []; self.slips = 0
    def handle_starttag(self, tag, attrs):
        if tag == "article": self.slips += 1
        if tag not in self.void: self.stack.append(tag)
    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag: self.faults.append(tag)
def check(text):
    c = Check(); c.feed(text); c.close()
    return f"{c.slips} slips, faults {c.faults}, open {c.stack}"
EOF
py_expect "$html" 'print(check(data))' "1 slips, faults [], open []" "a well-formed page with one slip"
# The global --format reaches slip too.
run --format html slip 1 2
expect_rc 0
printf '%s\n' "$out" >"$T/slips.html"
py_expect "$out" 'print(check(data))' "2 slips, faults [], open []" "one article a slip"
run --format table slip 1
expect_rc 64

# --- printed as a person sees it: one A4 page a slip ---------------------------------------------
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ] || ! command -v pdfinfo >/dev/null; then
  echo "skipping the printed-page check: needs chromium and pdfinfo (poppler-utils; scripts/setup installs both)"
else
  mkdir -p "$HOME"
  print_pdf() {  # print_pdf HTML PDF
    timeout 60 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
      --no-first-run --disable-background-networking --disable-component-update --disable-sync \
      --user-data-dir="$T/chrome" --no-pdf-header-footer --print-to-pdf="$2" "file://$1" \
      >/dev/null 2>&1
  }
  pages() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'; }
  print_pdf "$T/slip.html" "$T/slip.pdf"
  expect_eq "$(pages "$T/slip.pdf")" "1" "one slip prints on one page"
  expect_eq "$(pdfinfo "$T/slip.pdf" 2>/dev/null | sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\).*/\1>\2/p' |
    awk -F'>' '{print ($1 > $2) ? "landscape" : "portrait"}')" "landscape" "A4 landscape"
  print_pdf "$T/slips.html" "$T/slips.pdf"
  expect_eq "$(pages "$T/slips.pdf")" "2" "two slips print on two pages"
  # A long description is set smaller: 400 characters still print on one page.
  long=$(python3 -c 'print("村口道路年久失修，坑洼不平，雨天积水严重，老人孩子出行困难，多次向村里反映未果。" * 10)')
  "$DUBAN" -q intake --title "村口道路坑洼积水" --description "$long" --requester 王奶奶 --proxy 李代办
  "$DUBAN" slip 5 --format html >"$T/long.html"
  print_pdf "$T/long.html" "$T/long.pdf"
  expect_eq "$(pages "$T/long.pdf")" "1" "a slip with 400 characters of description prints on one page"
fi
finish
