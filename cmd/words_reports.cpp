// The catalogue's words for reports, reminders, escalation mail and slips.
// Keys are stable; see catalogue.hpp. lib/report and lib/supervise name
// these keys only (each header says which it uses).
#include "catalogue.hpp"

namespace duban::cmd {

namespace {

constexpr Entry k_words[] = {
    // --- the figures of SPEC §7, as a reader sees them -------------------------
    {"figure.received", "受理数", "received"},
    {"figure.closed", "办结数", "closed"},
    {"figure.closure_rate", "办结率", "closure rate"},
    {"figure.on_time_rate", "按期办结率", "on-time rate"},
    {"figure.overdue_open", "超期未办结", "overdue open"},
    {"figure.ack_rate", "响应率", "ack rate"},
    {"figure.satisfaction_rate", "满意率", "satisfaction"},
    {"figure.mean_days_to_close", "平均办结天数", "mean days to close"},
    {"figure.escalations", "督办升级次数", "escalations"},
    {"figure.reopened", "重新办理", "reopened"},
    {"figure.returned", "退单数", "returned"},
    {"figure.extensions", "延期数", "extensions"},
    {"figure.excluded", "核减数", "excluded"},
    {"figure.problems", "问题数", "problems"},

    // --- report monthly (text, md) ---------------------------------------------
    {"report.group.unit", "单位", "unit"},
    {"report.group.category", "类别", "category"},
    {"report.group.channel", "渠道", "channel"},
    {"report.group.class", "等级", "class"},
    {"report.group.town", "镇街", "town"},
    {"report.name", "名称", "name"},
    {"report.total", "合计", "total"},
    {"report.none", "（未指定）", "(none)"},
    {"report.monthly.title", "督查通报 {} 至 {}（截至 {}）",
     "Supervision bulletin {} .. {} (as of {})"},

    // --- report monthly --format html --------------------------------------------
    {"html.lang", "zh-CN", "en"},
    {"html.title", "月度督查通报", "Monthly supervision bulletin"},
    {"html.group.unit", "单位", "Unit"},
    {"html.group.category", "类别", "Category"},
    {"html.group.channel", "渠道", "Channel"},
    {"html.group.class", "等级", "Class"},
    {"html.group.town", "镇街", "Town"},
    {"html.code", "代码", "code"},
    {"html.period", "统计期间", "Period"},
    {"report.range", "{} 至 {}", "{} .. {}"},
    {"html.as_of", "，截至 {}", ", as of {}"},
    {"html.rollup", "；含下级单位", "; units include those below them"},
    {"html.summary", "本期概况", "At a glance"},
    {"html.table", "各项指标", "Figures"},
    {"html.rates_heading.unit", "各单位办结率与按期办结率",
     "Closure rate and on-time rate by unit"},
    {"html.rates_heading.category", "各类别办结率与按期办结率",
     "Closure rate and on-time rate by category"},
    {"html.rates_heading.channel", "各渠道办结率与按期办结率",
     "Closure rate and on-time rate by channel"},
    {"html.rates_heading.class", "各等级办结率与按期办结率",
     "Closure rate and on-time rate by class"},
    {"html.rates_heading.town", "各镇街办结率与按期办结率",
     "Closure rate and on-time rate by town"},
    {"html.trend_heading", "近{}个月受理与办结", "Received and closed, last {} months"},
    {"html.trend_plain", "各月受理与办结", "Received and closed by month"},
    {"html.no_data", "暂无数据", "No data"},
    {"html.rates_in_table", "办结率和按期办结率见上方“各项指标”表。",
     "The closure and on-time rate of each group are in the figures table."},
    {"html.note",
     "办结率：本期受理事项中截至统计时点已办结的比例；"
     "按期办结率：本期办结事项中在办理期限内办理完毕的比例；"
     "响应率：本期首次交办事项中按时响应的比例；"
     "满意率：本期回访中满意和基本满意的比例。"
     "“—”表示没有可计算的事项。",
     "Closure rate: of the cases received in the period, the share closed by the as-of time. "
     "On-time rate: of the cases closed in the period, the share resolved by their due. Ack "
     "rate: of the cases first assigned in the period, the share acknowledged in time. "
     "Satisfaction: of the follow-ups in the period, the share satisfied or basically "
     "satisfied. \"—\" means there was nothing to count."},
    {"month.1", "1月", "Jan"},
    {"month.2", "2月", "Feb"},
    {"month.3", "3月", "Mar"},
    {"month.4", "4月", "Apr"},
    {"month.5", "5月", "May"},
    {"month.6", "6月", "Jun"},
    {"month.7", "7月", "Jul"},
    {"month.8", "8月", "Aug"},
    {"month.9", "9月", "Sep"},
    {"month.10", "10月", "Oct"},
    {"month.11", "11月", "Nov"},
    {"month.12", "12月", "Dec"},

    // --- topic report (每月一题) ----------------------------------------------------
    {"topic.report.title", "每月一题“{}”（{}，截至 {}）", "Topic {} ({}, as of {})"},
    {"topic.html.title", "每月一题：{}（{}）", "Topic: {} ({})"},
    {"topic.col.month", "月份", "month"},
    {"topic.col.received", "受理数", "received"},
    {"topic.col.closed", "办结数", "closed"},
    {"topic.col.open", "月末未办结", "open"},
    // --- report meeting (落实情况表) ----------------------------------------------
    {"meeting.title", "{}落实情况表（{}，截至 {}）", "Implementation of {} ({}, as of {})"},
    {"meeting.col.seq", "序号", "no."},
    {"meeting.col.id", "编号", "case"},
    {"meeting.col.title", "问题", "problem"},
    {"meeting.col.leader", "领办领导", "leader"},
    {"meeting.col.lead_unit", "牵头单位", "lead unit"},
    {"meeting.col.co_units", "责任单位", "co-units"},
    {"meeting.col.due_at", "完成时限", "due"},
    {"meeting.col.state", "落实情况", "state"},
    {"meeting.col.outcome", "办理结果", "outcome"},
    {"meeting.col.days", "用时（天）", "days"},
    {"meeting.state.unassigned", "未交办", "not assigned"},
    {"meeting.state.listed", "已交办", "assigned"},
    {"meeting.state.in_progress", "办理中", "in progress"},
    {"meeting.state.overdue", "超期未办结", "overdue"},
    {"meeting.state.resolved", "已办理待销号", "awaiting cross-off"},
    {"meeting.state.closed", "已办结", "closed"},
    {"meeting.state.forced", "强制销号", "closed by force"},
    {"meeting.outcome", "{}：{}", "{}: {}"},
    {"meeting.forced_reason", "销号理由：{}", "reason: {}"},
    // {0} the number of items, {1} the parts; a part is {0} the state, {1} its count.
    {"meeting.summary", "共 {0} 项：{1}", "{0} items: {1}"},
    {"meeting.summary.part", "{0} {1}", "{1} {0}"},
    {"meeting.summary.sep", "，", ", "},
    {"meeting.summary.none", "共 0 项", "no items"},
    {"meeting.issued", "清单于 {0} 经 {1} 审定，由 {2} 印发",
     "The list was approved by {1} and issued by {2} at {0}"},
    {"meeting.not_issued", "清单尚未审定印发", "The list is not yet approved and issued"},

    // --- report monthly: the bulletin as the office publishes it (md, html) ------
    {"bulletin.issued_by", "{} 印发", "Issued by {}"},
    {"bulletin.ranking", "综合排名", "Ranking"},
    {"bulletin.red", "红榜（前 {} 名）", "Red list (best {})"},
    {"bulletin.black", "黑榜（后 {} 名）", "Black list (worst {})"},
    {"bulletin.no_units", "暂无可排名的单位。", "No unit has a score."},
    {"bulletin.black.none", "无：可排名的单位均已列入红榜。",
     "None: every ranked unit is on the red list."},
    {"bulletin.overdue", "超期未办结事项（{} 件）", "Overdue open cases ({})"},
    {"bulletin.excluded", "核减事项（{} 件，不计入该单位各项比率）",
     "Cases excluded on appeal ({}; out of their unit's rates)"},
    {"bulletin.col.granted_at", "核减时间", "granted"},
    {"bulletin.col.reason", "核减理由", "reason"},
    {"bulletin.overdue.none", "截至统计时点没有超期未办结事项。",
     "No case is overdue at the as-of time."},
    {"bulletin.col.id", "编号", "case"},
    {"bulletin.col.title", "事项", "title"},
    {"bulletin.col.lead_unit", "牵头单位", "lead unit"},
    {"bulletin.col.due_at", "办理时限", "due"},
    {"bulletin.col.working_days", "超期工作日", "working days overdue"},
    {"bulletin.overdue.note",
     "超期工作日：办理时限当日之后（当日不计）至统计时点当日（计入）的工作日数，"
     "按配置的工作日历计（节假日不计，调休上班日计入）。"
     "排名按综合得分，得分相同名次并列；“—”表示没有可计算的指标，不参与排名。",
     "Working days overdue: the working days after the due's date (not counted) up to the "
     "as-of date (counted), on the config's calendar (holidays not counted, make-up working "
     "days counted). Units are ranked by score; equal scores share a rank; \"—\" means "
     "there was nothing to score, and the unit is not ranked."},
    {"bulletin.ranking.note",
     "红黑榜：综合得分前 {0} 名和后 {0} 名，名次并列的一并列出；"
     "同一单位只列入一榜。",
     "Red and black lists: the best {0} and the worst {0} by score, with every unit tied "
     "with the last place; a unit is on one list at most."},

    // --- report scorecard, report topics ----------------------------------------
    {"scorecard.col.rank", "名次", "rank"},
    {"scorecard.col.unit", "代码", "unit"},
    {"scorecard.col.name", "单位", "name"},
    {"scorecard.col.score", "综合得分", "score"},
    {"topics.col.kind", "类型", "kind"},
    {"topics.col.category", "类别代码", "category"},
    {"topics.col.name", "类别", "name"},
    {"topics.col.place", "地点", "place"},
    {"topics.col.cases", "本期件数", "cases"},
    {"topics.col.previous", "上期件数", "previous"},
    {"topics.col.change", "增减", "change"},
    {"topics.kind.category", "高频类别", "frequent category"},
    {"topics.kind.recurring", "反复问题", "recurring problem"},
    {"topics.none", "（未分类）", "(none)"},

    // --- remind ------------------------------------------------------------------
    {"remind.kind.overdue", "超期未办结", "overdue"},
    {"remind.kind.due_soon", "即将到期", "due soon"},
    {"remind.kind.unacknowledged", "超时未响应", "not acknowledged"},
    {"remind.kind.ack_due_soon", "响应即将到期", "ack due soon"},
    {"remind.kind.whistle_unanswered", "吹哨未报到", "whistle unanswered"},
    {"remind.kind.meeting_list_late", "清单逾期", "list late"},
    {"remind.kind.meeting_report_due", "落实报告将到期", "meeting report due"},
    {"remind.kind.suspension_ended", "挂账到期", "suspension ended"},
    {"remind.kind.extension_pending", "延期待批", "extension to decide"},
    {"remind.office", "督查室（会议清单）", "supervision office (meetings)"},
    {"remind.due", "期限 {}", "due {}"},
    {"remind.co_unit", "（协办）", " (co-unit)"},
    // {0} cases not yet assigned, {1} the meeting's cases.
    {"remind.unassigned", "（共 {1} 件，{0} 件未交办）", " ({0} of {1} not assigned)"},

    // --- escalate --auto ---------------------------------------------------------
    {"escalate.col.id", "编号", "case"},
    {"escalate.col.lead_unit", "牵头单位", "lead unit"},
    {"escalate.col.rule", "规则", "rule"},
    {"escalate.col.deadline", "期限", "deadline"},
    {"escalate.col.from_level", "原级别", "from"},
    {"escalate.col.level", "升至", "level"},
    {"escalate.col.notify", "通知", "notify"},
    {"escalate.col.title", "标题", "title"},
    {"escalate.rule.ack_overdue", "超时未响应", "not acknowledged by its ack due"},
    {"escalate.rule.overdue", "超期未办结", "not resolved by its due"},
    {"escalate.rule.ack_overdue_after", "超时未响应逾{}", "not acknowledged {} after its ack due"},
    {"escalate.rule.overdue_after", "超期未办结逾{}", "not resolved {} after its due"},
    {"escalate.notify.unit_head", "单位负责人 {}", "unit head {}"},
    {"escalate.notify.leader", "领办领导 {}", "leader {}"},
    {"escalate.notify.office", "督查室 {}", "supervision office {}"},
    {"escalate.notify.unit_head.none", "单位负责人（配置中未写）",
     "unit head (none in the config)"},
    {"escalate.notify.leader.none", "领办领导（未指定）", "leader (none named)"},
    {"escalate.notify.office.none", "督查室（配置中未写 office）",
     "supervision office (no office in the config)"},
    {"escalate.person", "{} <{}>", "{} <{}>"},

    // --- slip: the two-part slip of a proxy desk (两单制) -------------------------
    {"slip.title", "诉求受理单", "Request slip"},
    {"slip.stub", "存根联", "Stub"},
    {"slip.stub.note", "（代办点留存）", " (kept by the desk)"},
    {"slip.receipt", "回执联", "Receipt"},
    {"slip.receipt.note", "（交诉求人）", " (for the requester)"},
    {"slip.confidential", "保密", "confidential"},
    {"slip.no_office", "（配置中未写 office）", "(no office in the config)"},
    {"slip.id", "案件编号", "Case"},
    {"slip.receipt_code", "回执码", "Receipt code"},
    {"slip.what", "诉求事项", "Request"},
    {"slip.description", "具体内容", "Details"},
    {"slip.received", "受理时间", "Received"},
    {"slip.channel", "受理渠道", "Channel"},
    {"slip.proxy", "代办员", "Proxy"},
    {"slip.in_person", "本人办理（无代办员）", "in person (no proxy)"},
    {"slip.place", "所在乡镇村", "Town, village"},
    {"slip.due", "办理时限", "Due"},
    {"slip.due.none", "尚未交办，交办后确定", "not yet assigned; set when the case is assigned"},
    {"slip.ask", "进度查询", "Progress"},
    {"slip.ask.text", "凭回执码 {0} 向{1}查询办理进度（duban show --receipt {0}）",
     "ask {1}, giving receipt code {0} (duban show --receipt {0})"},
    {"slip.requester", "诉求人", "Requester"},
    {"slip.phone", "联系电话", "Phone"},
    {"slip.none", "—", "—"},
    {"slip.sign", "诉求人签字", "Requester's signature"},
    {"slip.handler", "经办人", "Handled by"},
    {"slip.html_title", "诉求受理单 {}", "Request slip {}"},

    // --- durations in words ------------------------------------------------------
    {"duration.minutes", "{}分钟", "{} minutes"},
    {"duration.hours", "{}小时", "{} hours"},
    {"duration.days", "{}天", "{} days"},
    {"duration.working_days", "{}个工作日", "{} working days"},
    {"duration.months", "{}个月", "{} months"},
    {"duration.minutes.one", "{}分钟", "{} minute"},
    {"duration.hours.one", "{}小时", "{} hour"},
    {"duration.days.one", "{}天", "{} day"},
    {"duration.working_days.one", "{}个工作日", "{} working day"},
    {"duration.months.one", "{}个月", "{} month"},
};

}  // namespace

std::span<const Entry> words_reports() { return k_words; }

}  // namespace duban::cmd
