#include "sparkc/functions.h"

namespace sparkc::gotmpl {

void register_sprig_math(FunctionRegistry& r) {}

}  // namespace sparkc::gotmpl
