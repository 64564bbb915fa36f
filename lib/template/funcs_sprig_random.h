// Random draws shared by the random, crypto and certificate functions.
#pragma once

#include <cstdint>

#include "sparkc/functions.h"

namespace sparkc::gotmpl {

// A uniform integer in [0, max) drawn from the context as Go's crypto/rand.Int draws it.
std::uint64_t random_below(CallContext& ctx, std::uint64_t max);

}  // namespace sparkc::gotmpl
