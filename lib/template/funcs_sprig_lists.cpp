#include "sparkc/functions.h"

namespace sparkc::gotmpl {

void register_sprig_lists(FunctionRegistry& r) {}

}  // namespace sparkc::gotmpl
