// Assembles the function map a Helm chart template sees, the way Helm's engine does
// (pkg/engine/funcs.go): Go's builtins, Sprig's TxtFuncMap without env and expandenv,
// then Helm's own functions on top.
#include "sparkc/functions.h"

namespace sparkc::gotmpl {

const FunctionRegistry& helm_functions() {
  static const FunctionRegistry registry = [] {
    FunctionRegistry r;
    register_builtins(r);
    register_sprig_strings(r);
    register_sprig_lists(r);
    register_sprig_math(r);
    register_sprig_dates(r);
    register_sprig_encoding(r);
    register_helm(r);
    register_helm_yaml(r);
    return r;
  }();
  return registry;
}

}  // namespace sparkc::gotmpl
