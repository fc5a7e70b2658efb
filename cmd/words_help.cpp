// The catalogue's words for --help of every command and option.
// Keys are stable; see catalogue.hpp.
#include "catalogue.hpp"

namespace duban::cmd {

namespace {

constexpr Entry k_words[] = {
    {"help.placeholder", "", ""},

    // list (kinds-cases)
    {"help.list.closed_from", "销号日期不早于 DATE", "Closed (crossed off) on or after DATE"},
    {"help.list.closed_to", "销号日期不晚于 DATE", "Closed (crossed off) on or before DATE"},
    {"help.list.leader", "包案领导（与交办时所记完全一致）", "Leader in charge, exactly as assigned"},
    {"help.list.town", "乡镇或街道（与受理时所记完全一致）", "Town or street, exactly as taken in"},
    {"help.list.bom", "CSV、TSV 输出前加 UTF-8 BOM，供 Excel、WPS 正确显示中文",
     "Start CSV or TSV output with a UTF-8 BOM, so that Excel and WPS read the Chinese"},
    // show (kinds-cases)
    {"help.show.ids", "案件编号，可给多个（或 - 从标准输入逐行读入）；--format json 时，多个编号或 - 输出数组",
     "Case ids (or - to read them from stdin, one a line); with --format json several ids or - "
     "print an array, one id its object"},
};

}  // namespace

std::span<const Entry> words_help() { return k_words; }

}  // namespace duban::cmd
