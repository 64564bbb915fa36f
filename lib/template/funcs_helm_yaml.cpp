#include "sparkc/functions.h"

namespace sparkc::gotmpl {

void register_helm_yaml(FunctionRegistry& r) {}

}  // namespace sparkc::gotmpl
