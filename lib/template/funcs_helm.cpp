#include "sparkc/functions.h"

namespace sparkc::gotmpl {

void register_helm(FunctionRegistry& r) {}

}  // namespace sparkc::gotmpl
