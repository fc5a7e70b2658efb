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

    // init (setup)
    {"init.wrote", "已写入配置文件 {}", "wrote {}"},
    {"init.kept", "配置文件 {} 已存在，保留不动", "kept {} (it exists)"},
    {"init.store", "数据库 {}（结构版本 {}）", "store {} (schema version {})"},
    {"init.name_config", "以后的命令请加 --config {0}，或设置 DUBAN_CONFIG={0}",
     "give later commands --config {0}, or set DUBAN_CONFIG={0}"},
    {"init.next", "下一步：在 {} 中填写本地的单位（[[unit]]），再用 duban unit list 核对",
     "next: put your own units ([[unit]]) in {}, then check them with duban unit list"},
    {"init.cannot_write", "无法写入配置文件 {}：{}", "cannot write {}: {}"},
    {"init.config_and_write", "--config {} 与 --write {} 指向不同的文件：只给一个",
     "--config {} and --write {} name different files: give one"},
};

}  // namespace

std::span<const Entry> words_common() { return k_words; }

}  // namespace duban::cmd
