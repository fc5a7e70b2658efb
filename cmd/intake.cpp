// duban intake: one case from options, or many from CSV / JSON Lines.
#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <optional>

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

// The input, a piece at a time. A path is read with open/read, not a
// stream, so that a folder or a failed read (EIO from /proc/self/mem, a bad
// disk) is an error naming the path and the OS's reason instead of an
// empty, "valid" batch.
class Input {
public:
  Input(Runtime& rt, const std::string& file) : m_rt(rt), m_file(file) {
    if (file == "-") return;
    m_fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (m_fd < 0)
      throw Error(Kind::input_missing, {.value = std::to_string(errno), .source = file});
    struct stat st {};
    if (::fstat(m_fd, &st) == 0) {
      if (S_ISDIR(st.st_mode)) {
        ::close(m_fd);
        throw Error(Kind::input_is_folder, {.source = file});
      }
      if (S_ISREG(st.st_mode)) m_size = static_cast<std::size_t>(st.st_size);
    }
  }
  ~Input() {
    if (m_fd >= 0) ::close(m_fd);
  }
  Input(const Input&) = delete;
  Input& operator=(const Input&) = delete;

  std::size_t read(char* buffer, std::size_t size) {
    if (m_fd < 0) {
      m_rt.in.read(buffer, static_cast<std::streamsize>(size));
      if (m_rt.in.bad())
        throw Error(Kind::input_unreadable, {.value = std::to_string(EIO), .source = "-"});
      return static_cast<std::size_t>(m_rt.in.gcount());
    }
    for (;;) {
      const ssize_t n = ::read(m_fd, buffer, size);
      if (n >= 0) return static_cast<std::size_t>(n);
      if (errno != EINTR)
        throw Error(Kind::input_unreadable, {.value = std::to_string(errno), .source = m_file});
    }
  }
  // The file's size, when it is a file (not a pipe).
  std::optional<std::size_t> size() const { return m_size; }

private:
  Runtime& m_rt;
  std::string m_file;
  int m_fd = -1;
  std::optional<std::size_t> m_size;
};

// The bytes read ahead to tell JSON from CSV, then the rest.
struct Peeked {
  Input& input;
  std::string head;
  std::size_t pos = 0;
  std::size_t read(char* buffer, std::size_t size) {
    if (pos < head.size()) {
      const auto n = std::min(size, head.size() - pos);
      std::memcpy(buffer, head.data() + pos, n);
      pos += n;
      return n;
    }
    return input.read(buffer, size);
  }
};

void run(Runtime& rt, IntakeOptions& o) {
  if (o.received) o.fields.received_at = o.received;
  if (!o.file) {
    if (!o.fields.title) throw Error(Kind::title_or_file);
  }
  const std::string source = !o.file ? "" : *o.file == "-" ? "<stdin>" : *o.file;
  std::optional<Input> input;
  std::optional<Peeked> peeked;
  std::optional<io::RecordReader> reader;
  std::optional<cases::FieldsOfRecords> fields;
  bool jsonl = false;
  if (o.file) {
    input.emplace(rt, *o.file);
    peeked.emplace(Peeked{*input, std::string(1 << 16, '\0')});
    peeked->head.resize(input->read(peeked->head.data(), peeked->head.size()));
    // On stdin the first character tells: JSON starts with { (or [, which
    // the JSON Lines reader then refuses with a clear message).
    const auto first = peeked->head.find_first_not_of(" \t\r\n\xef\xbb\xbf");
    // A .json file written by a program is most often JSON Lines too.
    jsonl = o.file->ends_with(".jsonl") || o.file->ends_with(".ndjson") ||
            o.file->ends_with(".json") ||
            (*o.file == "-" && first != std::string::npos &&
             (peeked->head[first] == '{' || peeked->head[first] == '['));
    reader.emplace([&p = *peeked](char* b, std::size_t n) { return p.read(b, n); },
                   jsonl ? io::RecordFormat::jsonl : io::RecordFormat::csv, source, o.encoding);
    fields.emplace(o.fields, source, jsonl ? std::nullopt : std::optional<std::size_t>(1));
  }
  // The first record is read before the store is opened (or created): a
  // file that is not what it should be leaves no store behind.
  std::optional<io::Record> first_record;
  if (reader) first_record = reader->next();
  bool given = false;  // the one case of the command line, when no file
  cases::IntakeStream stream;
  stream.batch = reader.has_value();
  stream.next = [&]() -> std::optional<cases::IntakeItem> {
    if (!reader) {
      if (given) return std::nullopt;
      given = true;
      return cases::IntakeItem{o.fields, {}};  // the command line
    }
    auto record = first_record ? std::move(first_record) : reader->next();
    first_record.reset();
    if (!record) {
      fields->finish();
      return std::nullopt;
    }
    auto item = cases::IntakeItem{(*fields)(*record), {source, static_cast<long>(record->line)}};
    // A CSV's unknown columns are all in its header: no need to read on.
    if (!jsonl && fields->faulty()) fields->finish();
    return item;
  };
  // A long batch at a terminal says how far it is, on one line of stderr.
  const bool tell = !rt.options.quiet && ::isatty(STDERR_FILENO) != 0;
  if (tell && reader)
    stream.progress = [&](std::size_t done) {
      if (done < 20000) return;
      const auto size = input->size();
      if (size && *size > 0)
        std::cerr << rt.words().format(
            "intake.progress", done,
            std::min<std::size_t>(100, reader->bytes_read() * 100 / *size));
      else std::cerr << rt.words().format("intake.progress_count", done);
      std::cerr << std::flush;
    };
  auto ctx = rt.context();
  // The ids are written before the batch commits: if they cannot be (a
  // full disk, a closed pipe), nothing is added, so a script that tries
  // again makes no duplicates.
  stream.before_commit = [&](std::int64_t first, std::size_t count) {
    if (stream.progress && count >= 20000) std::cerr << '\n';
    if (rt.options.quiet || count == 0) return;
    const auto last = first + static_cast<std::int64_t>(count) - 1;
    if (o.receipt && !rt.options.format) {
      ctx.store.each_case_between(first, last, [&](const store::CaseRow& c) {
        rt.out << c.id << '\t' << c.receipt << '\n';
      });
    } else if (!rt.options.format) {
      for (auto id = first; id <= last; ++id) rt.out << id << '\n';
    } else {
      // Read back from the store as they are written, none held: a
      // million cases in the memory of one (issue 10).
      render_cases(rt, [&](const std::function<void(const store::CaseRow&)>& each) {
        ctx.store.each_case_between(first, last, each);
      });
    }
    rt.out.flush();
    if (!rt.out) throw Error(Kind::ids_not_written);
  };
  const auto count = cases::intake(ctx, stream, o.dry_run ? cases::DryRun::yes : cases::DryRun::no);
  if (o.dry_run && !rt.options.quiet)
    std::cerr << rt.words().format("intake.dry_run", count) << '\n';
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
