#!/usr/bin/env python3
"""Generates a synthetic city for the benchmark, deterministically (fixed seed).

    bench/gen.py N OUT_DIR

writes into OUT_DIR:
  cases.csv            N hotline cases as intake CSV (SPEC section 9 columns), received
                       over 2025, with Chinese titles and descriptions in hotline phrasing
  duban.toml           the bench config: ~40 units, ~30 categories, every channel, the
                       zone, calendar, deadlines and ladder of examples/duban.toml
  category-lead.tsv    category code TAB lead unit code (the config has no such key:
                       run.sh assigns each category's cases to its unit from this file)
  units-K.toml         configs of K units (K in $BENCH_CONFIG_SIZES, default
                       1000 10000 100000), to show that loading a config is linear

The same N gives byte-identical files: each file has its own random stream.
"""
import os
import random
import sys

# Units: code, name, parent, head. Bureaus lead categories; districts, towns and
# villages are the places cases come from.
UNITS = [
    ("city", "三明市", None, None),
    ("dcs", "市委督查室", "city", "邓立新"),
    ("cgj", "市城市管理局", "city", "何光桂"),
    ("rsj", "市人力资源和社会保障局", "city", "林志强"),
    ("jyj", "市教育局", "city", "陈丽华"),
    ("zjj", "市住房和城乡建设局", "city", "黄建明"),
    ("mzj", "市民政局", "city", "郑秀英"),
    ("ybj", "市医疗保障局", "city", "罗文斌"),
    ("gaj", "市公安局", "city", "吴海峰"),
    ("cjl", "市总工会", "city", "李淑芳"),
    ("hbj", "市生态环境局", "city", "王国平"),
    ("scj", "市市场监督管理局", "city", "陈志远"),
    ("jtj", "市交通运输局", "city", "刘明辉"),
    ("slj", "市水利局", "city", "黄永清"),
    ("wjw", "市卫生健康委员会", "city", "张慧敏"),
    ("gtj", "市自然资源局", "city", "吴建国"),
    ("nyj", "市农业农村局", "city", "林春生"),
    ("whj", "市文化和旅游局", "city", "郑丽君"),
    ("yjj", "市应急管理局", "city", "许振华"),
    ("swj", "市水务集团", "city", "罗德胜"),
    ("gdj", "国网三明供电公司", "city", "蔡文杰"),
    ("rqj", "市燃气公司", "city", "杨志强"),
    ("sy", "三元区", "city", "张伟民"),
    ("sy-cd", "城东街道", "sy", "刘建华"),
    ("sy-cd-xh", "新华社区", "sy-cd", "谢美玲"),
    ("sy-cd-dx", "东霞社区", "sy-cd", "邱永福"),
    ("sy-xk", "莘口镇", "sy", "杨振东"),
    ("sy-xk-xj", "小蕉村", "sy-xk", "廖金水"),
    ("sy-xk-xk", "莘口村", "sy-xk", "肖德明"),
    ("sy-bs", "白沙街道", "sy", "陈永安"),
    ("sy-bs-ts", "桃源社区", "sy-bs", "黄秀兰"),
    ("ml", "梅列区", "city", "蔡国庆"),
    ("ml-xc", "徐碧街道", "ml", "魏小燕"),
    ("ml-xc-xb", "徐碧社区", "ml-xc", "赖春花"),
    ("ml-xc-ql", "乾龙社区", "ml-xc", "温荣生"),
    ("ml-ld", "列东街道", "ml", "曾宪文"),
    ("ml-ld-ld", "列东社区", "ml-ld", "朱丽娟"),
    ("ml-cd", "陈大镇", "ml", "钟文华"),
    ("ml-cd-ry", "瑞云村", "ml-cd", "严土生"),
    ("ml-yx", "洋溪镇", "ml", "邓开明"),
    ("ml-yx-yx", "洋溪村", "ml-yx", "范志勇"),
]

# Categories: code, name, lead unit, problem phrases (what callers say).
CATEGORIES = [
    ("wages", "工资待遇", "rsj", ["拖欠工资", "工资迟迟不发", "包工头拖欠农民工工资"]),
    ("seniority", "工龄工资", "rsj", ["工龄工资未计算", "工龄认定有误"]),
    ("overtime", "加班费", "rsj", ["加班不给加班费", "节假日加班无补偿"]),
    ("allowance", "津补贴", "rsj", ["津补贴未发放", "夜班补贴被取消"]),
    ("heat", "高温补贴", "rsj", ["高温补贴未发放", "露天作业无高温津贴"]),
    ("social-security", "社会保险", "rsj", ["单位未缴纳社保", "社保转移接续困难"]),
    ("rest-station", "爱心驿站/休息点", "cjl", ["环卫工人没有休息点", "爱心驿站无人开放"]),
    ("registration", "户籍登记", "gaj", ["户口迁移办理难", "新生儿落户手续繁琐"]),
    ("traffic", "交通秩序", "gaj", ["乱停车堵塞通道", "路口红绿灯时间太短"]),
    ("schooling", "子女入学", "jyj", ["孩子入学难", "学区划分不合理", "校车接送不安全"]),
    ("housing", "住房保障", "zjj", ["公租房申请进度慢", "小区电梯长期停运"]),
    ("property", "物业管理", "zjj", ["物业服务不到位", "物业乱收费"]),
    ("consolation", "慰问金", "mzj", ["困难家庭慰问金未到位", "低保申请无回音"]),
    ("elderly", "养老服务", "mzj", ["社区养老服务中心未开放", "老人助餐点太远"]),
    ("medical-insurance", "医疗保障", "ybj", ["医保报销比例低", "异地就医备案难"]),
    ("health", "医疗卫生", "wjw", ["社区卫生院缺少药品", "医院挂号排队时间长"]),
    ("streetlight", "路灯照明", "cgj", ["路灯不亮", "路灯坏了很久没人修"]),
    ("road", "道路设施", "cgj", ["道路坑洼不平", "井盖破损", "人行道砖松动"]),
    ("sanitation", "环境卫生", "cgj", ["垃圾清运不及时", "垃圾桶满了没人清理", "公厕脏乱差"]),
    ("street-vending", "占道经营", "cgj", ["占道经营", "夜市摊点占用人行道"]),
    ("noise", "噪音扰民", "hbj", ["夜间施工噪音扰民", "广场舞音响太吵"]),
    ("pollution", "环境污染", "hbj", ["工厂排放异味", "河道污水直排", "工地扬尘严重"]),
    ("food-safety", "食品安全", "scj", ["餐馆卫生条件差", "超市出售过期食品"]),
    ("prices", "价格监管", "scj", ["停车场乱收费", "商家价格欺诈"]),
    ("bus", "公交出行", "jtj", ["公交车班次太少", "公交站台破损"]),
    ("water", "供水", "swj", ["自来水停水没有通知", "水压太低", "自来水浑浊发黄"]),
    ("power", "供电", "gdj", ["频繁停电", "电线私拉乱接有隐患"]),
    ("gas", "燃气", "rqj", ["燃气管道漏气", "燃气开户办理慢"]),
    ("flooding", "防汛排涝", "slj", ["下雨路面积水", "排水沟堵塞", "河堤有安全隐患"]),
    ("rural", "农业农村", "nyj", ["村道硬化未完成", "农田灌溉渠损坏"]),
    ("other", "其他", "dcs", ["其他问题咨询", "反映办事效率低"]),
]
CHANNELS = ["breakfast", "night-talk", "hotline", "grid", "petition", "proposal", "proxy-desk"]
# The hotline is most of a city's cases; the other doors share the rest.
CHANNEL_WEIGHTS = [4, 2, 70, 12, 5, 3, 4]
CLASS_WEIGHTS = {"A": 10, "B": 25, "C": 65}
# Towns (streets) and their villages (communities), as callers name them.
PLACES = {
    "城东街道": ["新华社区", "东霞社区", "东安社区"],
    "白沙街道": ["桃源社区", "白沙社区"],
    "莘口镇": ["小蕉村", "莘口村", "杉口村"],
    "徐碧街道": ["徐碧社区", "乾龙社区"],
    "列东街道": ["列东社区", "五路社区"],
    "陈大镇": ["瑞云村", "陈大村"],
    "洋溪镇": ["洋溪村", "沙阳村"],
}
ROADS = ["新市北路", "列东街", "东新二路", "乾龙新村", "梅岭路", "工业中路", "崇桂路", "沪明路"]
SITES = ["小区门口", "菜市场旁", "学校附近", "公交站旁", "十字路口", "楼下", "老旧小区内", "河边步道"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许邓冯韩曹曾彭"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华平刚桂兰志建国文辉玲"
OPENINGS = ["市民来电反映：", "群众反映，", "来电人称", "网格员上报：", "居民反映", "诉求人表示"]
DURATIONS = ["已有一周", "持续半个月", "已经两个多月", "多次反映", "近期", "从上个月开始"]
EFFECTS = ["影响出行", "存在安全隐患", "居民意见很大", "影响正常生活", "老人小孩出入不便", "多次投诉无果"]
ASKS = ["请尽快处理。", "希望相关部门尽快解决。", "请有关单位核实处理。", "要求给予答复。", "盼早日解决。"]
HEADER = ["title", "description", "channel", "category", "class", "requester", "phone", "town",
          "village", "address", "received_at"]


def quote(field):
    if any(ch in field for ch in ',"\n'):
        return '"' + field.replace('"', '""') + '"'
    return field


def write_cases(n, path):
    rnd = random.Random(2026)
    towns = list(PLACES)
    channel_pick = rnd.choices  # bound once: called a million times
    # Receipts over 2025: each case a second offset into the year, sorted so
    # that ids follow receipt time as at a real desk.
    year = 365 * 86400
    offsets = sorted(rnd.randrange(year) for _ in range(n))
    days_before = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365]
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(",".join(HEADER) + "\n")
        for off in offsets:
            day, sec = divmod(off, 86400)
            month = next(m for m in range(12) if days_before[m + 1] > day)
            # Hotlines answer day and night, but mostly by day: fold the night into 08-22h.
            hour = 8 + (sec // 3600) % 14
            minute = (sec // 60) % 60
            when = f"2025-{month + 1:02d}-{day - days_before[month] + 1:02d} {hour:02d}:{minute:02d}"
            code, _, _, phrases = rnd.choice(CATEGORIES)
            problem = rnd.choice(phrases)
            town = rnd.choice(towns)
            village = rnd.choice(PLACES[town])
            road = rnd.choice(ROADS)
            site = rnd.choice(SITES)
            title = f"{village}{problem}" if rnd.random() < 0.5 else f"{road}{site}{problem}"
            parts = [rnd.choice(OPENINGS), f"{town}{village}{road}{site}{problem}"]
            if rnd.random() < 0.7:
                parts.append("，" + rnd.choice(DURATIONS))
            if rnd.random() < 0.6:
                parts.append("，" + rnd.choice(EFFECTS))
            parts.append("，" + rnd.choice(ASKS))
            description = "".join(parts)
            channel = channel_pick(CHANNELS, CHANNEL_WEIGHTS)[0]
            klass = channel_pick(list(CLASS_WEIGHTS), list(CLASS_WEIGHTS.values()))[0]
            requester = rnd.choice(SURNAMES) + "".join(rnd.choice(GIVEN) for _ in range(rnd.randint(1, 2)))
            phone = f"1{rnd.choice('35789')}{rnd.randrange(10 ** 9):09d}"
            address = f"{town}{road}{rnd.randint(1, 300)}号"
            row = [title, description, channel, code, klass, requester, phone, town, village, address, when]
            f.write(",".join(quote(x) for x in row) + "\n")


def config_head():
    """The parts of examples/duban.toml that are not units or categories."""
    return '''# Bench config written by bench/gen.py: the shape of examples/duban.toml.
timezone = "Asia/Shanghai"
lang = "zh"
office = "dcs"
channels = [{chans}]

[calendar]
weekend  = ["sat", "sun"]
holidays = [
  "2025-01-01", "2025-01-28..2025-02-04", "2025-04-04..2025-04-06", "2025-05-01..2025-05-05",
  "2025-05-31..2025-06-02", "2025-10-01..2025-10-08",
  "2026-01-01..2026-01-03", "2026-02-15..2026-02-23", "2026-04-04..2026-04-06",
  "2026-05-01..2026-05-05", "2026-06-19..2026-06-21", "2026-09-25..2026-09-27",
  "2026-10-01..2026-10-07",
]
workdays = [
  "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
  "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
]
'''.format(chans=", ".join(f'"{c}"' for c in CHANNELS))


CONFIG_TAIL = '''
[deadlines]
ack     = "1wd"
resolve = { A = "20wd", B = "60wd", C = "5wd" }
list_within          = "3d"
meeting_report_after = "2mo"

[[deadlines.rule]]
channel = "hotline"
ack     = "2h"
resolve = "5wd"

[[deadlines.rule]]
category = "heat"
resolve  = "10wd"

[[escalation]]
when   = "ack_overdue"
after  = "0m"
level  = 1
notify = "unit head"

[[escalation]]
when   = "overdue"
after  = "0m"
level  = 2
notify = "leader"

[[escalation]]
when   = "overdue"
after  = "5wd"
level  = 3
notify = "supervision office"

[scorecard]
weights = { ack_rate = 0.2, closure_rate = 0.4, satisfaction_rate = 0.4 }
'''


def unit_toml(code, name, parent, head):
    lines = ["[[unit]]", f'code = "{code}"', f'name = "{name}"']
    if parent:
        lines.append(f'parent = "{parent}"')
    if head:
        lines.append(f'head = "{head}"')
        lines.append(f'email = "{code}@example.gov.cn"')
    return "\n".join(lines) + "\n\n"


def categories_toml():
    out = []
    for code, name, lead, _ in CATEGORIES:
        out.append(f'[[category]]\ncode = "{code}"\nname = "{name}"   # lead unit: {lead}\n\n')
    return "".join(out)


def write_config(path):
    with open(path, "w", encoding="utf-8") as f:
        f.write(config_head() + "\n")
        for u in UNITS:
            f.write(unit_toml(*u))
        f.write(categories_toml())
        f.write(CONFIG_TAIL)


def write_big_config(k, path):
    """k units: the bench's own, then districts of towns of villages under the city."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(config_head() + "\n")
        for u in UNITS:
            f.write(unit_toml(*u))
        i = len(UNITS)
        district = town = None
        while i < k:
            # One district per 1,000 units, one town per 20: a realistic, shallow tree.
            if (i - len(UNITS)) % 1000 == 0:
                district = f"d{i:06d}"
                f.write(unit_toml(district, f"第{i}区", "city", "区长"))
            elif (i - len(UNITS)) % 20 == 1:
                town = f"t{i:06d}"
                f.write(unit_toml(town, f"第{i}镇", district, "镇长"))
            else:
                f.write(unit_toml(f"v{i:06d}", f"第{i}村", town, None))
            i += 1
        f.write(categories_toml())
        f.write(CONFIG_TAIL)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: bench/gen.py N OUT_DIR")
    n, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    write_cases(n, os.path.join(out, "cases.csv"))
    write_config(os.path.join(out, "duban.toml"))
    with open(os.path.join(out, "category-lead.tsv"), "w", encoding="utf-8") as f:
        for code, _, lead, _ in CATEGORIES:
            f.write(f"{code}\t{lead}\n")
    for k in os.environ.get("BENCH_CONFIG_SIZES", "1000 10000 100000").split():
        write_big_config(int(k), os.path.join(out, f"units-{k}.toml"))


if __name__ == "__main__":
    main()
