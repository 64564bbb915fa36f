#include "sparkc/functions.h"

namespace sparkc::gotmpl {

void register_sprig_dates(FunctionRegistry& r) {}

}  // namespace sparkc::gotmpl
