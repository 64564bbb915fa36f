#include "sparkc/functions.h"

namespace sparkc::gotmpl {

void register_sprig_encoding(FunctionRegistry& r) {}

}  // namespace sparkc::gotmpl
