// The schema migrations compiled in from schemas/*.sql (see
// cmake/embed_schemas.cmake). Migration i (0-based) brings PRAGMA
// user_version from i to i + 1.
#pragma once

#include <string_view>
#include <vector>

namespace duban::store {

struct Migration {
  std::string_view name;
  std::string_view sql;
};

extern const std::vector<Migration> k_migrations;

}  // namespace duban::store
