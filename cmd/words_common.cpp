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
};

}  // namespace

std::span<const Entry> words_common() { return k_words; }

}  // namespace duban::cmd
