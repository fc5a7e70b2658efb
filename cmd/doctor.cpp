// duban doctor: integrity, schema, config, foreign keys, instants, the hash
// chain and every case against its journal; exit 1 on a fault.
// duban backup PATH: an online, consistent copy of the store.
#include <fmt/format.h>

#include "cases/doctor.hpp"
#include "runtime.hpp"
#include "util/error.hpp"

namespace duban::cmd {

namespace {

std::string where(const store::Store::Fault& f) {
  std::string s;
  if (f.event) s += fmt::format("event {}", *f.event);
  if (f.case_id) s += fmt::format("{}case {}", s.empty() ? "" : ", ", *f.case_id);
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
    out["head"] = r.head ? io::Json{{"event", r.head->first}, {"hash", r.head->second}}
                         : io::Json(nullptr);
    rt.out << out.dump(2) << '\n';
    return;
  }
  if (rt.options.quiet) return;
  for (const auto& c : r.checks)
    rt.out << fmt::format("{:<13}{}\n", c.name,
                          !c.ran ? "skipped" : c.fault ? "FAULT " + where(*c.fault) : "ok");
  if (r.head) rt.out << fmt::format("{:<13}event {} {}\n", "head", r.head->first, r.head->second);
}

}  // namespace

void register_doctor(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("doctor", "Check the store: integrity, schema, instants, the "
                                           "hash chain, every case against its journal");
  auto quick = std::make_shared<bool>(false);
  sub->add_flag("--quick", *quick, "Skip recomputing every case from its events");
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
  auto* sub = app.add_subcommand("backup", "Copy the store, consistently, while others write");
  auto path = std::make_shared<std::string>();
  sub->add_option("path", *path, "Where the copy goes (written under a temporary name, "
                                 "then renamed)")->required();
  sub->callback([&rt, path] {
    rt.action = [&rt, path] {
      rt.store(store::Create::never).backup(*path);
      if (!rt.options.quiet) rt.out << *path << '\n';
    };
  });
}

}  // namespace duban::cmd
