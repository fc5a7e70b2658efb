#include "store/event.hpp"

#include <openssl/evp.h>

#include <array>
#include <memory>
#include <stdexcept>

#include "util/utf8.hpp"

namespace duban::store {

namespace {
constexpr std::array<std::pair<Action, std::string_view>, 23> k_actions = {{
    {Action::intake, "intake"},
    {Action::assign, "assign"},
    {Action::ack, "ack"},
    {Action::give_back, "return"},
    {Action::note, "note"},
    {Action::resolve, "resolve"},
    {Action::close, "close"},
    {Action::reopen, "reopen"},
    {Action::followup, "followup"},
    {Action::escalate, "escalate"},
    {Action::suspend, "suspend"},
    {Action::resume, "resume"},
    {Action::extend, "extend"},
    {Action::extend_approve, "extend_approve"},
    {Action::extend_reject, "extend_reject"},
    {Action::merge, "merge"},
    {Action::unmerge, "unmerge"},
    {Action::appeal, "appeal"},
    {Action::appeal_grant, "appeal_grant"},
    {Action::appeal_deny, "appeal_deny"},
    {Action::amend, "amend"},
    {Action::issue, "issue"},
    {Action::topic, "topic"},
}};
}  // namespace

std::string_view to_string(Action a) {
  for (const auto& [action, name] : k_actions)
    if (action == a) return name;
  return "note";
}

std::optional<Action> parse_action(std::string_view text) {
  for (const auto& [action, name] : k_actions)
    if (name == text) return action;
  return std::nullopt;
}

std::string detail_text(const Detail& detail) {
  try {
    return detail.dump();
  } catch (const nlohmann::json::exception& e) {
    throw std::invalid_argument(e.what());
  }
}

void append_json_string(std::string& out, std::string_view text) {
  if (!util::is_valid_utf8(text)) {
    // nlohmann's own verdict (and text, should it take what utf8proc does not).
    try {
      out += nlohmann::json(std::string(text)).dump();
      return;
    } catch (const nlohmann::json::exception& x) {
      throw std::invalid_argument(x.what());
    }
  }
  static constexpr char k_hex[] = "0123456789abcdef";
  out += '"';
  std::size_t run = 0;  // the start of the bytes copied as they are
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b >= 0x20 && b != '"' && b != '\\') continue;
    out.append(text.data() + run, i - run);
    run = i + 1;
    out += '\\';
    switch (b) {
    case '"': out += '"'; break;
    case '\\': out += '\\'; break;
    case '\b': out += 'b'; break;
    case '\f': out += 'f'; break;
    case '\n': out += 'n'; break;
    case '\r': out += 'r'; break;
    case '\t': out += 't'; break;
    default:
      out += "u00";
      out += k_hex[b >> 4];
      out += k_hex[b & 0xf];
    }
  }
  out.append(text.data() + run, text.size() - run);
  out += '"';
}

std::string encode(const Event& e) { return encode(e, detail_text(e.detail)); }

std::string encode(const Event& e, std::string_view detail) {
  // Written out in nlohmann's own compact, key-sorted form (std::map keeps
  // keys sorted), without building the object: a string is escaped as
  // nlohmann does (append_json_string), the rest is ASCII of a fixed shape.
  std::string out;
  out.reserve(detail.size() + 160);
  out += R"({"action":")";
  out += to_string(e.action);
  out += R"(","actor":)";
  append_json_string(out, e.actor);
  out += R"(,"at":")";
  out += time::format_utc(e.at);
  out += R"(","case":)";
  out += std::to_string(e.case_id);
  out += R"(,"detail":)";
  out += detail;
  out += R"(,"id":)";
  out += std::to_string(e.id);
  out += R"(,"unit":)";
  if (e.unit) append_json_string(out, *e.unit);
  else out += "null";
  out += R"(,"v":)";
  out += std::to_string(k_encoding_version);
  out += '}';
  return out;
}

Event decode(std::string_view text) {
  try {
    const auto j = nlohmann::json::parse(text);
    if (j.at("v").get<int>() != k_encoding_version)
      throw std::invalid_argument("unknown event encoding version");
    Event e;
    e.id = j.at("id").get<std::int64_t>();
    e.case_id = j.at("case").get<std::int64_t>();
    const auto at = time::parse_stored(j.at("at").get<std::string>());
    if (!at) throw std::invalid_argument("bad instant in an event");
    e.at = *at;
    e.actor = j.at("actor").get<std::string>();
    const auto action = parse_action(j.at("action").get<std::string>());
    if (!action) throw std::invalid_argument("unknown action in an event");
    e.action = *action;
    if (!j.at("unit").is_null()) e.unit = j.at("unit").get<std::string>();
    e.detail = j.at("detail");
    if (!e.detail.is_object()) throw std::invalid_argument("an event's detail is not an object");
    return e;
  } catch (const nlohmann::json::exception& x) {
    throw std::invalid_argument(x.what());
  }
}

std::string chain_hash(std::string_view previous, std::string_view encoded) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  // The digest fetched and its context made once, not for each of a
  // million events (OpenSSL 3 looks SHA-256 up in its providers at each
  // EVP_sha256() init: 1% of an intake).
  static EVP_MD* const k_sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  thread_local const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(
      EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  EVP_MD_CTX* ctx = context.get();
  const bool ok = k_sha256 && ctx && EVP_DigestInit_ex(ctx, k_sha256, nullptr) == 1 &&
                  EVP_DigestUpdate(ctx, previous.data(), previous.size()) == 1 &&
                  EVP_DigestUpdate(ctx, "\n", 1) == 1 &&
                  EVP_DigestUpdate(ctx, encoded.data(), encoded.size()) == 1 &&
                  EVP_DigestFinal_ex(ctx, digest, &size) == 1;
  if (!ok) throw std::runtime_error("SHA-256 failed (OpenSSL)");
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (unsigned int i = 0; i < size; ++i) {
    out += k_hex[digest[i] >> 4];
    out += k_hex[digest[i] & 0xf];
  }
  return out;
}

}  // namespace duban::store
