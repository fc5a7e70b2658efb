// Every kind of fault the library throws, with its exit code (SPEC §6) and
// its words in zh and en. A kind with no words here fails the build
// (-Wswitch): every fault a user can meet is worded.
#include "errors.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <map>

namespace duban::cmd {

namespace {

struct Wording {
  Exit exit;
  std::string_view zh, en;
};

// The placeholders a wording may use: {where} (the option, or file:line:
// field), {value}, {nearest} (the did-you-mean hint, or nothing), {case},
// {choices} (joined), {a} and {b} (the first two choices), {source}, {line},
// {status} (`value` as a status word), {statuses} (Kind::wrong_state's
// `choices` as status words, "a, b or c"), {inner} (the fault in faults[0]);
// {at}: {where} and ": ", or nothing when there is no where; {field}: the
// field alone; {os}: the system's reason for `value`, an errno.
// A fault in a value is bad usage (64) on the command line and bad data (65)
// in a file (is_value_fault); a name that matches nothing is 69 and 65
// (is_name_fault).
Wording wording(Kind kind) {
  switch (kind) {
  // --- values given by a person or a file ------------------------------
  case Kind::required: return {Exit::usage, "{where}: 必须给出", "{where} is required"};
  case Kind::not_one_of:
    return {Exit::usage, "{where}: “{value}” 不是 {choices} 之一{nearest}",
            "{where} '{value}' is not one of {choices}{nearest}"};
  case Kind::not_a_when:
    return {Exit::usage,
            "{where}: “{value}” 不是时间（如 2025-09-27、2025-09-27 09:00、2025/9/27 9:00）",
            "{where} '{value}' is not a time (2025-09-27, 2025-09-27 09:00, 2025/9/27 9:00)"};
  case Kind::not_a_duration:
    return {Exit::usage, "{where}: “{value}” 不是时长（如 2h、3d、5wd、1mo）",
            "{where} '{value}' is not a duration (2h, 3d, 5wd, 1mo)"};
  case Kind::not_a_date:
    return {Exit::usage, "{where}: “{value}” 不是日期（如 2025-09-27）",
            "{where} '{value}' is not a date (2025-09-27)"};
  case Kind::not_a_number:
    return {Exit::usage, "{where}: “{value}” 不是整数", "{where} '{value}' is not a whole number"};
  case Kind::out_of_range:
    return {Exit::usage, "{where}: {value} 不在 {a}..{b} 之内",
            "{where} {value} is outside {a}..{b}"};
  case Kind::several: return {Exit::data, "", ""};

  // --- cases (lib/cases, lib/time, lib/util) -----------------------------
  case Kind::no_case: return {Exit::unavailable, "没有案件 {case}", "no case {case}"};
  case Kind::no_receipt:
    return {Exit::unavailable, "没有回执号为 {value} 的案件", "no case with receipt {value}"};
  case Kind::not_a_case_id:
    return {Exit::usage, "“{value}” 不是案件编号", "'{value}' is not a case id"};
  case Kind::no_ids:
    return {Exit::usage, "没有给出案件编号（写在参数里，或用 “-” 从标准输入逐行读入）",
            "no case ids given (as arguments, or '-' for stdin)"};
  case Kind::one_id_only:
    return {Exit::usage, "此命令一次只处理一个案件，却给了 {value} 个编号",
            "this command takes one case id, not {value}"};
  case Kind::id_or_receipt:
    return {Exit::usage, "show 需要案件编号或 --receipt 回执号，二者选一",
            "show takes case ids or --receipt CODE, not both or neither"};
  case Kind::not_a_due:
    return {
        Exit::usage,
        "{where}: “{value}” 既不是时间（如 2025-09-27、2025-09-27 18:00）也不是时长（如 3d、5wd）",
        "{where} '{value}' is neither a time (2025-09-27, 2025-09-27 18:00) nor a duration "
        "(30m, 4h, 3d, 5wd for working days, 2mo)"};
  case Kind::not_utf8:
    return {Exit::usage, "{where}: 不是有效的 UTF-8 文本", "{where}: invalid UTF-8"};
  case Kind::must_not_be_negative:
    return {Exit::usage, "{where}: {value} 不能是负数", "{where} must not be negative ({value})"};
  case Kind::after_clock:
    return {Exit::usage, "{where}: “{value}”（{a}）晚于当前时钟（{b}）",
            "{where} '{value}' ({a}) is after the clock ({b})"};
  case Kind::deadline_out_of_range:
    return {Exit::usage, "按规则算出的期限 {value} 不在 {a}..{b} 之内",
            "the deadline {value} from the rules is outside {a}..{b}"};
  case Kind::wrong_state:
    return {Exit::data, "案件 {case} 当前为“{status}”，此操作要求它为“{statuses}”",
            "case {case} is {status}; this needs it {statuses}"};
  case Kind::not_acknowledged:
    return {Exit::data, "案件 {case} 已交办但牵头单位尚未签收；签收（ack）后才能办结",
            "case {case} is assigned but not acknowledged; resolve needs it in progress "
            "(acknowledged by its lead unit: ack)"};
  case Kind::close_needs_resolved:
    return {Exit::data,
            "案件 {case} 当前为“{status}”，销号需要它已办结（或用 --force --reason 强制销号）",
            "case {case} is {status}; close needs it resolved (or --force --reason)"};
  case Kind::closed_unassigned:
    return {Exit::data, "案件 {case} 未交办就已销号，不能重新打开；请直接交办（assign）",
            "case {case} was closed unassigned; assign it instead"};
  case Kind::out_of_order:
    return {
        Exit::data,
        "案件 {case}: 本次操作时间 {value} 早于它最近一次操作的时间 {a}；对案件的操作须按时间先后",
        "case {case}: this act at {value} is before its latest act at {a}; acts on a case go "
        "in time order"};
  case Kind::lead_and_co:
    return {Exit::usage, "单位 “{value}” 不能既是牵头单位又是责任单位",
            "unit '{value}' cannot be both lead and co-unit"};
  case Kind::co_twice:
    return {Exit::usage, "责任单位 “{value}” 列了两次", "co-unit '{value}' is listed twice"};
  case Kind::reason_for_due:
    return {Exit::usage, "{where}: 必须给出（期限为什么与规则不同）",
            "{where} is required (why the deadline differs from the rules)"};
  case Kind::reason_for_reassign:
    return {Exit::usage, "案件 {case} 已交办给 “{value}”；改派需要给出 {where}",
            "case {case} is already assigned to '{value}'; reassigning needs {where}"};
  case Kind::reason_for_force:
    return {Exit::usage, "{where}: 必须给出（为什么未办结就销号）",
            "{where} is required (why it is closed unresolved)"};
  case Kind::note_for_explained:
    return {Exit::usage, "{where}: 必须给出（为什么无法办理的解释说明）",
            "{where} is required (the explanation of why it cannot be done)"};
  case Kind::note_text_required:
    return {Exit::usage, "备注内容不能为空", "the note's text is required"};
  case Kind::needs_class_or_due:
    return {Exit::usage,
            "案件 {case} 没有分类，而办理期限取决于分类；请给出 --class A|B|C 或 --due",
            "case {case} has no class, and its resolve deadline depends on it; give --class "
            "A|B|C or --due"};
  case Kind::not_on_case:
    return {Exit::usage, "单位 “{value}” 既不是案件 {case} 的牵头单位、责任单位，也没有被吹哨",
            "unit '{value}' is neither the lead, a co-unit nor summoned on case {case}"};
  case Kind::already_suspended:
    return {Exit::data, "案件 {case} 已于 {value} 挂账；恢复办理请用 resume",
            "case {case} is suspended since {value}; resume it first"};
  case Kind::not_suspended:
    return {Exit::data, "案件 {case} 未挂账，无需恢复", "case {case} is not suspended"};
  case Kind::not_after_clock:
    return {Exit::usage, "{where}: {value} 不晚于当前时间 {a}",
            "{where} {value} is not after the clock, {a}"};
  case Kind::extension_pending:
    return {Exit::data, "案件 {case} 已申请延期至 {value}，尚待督查室审批",
            "case {case} already asks for a due at {value}, not yet decided"};
  case Kind::no_extension:
    return {Exit::data, "案件 {case} 没有待审批的延期申请",
            "case {case} has no extension request to decide"};
  case Kind::extension_not_later:
    return {Exit::usage, "申请的期限 {value} 不晚于案件现有期限 {a}",
            "the due asked for, {value}, is not after the case's due, {a}"};
  case Kind::merge_into_self:
    return {Exit::usage, "案件 {case} 不能并入它自己", "case {case} cannot be merged into itself"};
  case Kind::already_merged:
    return {Exit::data, "案件 {case} 已并入案件 {value}；先拆分（unmerge）",
            "case {case} is already merged into case {value}; unmerge it first"};
  case Kind::master_merged:
    return {Exit::data, "主案件 {case} 本身已并入案件 {value}；请并入 {value}",
            "the master, case {case}, is itself merged into case {value}; merge into {value}"};
  case Kind::has_merged:
    return {Exit::data, "案件 {case} 已有案件并入（{choices}），不能再并入别的案件",
            "case {case} has cases merged into it ({choices}): it cannot be merged into another"};
  case Kind::not_merged:
    return {Exit::data, "案件 {case} 未并入任何案件", "case {case} is merged into no case"};
  case Kind::appeal_pending:
    return {Exit::data, "案件 {case} 已有申诉待督查室处理",
            "case {case} already has an appeal awaiting the office"};
  case Kind::appeal_granted:
    return {Exit::data, "案件 {case} 的申诉已获核减", "case {case}'s appeal was granted already"};
  case Kind::no_appeal:
    return {Exit::data, "案件 {case} 没有待处理的申诉",
            "case {case} has no appeal awaiting a decision"};
  case Kind::nothing_to_amend:
    return {Exit::usage, "没有给出要更正的字段", "no field to correct was given"};
  case Kind::amend_unchanged:
    return {Exit::usage, "{where}: 案件 {case} 已经是 “{value}”",
            "{where}: case {case} is already '{value}'"};
  case Kind::meeting_not_ready:
    return {Exit::data, "会议 {value} 还有 {a} 件未交办；全部交办后才能印发清单",
            "meeting {value} has {a} cases not yet assigned; assign them all before issuing"};
  case Kind::meeting_no_cases:
    return {Exit::data, "会议 {value} 没有案件，无清单可印发",
            "meeting {value} has no case: there is no list to issue"};
  case Kind::meeting_issued:
    return {Exit::data, "会议 {value} 的清单已于 {a} 印发",
            "meeting {value}'s list was issued at {a}"};
  case Kind::due_not_assigned:
    return {Exit::usage, "案件 {case} 尚未交办；期限在交办（assign）时给出",
            "case {case} is not assigned; a due date comes with assign"};
  case Kind::due_before_assignment:
    return {Exit::data, "{where}: {value} 早于交办时间 {a}",
            "{where} {value} is before the assignment at {a}"};
  case Kind::unknown_column:
    return {Exit::data, "{where}: 未知的列 “{value}”{nearest}",
            "{where}: unknown column '{value}'{nearest}"};
  case Kind::unknown_key:
    return {Exit::data, "{where}: 未知的字段 “{value}”{nearest}",
            "{where}: unknown field '{value}'{nearest}"};
  case Kind::more_unknown_columns:
    return {Exit::data, "{where}: …另有 {value} 个未知的列",
            "{where}: … and {value} more unknown columns"};
  case Kind::more_unknown_keys:
    return {Exit::data, "{where}: …另有 {value} 个未知的字段",
            "{where}: … and {value} more unknown fields"};
  case Kind::known_fields:
    return {Exit::data, "可用的字段: {choices}", "the fields are: {choices}"};
  case Kind::batch_refused:
    return {Exit::data, "共 {value} 处错误，一件也没有添加", "{value} faults, nothing was added"};
  case Kind::in_record: return {Exit::data, "{where}: {inner}", "{where}: {inner}"};
  case Kind::actor_not_utf8:
    return {Exit::usage, "操作人（--as、DUBAN_ACTOR 或登录名）不是有效的 UTF-8",
            "the actor's name (--as, DUBAN_ACTOR or the login) is not UTF-8"};
  case Kind::no_random:
    return {Exit::io, "系统没有给出随机字节（OpenSSL RAND_bytes）",
            "no random bytes from the system (OpenSSL RAND_bytes)"};
  case Kind::unknown_zone:
    return {Exit::config, "“{value}” 不是 IANA 时区（如 Asia/Shanghai）",
            "'{value}' is not an IANA time zone (such as Asia/Shanghai)"};
  case Kind::no_working_day:
    return {Exit::config, "工作日历在 {value} 之后没有工作日（检查配置的节假日和周末）",
            "the working calendar has no working day after {value} (see the config's holidays "
            "and weekend)"};

  // --- supervision and reports (lib/supervise, lib/report) -------------
  case Kind::level_not_raised:
    return {Exit::usage, "案件 {case} 已在第 {a} 级，{where} {value} 不是升级",
            "case {case} is at level {a}; {where} {value} does not raise it"};
  case Kind::not_above:
    return {Exit::usage, "“{value}” 不是 “{a}” 的上级单位：{where} 只能把案件移交上级",
            "'{value}' is not above '{a}' in the unit tree; {where} moves a case up only"};
  case Kind::whistle_without_units:
    return {Exit::usage, "{where}: 至少要给出一个单位", "{where} needs at least one unit"};
  case Kind::no_meeting:
    return {Exit::unavailable, "没有会议 {value}{nearest}", "no meeting {value}{nearest}"};
  case Kind::not_a_month:
    return {Exit::usage, "{where}: “{value}” 不是月份（如 2026-10、previous、current）",
            "{where} '{value}' is not a month (2026-10, previous, current)"};
  case Kind::empty_period:
    return {Exit::usage, "{where} {value} 须早于 {a}：统计期间为 [from, to)",
            "{where} {value} must come before {a}: the period is [from, to)"};
  case Kind::one_mode_of:
    return {Exit::usage, "须给出且只给出 {choices} 之一", "give exactly one of {choices}"};
  case Kind::no_ids_with:
    return {Exit::usage, "{where} 作用于所有案件，不要给出案件编号",
            "{where} applies to every case; give no ids"};
  case Kind::options_conflict:
    return {Exit::usage, "{where} 与 {a} 不能同时给出", "give {where} or {a}, not both"};
  case Kind::option_needs:
    return {Exit::usage, "{where} 须与 {a} 一起使用", "{where} goes with {a}"};

  // --- config (lib/config) ---------------------------------------------
  case Kind::unknown_unit:
    return {Exit::unavailable, "{where}: 没有单位“{value}”（代码或名称）{nearest}",
            "{where}: unknown unit '{value}' (neither a code nor a name){nearest}"};
  case Kind::unknown_category:
    return {Exit::unavailable, "{where}: 没有类别“{value}”（代码或名称）{nearest}",
            "{where}: unknown category '{value}' (neither a code nor a name){nearest}"};
  case Kind::unknown_channel:
    return {Exit::unavailable, "{where}: 没有渠道“{value}”（代码或名称）{nearest}",
            "{where}: unknown channel '{value}' (neither a code nor a name){nearest}"};
  case Kind::unknown_meeting:
    return {Exit::unavailable, "{where}: 没有会议“{value}”（编号或名称）{nearest}",
            "{where}: no meeting '{value}' (neither an id nor a title){nearest}"};
  case Kind::unknown_topic:
    return {Exit::unavailable, "{where}: 没有每月一题“{value}”（编号）",
            "{where}: no topic '{value}' (not a topic id)"};
  case Kind::ambiguous_name:
    return {Exit::usage, "{where}: “{value}” 是多个的名称（{choices}），请用代码",
            "{where}: '{value}' is the name of several ({choices}); give the code"};
  case Kind::config_missing:
    return {Exit::no_input, "没有配置文件 {source}", "no config file at {source}"};
  case Kind::config_unreadable:
    return {Exit::no_input, "无法读取配置文件 {source}", "cannot read config {source}"};
  case Kind::config_syntax:
    return {Exit::config, "{where}: 不是有效的 TOML：{value}", "{where}: not valid TOML: {value}"};
  case Kind::config_unknown_key:
    return {Exit::config, "{where}: 未知的键{nearest}", "{where}: unknown key{nearest}"};
  case Kind::config_not_string:
    return {Exit::config, "{where}: 必须是字符串", "{where}: must be a string"};
  case Kind::config_empty: return {Exit::config, "{where}: 不能为空", "{where}: must not be empty"};
  case Kind::config_not_code:
    return {Exit::config,
            "{where}: “{value}” 不是代码：只用字母、数字、“_”、“-”、“.”（不含空格或逗号）",
            "{where}: '{value}' is not a code: use letters, digits, '_', '-' and '.' "
            "(no spaces or commas)"};
  case Kind::config_not_duration:
    return {Exit::config, "{where}: “{value}” 不是时长（如 2h、3d、5wd、1mo）",
            "{where}: '{value}' is not a duration (2h, 3d, 5wd, 1mo)"};
  case Kind::config_not_strings:
    return {Exit::config, "{where}: 必须是字符串数组", "{where}: must be an array of strings"};
  case Kind::config_not_table:
    return {Exit::config, "{where}: 必须是表", "{where}: must be a table"};
  case Kind::config_not_tables:
    return {Exit::config, "{where}: 必须写成 [[表]]", "{where}: must be written as [[tables]]"};
  case Kind::config_not_channel:
    return {Exit::config, "{where}: 渠道须是代码字符串或 {{ code = \"…\", name = \"…\" }}",
            "{where}: a channel is a code or {{ code = \"...\", name = \"...\" }}"};
  case Kind::config_not_resolve:
    return {Exit::config, "{where}: 必须是时长或表 {{ A = …, B = …, C = … }}",
            "{where}: must be a duration or a table {{ A = ..., B = ..., C = ... }}"};
  case Kind::config_no_class:
    return {Exit::config, "{where}: 缺少 {value} 类的时长",
            "{where}: has no duration for class {value}"};
  case Kind::config_needs:
    return {Exit::config, "{where}: 每个 [[{value}]] 都需要此项",
            "{where}: every [[{value}]] needs it"};
  case Kind::config_twice:
    return {Exit::config, "{where}: “{value}” 重复定义", "{where}: '{value}' is defined twice"};
  case Kind::config_not_weekday:
    return {Exit::config, "{where}: “{value}” 不是星期几（mon .. sun）",
            "{where}: '{value}' is not a weekday (mon .. sun)"};
  case Kind::config_no_workday:
    return {Exit::config, "{where}: 七天都是周末，至少要有一个工作日",
            "{where}: lists all seven days; at least one must be a working day"};
  case Kind::config_not_day_range:
    return {Exit::config,
            "{where}: “{value}” 不是日期（2025-10-01）或日期范围（2025-10-01..2025-10-08）",
            "{where}: '{value}' is not a date (2025-10-01) or a range (2025-10-01..2025-10-08)"};
  case Kind::config_holiday_workday:
    return {Exit::config, "{where}: {value} 既是节假日又是调休工作日",
            "{where}: {value} is both a holiday and a make-up working day"};
  case Kind::config_unknown_name:
    return {Exit::config, "{where}: 没有“{value}”{nearest}", "{where}: unknown '{value}'{nearest}"};
  case Kind::config_own_ancestor:
    return {Exit::config, "{where}: 单位“{value}”是自己的上级",
            "{where}: unit '{value}' is its own ancestor"};
  case Kind::config_rule_match:
    return {Exit::config, "{where}: 规则需要 channel 和/或 category 来匹配",
            "{where}: a rule needs a channel and/or a category to match on"};
  case Kind::config_rule_duration:
    return {Exit::config, "{where}: 规则需要 ack 或 resolve 时长",
            "{where}: a rule needs an ack or a resolve duration"};
  case Kind::config_not_one_of:
    return {Exit::config, "{where}: “{value}” 不是 {choices} 之一",
            "{where}: '{value}' is not one of {choices}"};
  case Kind::config_out_of_range:
    return {Exit::config, "{where}: 必须是 {a} 到 {b} 之间的数",
            "{where}: must be a number from {a} to {b}"};
  case Kind::config_weights_sum:
    return {Exit::config, "{where}: 三项权重之和为 {value}，应为 1",
            "{where}: the weights sum to {value}, not 1"};
  case Kind::config_not_zone:
    return {Exit::config, "{where}: “{value}” 不是 IANA 时区（如 Asia/Shanghai）",
            "{where}: '{value}' is not an IANA time zone (such as Asia/Shanghai)"};

  // --- input files (lib/io) --------------------------------------------
  case Kind::file_nul:
    return {Exit::data, "{where}: 含 NUL 字节（不是文本；UTF-16 文件请另存为 UTF-8）",
            "{where}: NUL byte (not text; a UTF-16 file must be saved as UTF-8)"};
  case Kind::not_utf8_gb18030:
    return {Exit::data, "{where}: 不是有效的 UTF-8，但可按 GB18030 读出：请加 --encoding gb18030",
            "{where}: invalid UTF-8, but it reads as GB18030: give --encoding gb18030"};
  case Kind::utf8_not_gb18030:
    return {Exit::data,
            "{where}: 给了 --encoding gb18030，但文件是含中文的有效 UTF-8：去掉 --encoding 再试",
            "{where}: --encoding gb18030 given, but the file is valid UTF-8 with non-ASCII text; "
            "leave --encoding out"};
  case Kind::unknown_encoding:
    return {Exit::usage, "--encoding: 未知的编码“{value}”",
            "--encoding: unknown encoding '{value}'"};
  case Kind::bad_encoding_bytes:
    return {Exit::data, "{where}: 不是有效的 {value} 字节序列",
            "{where}: invalid {value} byte sequence"};
  case Kind::csv_stray_quote:
    return {Exit::data, "{where}: 单元格中有多余的 '\"'（请给整个单元格加引号，里面的引号写两遍）",
            "{where}: stray '\"' in a cell (quote the whole cell and double the quotes inside)"};
  case Kind::csv_unclosed_quote:
    return {Exit::data, "{where}: 带引号的单元格没有结束", "{where}: quoted cell is never closed"};
  case Kind::csv_unnamed_column:
    return {Exit::data, "{where}: 第 {value} 列没有列名", "{where}: column {value} has no name"};
  case Kind::csv_duplicate_column:
    return {Exit::data, "{where}: 列“{value}”重复", "{where}: duplicate column '{value}'"};
  case Kind::csv_cell_count:
    return {Exit::data, "{where}: 有 {value} 个单元格，但表头有 {a} 列",
            "{where}: {value} cells, but the header has {a} columns"};
  case Kind::json_invalid:
    return {Exit::data, "{where}: 不是有效的 JSON（{value}）", "{where}: invalid JSON: {value}"};
  case Kind::json_not_object:
    return {Exit::data, "{where}: 应是 JSON 对象，而不是 {value}",
            "{where}: expected a JSON object, not {value}"};
  case Kind::json_duplicate_key: return {Exit::data, "{where}: 键重复", "{where}: duplicate key"};
  case Kind::json_bad_value:
    return {Exit::data, "{where}: 必须是字符串、数字或字符串数组",
            "{where}: must be a string, a number or an array of strings"};
  case Kind::json_nul:
    return {Exit::data, "{where}: 含 NUL（\\u0000）", "{where}: holds a NUL (\\u0000)"};

  // --- the store (lib/store) -------------------------------------------
  case Kind::store_missing:
    return {Exit::no_input, "没有存储文件 {source}（先运行 “duban init” 创建）",
            "no store at {source} (run 'duban init' to create one)"};
  case Kind::store_empty:
    return {Exit::no_input, "{source} 是空文件，不是 duban 存储（先运行 “duban init” 创建）",
            "{source} is empty, not a duban store (run 'duban init' to create one)"};
  case Kind::store_newer:
    return {Exit::data, "存储 {source} 的结构版本 {value} 比本 duban 认识的（{a}）新：请升级 duban",
            "the store {source} has schema version {value}, newer than this duban knows ({a}); "
            "upgrade duban"};
  case Kind::store_foreign:
    return {Exit::data, "{source} 是 SQLite 文件，但不是 duban 存储",
            "{source} is an SQLite file but not a duban store"};
  case Kind::store_cant_create:
    return {Exit::cant_create, "无法创建 {source}：{value}", "cannot create {source}: {value}"};
  case Kind::store_busy:
    return {Exit::busy, "存储正忙（另一个 duban 正在写入），请稍后再试",
            "the store is busy (another duban is writing); try again"};
  case Kind::store_damaged:
    return {Exit::data, "存储 {source} 不是 duban 存储或已损坏（{value}）：运行 “duban doctor”",
            "the store {source} is not a duban store or is damaged ({value}); run 'duban doctor'"};
  case Kind::store_bad_row:
    return {Exit::data, "存储中有 duban 不会写出的数据：{field} “{value}”",
            "the store holds what duban never writes: {field} '{value}'"};
  case Kind::store_constraint:
    return {Exit::data, "{at}存储拒绝了这一行（{value}）",
            "{at}the store refused the row ({value})"};
  case Kind::store_io:
    return {Exit::io, "无法读写存储 {source}：{value}",
            "cannot read or write the store {source}: {value}"};

  // --- the command line (cmd/) -----------------------------------------
  case Kind::title_or_file:
    return {Exit::usage, "intake 需要 --title，或 --file 文件|-",
            "intake needs --title, or --file PATH|-"};
  case Kind::input_missing:
    return {Exit::no_input, "无法读取 {source}：{os}", "cannot read {source}: {os}"};
  case Kind::input_is_folder:
    return {Exit::no_input, "无法读取 {source}：这是文件夹",
            "cannot read {source}: it is a folder"};
  case Kind::input_unreadable:
    return {Exit::io, "读取 {source} 出错：{os}", "cannot read {source}: {os}"};
  case Kind::output_failed:
    return {Exit::io, "无法写到标准输出", "cannot write to standard output"};
  case Kind::ids_not_written:
    return {Exit::io, "无法把新案件编号写到标准输出：什么也没有录入",
            "cannot write the new ids to standard output; nothing was added"};
  case Kind::config_and_write:
    return {Exit::usage, "--config {value} 与 --write {a} 指向不同的文件：只给一个",
            "--config {value} and --write {a} name different files: give one"};
  case Kind::cannot_write_file:
    return {Exit::cant_create, "无法写入 {source}：{os}", "cannot write {source}: {os}"};
  }
  return {Exit::io, "", ""};
}

// Kinds whose fault lies in a value: 64 from the command line, 65 from a file.
bool is_value_fault(Kind kind) {
  switch (kind) {
  case Kind::required:
  case Kind::not_one_of:
  case Kind::not_a_when:
  case Kind::not_a_duration:
  case Kind::not_a_date:
  case Kind::not_a_number:
  case Kind::out_of_range:
  // cases
  case Kind::not_a_due:
  case Kind::not_utf8:
  case Kind::must_not_be_negative:
  case Kind::after_clock:
  case Kind::ambiguous_name: return true;
  default: return false;
  }
}

// Kinds naming what does not exist: 69 from the command line, but a file
// that names it holds bad data (65), like a bad value.
bool is_name_fault(Kind kind) {
  switch (kind) {
  case Kind::unknown_unit:
  case Kind::unknown_category:
  case Kind::unknown_channel:
  case Kind::unknown_meeting: return true;
  default: return false;
  }
}

// An environment variable ($DUBAN_NOW) stands for itself.
bool is_environment(const Fields& f) { return f.source.starts_with('$'); }

std::string where_of(const Fields& f) {
  if (f.source.empty()) return f.field.empty() ? std::string() : option_of(f.field);
  if (is_environment(f)) return f.source;
  std::string where = f.source;
  if (f.line > 0) where += fmt::format(":{}", f.line);
  if (f.column > 0) where += fmt::format(":{}", f.column);
  if (!f.field.empty()) where += ": " + f.field;
  return where;
}

// "a, b or c" in the catalogue's language.
std::string either(const std::vector<std::string>& items, const Catalogue& words) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0)
      out += i + 1 == items.size() ? (words.lang() == Lang::zh ? "或" : " or ") : words("list.sep");
    out += items[i];
  }
  return out;
}

// {os}: the system's reason for a file fault (`value`, an errno), in words
// the clerk reads for the common ones.
std::string os_reason(const std::string& value, const Catalogue& words) {
  int code = 0;
  try {
    code = std::stoi(value);
  } catch (const std::exception&) {
    return value;
  }
  if (words.lang() == Lang::zh) {
    switch (code) {
    case ENOENT: return "没有这个文件或文件夹";
    case EACCES:
    case EPERM: return "没有权限";
    case EISDIR: return "这是文件夹";
    case ENOTDIR: return "路径中有一段不是文件夹";
    case EIO: return "读写出错";
    case ENOSPC: return "磁盘已满";
    case EROFS: return "只读文件系统";
    default: break;
    }
  }
  return std::strerror(code);
}

std::string one(const Error& e, const Catalogue& words) {
  const auto& f = e.fields();
  const auto w = wording(e.kind());
  const auto text = words.lang() == Lang::zh ? w.zh : w.en;
  const std::string nearest =
      f.nearest.empty() ? std::string() : words.format("error.nearest", f.nearest);
  const std::string choices = fmt::format("{}", fmt::join(f.choices, words("list.sep")));
  const std::string a = f.choices.size() > 0 ? f.choices[0] : std::string();
  const std::string b = f.choices.size() > 1 ? f.choices[1] : std::string();
  const std::string case_id = f.case_id ? std::to_string(*f.case_id) : std::string();
  const std::string where = where_of(f);
  // {status}: `value` as a status word; {statuses}: `choices` so, "a, b or c".
  const auto status_word = [&](const std::string& code) {
    return std::string(words(fmt::format("status.{}", code)));
  };
  const bool of_status = e.kind() == Kind::wrong_state || e.kind() == Kind::close_needs_resolved;
  const std::string status = of_status ? status_word(f.value) : std::string();
  std::vector<std::string> needed;
  if (of_status)
    for (const auto& c : f.choices) needed.push_back(status_word(c));
  const std::string statuses = either(needed, words);
  // {os}: only the file faults carry an errno in `value`.
  const bool of_os = e.kind() == Kind::input_missing || e.kind() == Kind::input_unreadable ||
                     e.kind() == Kind::cannot_write_file;
  const std::string os = of_os ? os_reason(f.value, words) : std::string();
  // {inner}: the fault a Kind::in_record wraps.
  const std::string inner = e.faults.empty() ? std::string() : describe(e.faults.front(), words);
  return fmt::vformat(
      text, fmt::make_format_args(
                fmt::arg("where", where), fmt::arg("at", where.empty() ? where : where + ": "),
                fmt::arg("value", f.value), fmt::arg("nearest", nearest), fmt::arg("case", case_id),
                fmt::arg("choices", choices), fmt::arg("a", a), fmt::arg("b", b),
                fmt::arg("source", f.source), fmt::arg("line", f.line), fmt::arg("status", status),
                fmt::arg("statuses", statuses), fmt::arg("inner", inner), fmt::arg("os", os),
                fmt::arg("field", f.field)));
}

}  // namespace

int exit_code(const Error& e) {
  if ((e.kind() == Kind::several || e.kind() == Kind::in_record) && !e.faults.empty())
    return exit_code(e.faults.front());
  if ((is_value_fault(e.kind()) || is_name_fault(e.kind())) && !e.fields().source.empty() &&
      !is_environment(e.fields()))
    return static_cast<int>(Exit::data);
  return static_cast<int>(wording(e.kind()).exit);
}

std::string describe(const Error& e, const Catalogue& words) {
  if (e.kind() != Kind::several) return one(e, words);
  std::string out;
  for (const auto& f : e.faults) {
    if (!out.empty()) out += '\n';
    out += one(f, words);
  }
  return out;
}

std::string option_of(std::string_view field) {
  // Where an option's name differs from the field it sets (SPEC §9).
  static const std::map<std::string_view, std::string_view> k_options = {
      {"lead_unit", "lead"}, {"co_units", "co"}, {"received_at", "received"},
      {"due_at", "due"},     {"klass", "class"},
  };
  std::string name(field);
  if (auto it = k_options.find(field); it != k_options.end()) name = it->second;
  for (auto& c : name)
    if (c == '_') c = '-';
  return "--" + name;
}

}  // namespace duban::cmd
