// duban intake: one case from options, or many from CSV / JSON Lines.
#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <sstream>

#include "io/records.hpp"
#include "runtime.hpp"
#include "util/error.hpp"

namespace duban::cmd {

namespace {

struct IntakeOptions {
  cases::IntakeFields fields;
  std::optional<std::string> file, encoding, received;
  bool receipt = false, dry_run = false;
};

// The whole input. A path is read with open/read, not a stream, so that a
// folder or a failed read (EIO from /proc/self/mem, a bad disk) is an error
// naming the path and the OS's reason instead of an empty, "valid" batch.
std::string read_all(Runtime& rt, const std::string& file) {
  if (file == "-") {
    std::ostringstream text;
    text << rt.in.rdbuf();
    if (rt.in.bad())
      throw Error(Kind::input_unreadable, {.value = std::to_string(EIO), .source = "-"});
    return text.str();
  }
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error(Kind::input_missing, {.value = std::to_string(errno), .source = file});
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode))
    throw Error(Kind::input_is_folder, {.source = file});
  std::string text;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      throw Error(Kind::input_unreadable, {.value = std::to_string(errno), .source = file});
    }
    text.append(buffer, static_cast<std::size_t>(n));
  }
  return text;
}

void run(Runtime& rt, IntakeOptions& o) {
  std::vector<cases::IntakeFields> items;
  std::vector<cases::Origin> where;
  if (o.received) o.fields.received_at = o.received;
  if (o.file) {
    const std::string source = *o.file == "-" ? "<stdin>" : *o.file;
    auto text = read_all(rt, *o.file);
    if (o.encoding) text = io::to_utf8(text, *o.encoding, source);
    // On stdin the first character tells: JSON starts with { (or [, which
    // the JSON Lines reader then refuses with a clear message).
    const auto first = text.find_first_not_of(" \t\r\n\xef\xbb\xbf");
    // A .json file written by a program is most often JSON Lines too.
    const bool jsonl = o.file->ends_with(".jsonl") || o.file->ends_with(".ndjson") ||
                       o.file->ends_with(".json") ||
                       (*o.file == "-" && first != std::string::npos &&
                        (text[first] == '{' || text[first] == '['));
    const auto records = jsonl ? io::read_jsonl(text, source) : io::read_csv(text, source);
    items = cases::fields_from_records(records, o.fields, source,
                                       jsonl ? std::nullopt : std::optional<std::size_t>(1));
    for (const auto& r : records) where.push_back({source, static_cast<long>(r.line)});
  } else {
    if (!o.fields.title) throw Error(Kind::title_or_file);
    items.push_back(o.fields);
    where.push_back({});  // the command line
  }
  // A long batch at a terminal says how far it is, on one line of stderr.
  cases::Progress progress;
  if (items.size() >= 20000 && !rt.options.quiet && ::isatty(STDERR_FILENO))
    progress = [&rt](std::size_t done, std::size_t total) {
      std::cerr << rt.words().format("intake.progress", done, total, done * 100 / total)
                << (done == total ? "\n" : "") << std::flush;
    };
  // The store is opened (or created) only once the input has been read.
  auto ctx = rt.context();
  // The ids are written before the batch commits: if they cannot be (a
  // full disk, a closed pipe), nothing is added, so a script that tries
  // again makes no duplicates.
  auto say = [&](const std::vector<store::CaseRow>& rows) {
    if (rt.options.quiet) return;
    if (o.receipt && !rt.options.format) {
      for (const auto& c : rows) rt.out << c.id << '\t' << c.receipt << '\n';
    } else if (!rt.options.format) {
      for (const auto& c : rows) rt.out << c.id << '\n';
    } else {
      render_cases(rt, rows);
    }
    rt.out.flush();
    if (!rt.out) throw Error(Kind::ids_not_written);
  };
  const auto rows = cases::intake(ctx, items, o.dry_run ? cases::DryRun::yes : cases::DryRun::no,
                                  where, progress, say);
  if (o.dry_run && !rt.options.quiet)
    std::cerr << rt.words().format("intake.dry_run", rows.size()) << '\n';
}

}  // namespace

void add_intake_field_options(CLI::App& sub, Runtime& rt, cases::IntakeFields& f,
                              IntakeOptionSet set) {
  const bool all = set == IntakeOptionSet::intake;
  sub.add_option("--title", f.title, rt.help("intake.title"));
  sub.add_option("--description", f.description, rt.help("intake.description"));
  sub.add_option("--channel", f.channel, rt.help("intake.channel"))->type_name("CHANNEL");
  sub.add_option("--category", f.category, rt.help("intake.category"))->type_name("CATEGORY");
  if (all) sub.add_option("--class", f.klass, rt.help("intake.class"))->type_name("CLASS");
  sub.add_option("--requester", f.requester, rt.help("intake.requester"))->type_name("NAME");
  sub.add_option("--phone", f.phone, rt.help("intake.phone"));
  sub.add_option("--town", f.town, rt.help("intake.town"));
  sub.add_option("--village", f.village, rt.help("intake.village"));
  sub.add_option("--address", f.address, rt.help("intake.address"));
  if (all) sub.add_option("--proxy", f.proxy, rt.help("intake.proxy"))->type_name("NAME");
  sub.add_option("--meeting", f.meeting, rt.help("intake.meeting"))->type_name("ID");
}

void register_intake(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("intake", rt.help("intake"));
  auto o = std::make_shared<IntakeOptions>();
  add_intake_field_options(*sub, rt, o->fields, IntakeOptionSet::intake);
  sub->add_option("--received", o->received, rt.help("intake.received"))->type_name("WHEN");
  sub->add_option("--file", o->file, rt.help("intake.file"))->type_name("FILE");
  sub->add_option("--encoding", o->encoding, rt.help("intake.encoding"))->type_name("ENCODING");
  sub->add_flag("--receipt", o->receipt, rt.help("intake.receipt"));
  sub->add_flag("--confidential", o->fields.confidential, rt.help("intake.confidential"));
  sub->add_flag("--dry-run", o->dry_run, rt.help("intake.dry_run"));
  sub->callback([&rt, o] { rt.action = [&rt, o] { run(rt, *o); }; });
}

}  // namespace duban::cmd
