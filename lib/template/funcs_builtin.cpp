#include "sparkc/functions.h"

namespace sparkc::gotmpl {

void register_builtins(FunctionRegistry& r) {}

}  // namespace sparkc::gotmpl
