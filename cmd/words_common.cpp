// The catalogue's shared words: status and outcome words, table headers,
// the frame of every error. Keys are stable; see catalogue.hpp.
#include "catalogue.hpp"

namespace duban::cmd {

namespace {

constexpr Entry k_words[] = {
    // The frame of every message on stderr (SPEC §10: 文件:行: 字段: …).
    {"error.prefix", "duban: 错误: ", "duban: error: "},
    {"warning.prefix", "duban: 警告: ", "duban: warning: "},
    {"error.nearest", "（是不是 “{}”？）", " (did you mean '{}'?)"},
    {"error.see_help", "（运行 “{}” 查看命令和选项）", "(run '{}' for the commands and options)"},
    {"list.sep", "、", ", "},

    // Status words (SPEC §3, §10). The codes in JSON never change.
    {"status.received", "已受理", "received"},
    {"status.listed", "已交办", "assigned"},
    {"status.in_progress", "办理中", "in progress"},
    {"status.resolved", "已办结", "resolved"},
    {"status.closed", "已销号", "closed"},

    // Outcomes and ratings.
    {"outcome.solved", "已解决", "solved"},
    {"outcome.explained", "已解释说明", "explained"},
    {"rating.satisfied", "满意", "satisfied"},
    {"rating.basic", "基本满意", "basically satisfied"},
    {"rating.unsatisfied", "不满意", "unsatisfied"},

    // tables (cli-words): headers of list, show, meeting list, unit list,
    // doctor; the journal's action words; what init and intake print. The
    // English words of a table are the field names scripts know.
    {"table.case.id", "编号", "id"},
    {"table.case.status", "状态", "status"},
    {"table.case.class", "分类", "class"},
    {"table.case.lead", "牵头单位", "lead"},
    {"table.case.due", "办理时限", "due"},
    {"table.case.title", "标题", "title"},
    {"table.meeting.id", "编号", "id"},
    {"table.meeting.date", "日期", "date"},
    {"table.meeting.kind", "渠道", "kind"},
    {"table.meeting.group", "参会群体", "group"},
    {"table.meeting.title", "会议名称", "title"},
    {"table.unit.code", "代码", "code"},
    {"table.unit.name", "名称", "name"},
    {"table.unit.parent", "上级", "parent"},
    {"table.unit.head", "负责人", "head"},
    {"table.unit.email", "邮箱", "email"},
    // A case's fields in show, and the fields of its journal's events.
    {"field.id", "编号", "id"},
    {"field.receipt", "回执码", "receipt"},
    {"field.title", "标题", "title"},
    {"field.description", "描述", "description"},
    {"field.channel", "渠道", "channel"},
    {"field.category", "类别", "category"},
    {"field.class", "分类", "class"},
    {"field.requester", "诉求人", "requester"},
    {"field.phone", "电话", "phone"},
    {"field.town", "乡镇", "town"},
    {"field.village", "村（社区）", "village"},
    {"field.address", "地址", "address"},
    {"field.meeting", "会议", "meeting"},
    {"field.status", "状态", "status"},
    {"field.lead_unit", "牵头单位", "lead_unit"},
    {"field.co_units", "责任单位", "co_units"},
    {"field.leader", "领办领导", "leader"},
    {"field.proxy", "代办员", "proxy"},
    {"field.received_at", "受理时间", "received_at"},
    {"field.assigned_at", "交办时间", "assigned_at"},
    {"field.ack_due", "签收时限", "ack_due"},
    {"field.acked_at", "签收时间", "acked_at"},
    {"field.due_at", "办理时限", "due_at"},
    {"field.resolved_at", "办结时间", "resolved_at"},
    {"field.outcome", "办理结果", "outcome"},
    {"field.closed_at", "销号时间", "closed_at"},
    {"field.level", "督办级别", "level"},
    {"field.satisfaction", "满意度", "satisfaction"},
    {"field.outcome_text", "结果说明", "outcome_text"},
    {"field.confidential", "保密", "confidential"},
    {"field.reason", "理由", "reason"},
    {"field.note", "说明", "note"},
    {"field.text", "内容", "text"},
    {"field.rating", "评价", "rating"},
    {"field.score", "评分", "score"},
    {"field.from_level", "原级别", "from_level"},
    {"field.lead", "牵头单位", "lead"},
    {"field.co", "责任单位", "co"},
    {"field.forced", "强制", "forced"},
    {"field.whistle", "吹哨单位", "whistle"},
    {"field.within", "时限", "within"},
    {"field.to_unit", "移至单位", "to_unit"},
    {"field.from_unit", "原单位", "from_unit"},
    {"field.auto", "自动", "auto"},
    {"field.when", "时机", "when"},
    {"field.deadline", "期限", "deadline"},
    {"field.was", "原值", "was"},
    {"show.journal", "办理日志", "journal"},
    {"value.true", "是", "true"},
    {"value.false", "否", "false"},
    // The journal's actions (SPEC §3).
    {"action.intake", "受理", "intake"},
    {"action.assign", "交办", "assign"},
    {"action.ack", "签收", "ack"},
    {"action.return", "退单", "return"},
    {"action.note", "进展", "note"},
    {"action.resolve", "办结", "resolve"},
    {"action.close", "销号", "close"},
    {"action.reopen", "重新办理", "reopen"},
    {"action.followup", "回访", "followup"},
    {"action.escalate", "督办升级", "escalate"},
    // doctor's report lines.
    {"doctor.integrity", "完整性", "integrity"},
    {"doctor.schema", "结构版本", "schema"},
    {"doctor.config", "配置", "config"},
    {"doctor.foreign_keys", "外键", "foreign_keys"},
    {"doctor.instants", "时间值", "instants"},
    {"doctor.chain", "哈希链", "chain"},
    {"doctor.cases", "案件与日志", "cases"},
    {"doctor.head", "链头", "head"},
    {"doctor.ok", "正常", "ok"},
    {"doctor.skipped", "跳过", "skipped"},
    {"doctor.fault", "故障", "FAULT"},
    {"doctor.event", "事件 {}", "event {}"},
    {"doctor.case", "案件 {}", "case {}"},
    // What init and intake print.
    {"intake.dry_run", "duban: {} 件有效；未录入（--dry-run）",
     "duban: {} case(s) valid; nothing added (--dry-run)"},
    {"intake.progress", "\rduban: 受理 {}/{}（{}%）", "\rduban: intake {}/{} ({}%)"},
    // init (setup)
    {"init.wrote", "已写入配置文件 {}", "wrote {}"},
    {"init.kept", "配置文件 {} 已存在，保留不动", "kept {} (it exists)"},
    {"init.store", "数据库 {}（结构版本 {}）", "store {} (schema version {})"},
    {"init.name_config", "以后的命令请加 --config {0}，或设置 DUBAN_CONFIG={0}",
     "give later commands --config {0}, or set DUBAN_CONFIG={0}"},
    {"init.next", "下一步：在 {} 中填写本地的单位（[[unit]]），再用 duban unit list 核对",
     "next: put your own units ([[unit]]) in {}, then check them with duban unit list"},
};

}  // namespace

std::span<const Entry> words_common() { return k_words; }

}  // namespace duban::cmd
