// Registration of the Sprig families split over several files beyond those functions.h names.
#pragma once

#include "sparkc/functions.h"

namespace sparkc::gotmpl {

// Sprig's dict functions (dict.go); called by register_sprig_lists.
void register_sprig_dicts(FunctionRegistry& r);

}  // namespace sparkc::gotmpl
