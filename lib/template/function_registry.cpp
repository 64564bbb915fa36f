#include <algorithm>

#include "sparkc/functions.h"

namespace sparkc::gotmpl {

std::string_view param_type_name(Param p) {
  switch (p) {
    case Param::Any: return "interface {}";
    case Param::String: return "string";
    case Param::Int: return "int";
    case Param::Int64: return "int64";
    case Param::Float64: return "float64";
    case Param::Bool: return "bool";
    case Param::List: return "[]interface {}";
    case Param::StrList: return "[]string";
    case Param::Map: return "map[string]interface {}";
    case Param::Bytes: return "[]uint8";
    case Param::Reflect: return "reflect.Value";
  }
  return "interface {}";
}

void FunctionRegistry::add(std::string name, Signature sig, Callable fn) {
  Function f{name, std::move(sig), std::move(fn)};
  funcs_.insert_or_assign(std::move(name), std::move(f));
}

const Function* FunctionRegistry::find(std::string_view name) const {
  auto it = funcs_.find(std::string(name));
  return it == funcs_.end() ? nullptr : &it->second;
}

std::vector<std::string> FunctionRegistry::names() const {
  std::vector<std::string> out;
  out.reserve(funcs_.size());
  for (const auto& [name, f] : funcs_) out.push_back(name);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace sparkc::gotmpl
