// duban doctor: integrity, schema, config, foreign keys, instants, the hash
// chain and every case against its journal; exit 1 on a fault.
// duban backup PATH: an online, consistent copy of the store.
#include <fmt/format.h>

#include "cases/doctor.hpp"
#include "errors.hpp"
#include "runtime.hpp"
#include "util/error.hpp"
#include "util/utf8.hpp"

namespace duban::cmd {

namespace {

std::string where(const Catalogue& w, const store::Store::Fault& f) {
  std::string s;
  if (f.event) s += w.format("doctor.event", *f.event);
  if (f.case_id)
    s += fmt::format("{}{}", s.empty() ? "" : w("list.sep"), w.format("doctor.case", *f.case_id));
  if (f.field) s += fmt::format("{}{}", s.empty() ? "" : ": ", *f.field);
  if (f.value) s += fmt::format(" = {}", *f.value);
  return s;
}

void render(Runtime& rt, const cases::DoctorReport& r) {
  const auto format = rt.format({io::Format::table, io::Format::json});
  if (format == io::Format::json) {
    io::Json checks = io::Json::array();
    for (const auto& c : r.checks) {
      io::Json j{{"check", c.name}, {"ran", c.ran}, {"ok", !c.fault}};
      if (c.fault) {
        const auto& f = *c.fault;
        j["fault"] = io::Json{{"event", f.event ? io::Json(*f.event) : io::Json(nullptr)},
                              {"case", f.case_id ? io::Json(*f.case_id) : io::Json(nullptr)},
                              {"field", f.field ? io::Json(*f.field) : io::Json(nullptr)},
                              {"value", f.value ? io::Json(*f.value) : io::Json(nullptr)}};
      }
      checks.push_back(j);
    }
    io::Json out{{"ok", r.ok()}, {"checks", checks}};
    out["head"] =
        r.head ? io::Json{{"event", r.head->first}, {"hash", r.head->second}} : io::Json(nullptr);
    rt.out << out.dump(2) << '\n';
    return;
  }
  if (rt.options.quiet) return;
  // One line a check, its name padded to a column (by display width: zh).
  const auto& w = rt.words();
  auto name = [&](std::string_view check) { return util::pad(rt.word("doctor", check), 13); };
  for (const auto& c : r.checks)
    rt.out << name(c.name)
           << (!c.ran    ? std::string(w("doctor.skipped"))
               : c.fault ? fmt::format("{} {}", w("doctor.fault"), where(w, *c.fault))
                         : std::string(w("doctor.ok")))
           << '\n';
  if (r.head)
    rt.out << name("head") << w.format("doctor.event", r.head->first) << ' ' << r.head->second
           << '\n';
}

}  // namespace

void register_doctor(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("doctor", rt.help("doctor"));
  auto quick = std::make_shared<bool>(false);
  sub->add_flag("--quick", *quick, rt.help("doctor.quick"));
  sub->callback([&rt, quick] {
    rt.action = [&rt, quick] {
      const auto report = cases::doctor(rt.store(store::Create::never), rt.config(),
                                        *quick ? cases::Depth::quick : cases::Depth::full);
      render(rt, report);
      if (!report.ok()) rt.exit_status = static_cast<int>(Exit::found);
    };
  });
}

void register_backup(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("backup", rt.help("backup"));
  auto path = std::make_shared<std::string>();
  sub->add_option("path", *path, rt.help("backup.path"))->required();
  sub->callback([&rt, path] {
    rt.action = [&rt, path] {
      rt.store(store::Create::never).backup(*path);
      if (!rt.options.quiet) rt.out << *path << '\n';
    };
  });
}

}  // namespace duban::cmd
