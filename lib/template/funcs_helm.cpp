// Helm's engine-level template functions (helm/helm pkg/engine/engine.go, initFunMap and
// funcs.go), as `helm template` sees them with no cluster and DNS lookups disabled, and
// eval_template, which renders one string the way Helm renders one file.
//
// Helm's `fail` overrides Sprig's here (registered later); toYaml & co. live in
// funcs_helm_yaml.cpp.
#include <string>

#include "sparkc/functions.h"
#include "sparkc/template.h"
#include "template/exec.h"
#include "template/go_strconv.h"

namespace sparkc::gotmpl {
namespace {

// Helm marks messages of required and fail so that it can cut them out of Go's error chain
// ("execution error at (file:line:col): MSG"); the chart renderer does that cutting.
std::string warn_wrap(const std::string& warn) { return "HELM_ERR_START" + warn + "HELM_ERR_END"; }

// strings.ReplaceAll(s, "<no value>", ""): Helm's fix-up for missingkey=zero on interfaces.
std::string remove_no_value(std::string s) {
  static constexpr std::string_view kNoValue = "<no value>";
  size_t pos = s.find(kNoValue);
  if (pos == std::string::npos) return s;
  std::string out;
  out.reserve(s.size());
  size_t from = 0;
  for (; pos != std::string::npos; pos = s.find(kNoValue, from)) {
    out.append(s, from, pos - from);
    from = pos + kNoValue.size();
  }
  out.append(s, from, std::string::npos);
  return out;
}

// include NAME DATA: the named template's output. The call context counts nesting per name
// and fails past ExecOptions::include_depth_limit with Helm's message.
Value include(CallContext& ctx, std::span<const Value> args) {
  return Value(ctx.include(args[0].as_string(), args[1]));
}

// tpl TEXT DATA: TEXT parsed as a template of the running set (its defines visible to it),
// executed with DATA; "<no value>" removed from the result as Helm does.
Value tpl(CallContext& ctx, std::span<const Value> args) {
  const std::string& text = args[0].as_string();
  std::string out;
  try {
    out = ctx.tpl(text, args[1]);
  } catch (const TemplateError& e) {
    if (e.is_parse) throw FuncError("cannot parse template " + go_quote(text) + ": " + e.what());
    throw FuncError("error during tpl function execution for " + go_quote(text) + ": " + e.what());
  }
  return Value(remove_no_value(std::move(out)));
}

// required MSG VALUE: VALUE, unless it is nil or the empty string. The message is taken
// literally (Helm v3.19 no longer passes it to Errorf as a format).
Value required(CallContext&, std::span<const Value> args) {
  const Value& val = args[1];
  if (val.is_nil() || (val.is_string() && val.as_string().empty())) {
    throw FuncError(warn_wrap(args[0].as_string()));
  }
  return val;
}

// fail MSG: Helm replaces Sprig's fail with one whose message is marked like required's,
// so that it surfaces as "execution error at (...): MSG" (errors.New: no formatting).
Value fail(CallContext&, std::span<const Value> args) { throw FuncError(warn_wrap(args[0].as_string())); }

// lookup APIVERSION KIND NAMESPACE NAME: with no cluster (helm template), an empty
// map[string]interface {}.
Value lookup(CallContext&, std::span<const Value>) { return Value::map(); }

// getHostByName NAME: Helm replaces Sprig's DNS lookup with "" unless --enable-dns is given;
// an offline renderer never resolves.
Value get_host_by_name(CallContext&, std::span<const Value>) { return Value(std::string()); }

}  // namespace

void register_helm(FunctionRegistry& r) {
  r.add("include", {{Param::String, Param::Any}, false, true}, include);
  r.add("tpl", {{Param::String, Param::Any}, false, true}, tpl);
  r.add("required", {{Param::String, Param::Any}, false, true}, required);
  r.add("fail", {{Param::String}, false, true}, fail);
  r.add("lookup", {{Param::String, Param::String, Param::String, Param::String}, false, true}, lookup);
  r.add("getHostByName", {{Param::String}, false, false}, get_host_by_name);
}

std::string eval_template(std::string_view text, const Value& data, const ExecOptions& opts,
                          const std::string& name) {
  TemplateSet set(helm_functions());
  set.parse(name, std::string(text));
  return remove_no_value(set.execute(name, data, opts));
}

}  // namespace sparkc::gotmpl
