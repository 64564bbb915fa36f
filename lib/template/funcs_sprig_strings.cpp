#include "sparkc/functions.h"

namespace sparkc::gotmpl {

void register_sprig_strings(FunctionRegistry& r) {}

}  // namespace sparkc::gotmpl
