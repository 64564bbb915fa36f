// Typo suggestions for "did you mean" hints: shared by the composer (blocks, presets) and
// validate (values keys, Spark keys, object names), which each choose their own threshold
// and wording.
#pragma once

#include <cstddef>
#include <limits>
#include <string_view>

namespace sparkc::diag {

// The Levenshtein distance of `a` and `b` (case-sensitive: lower-case both for a
// case-insensitive one), or `cap` + 1 as soon as it is sure to exceed `cap`, which keeps
// matching a word against thousands of candidates cheap.
size_t edit_distance(std::string_view a, std::string_view b,
                     size_t cap = std::numeric_limits<size_t>::max() - 1);

}  // namespace sparkc::diag
