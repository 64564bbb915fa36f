// Go's path/filepath.Match and gobwas/glob matching, which Helm uses for .helmignore,
// --show-only and .Files.Glob.
#pragma once

#include <string_view>

namespace sparkc::chart {

// filepath.Match(pattern, name) on a '/'-separated system. `bad_pattern` is set (and false
// returned) for a malformed pattern, as Go returns ErrBadPattern.
bool path_match(std::string_view pattern, std::string_view name, bool* bad_pattern = nullptr);

// gobwas/glob with '/' as separator: `*` and `?` stop at '/', `**` crosses it, `{a,b}`
// alternatives, `[...]` classes. An invalid pattern matches as `**` does, as Helm falls
// back to it.
bool glob_match(std::string_view pattern, std::string_view name);

}  // namespace sparkc::chart
