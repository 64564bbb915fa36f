// `spark-constructor template [NAME] CHART [flags]`: what `helm template` prints.
#include <iostream>

#include "cli_options.h"
#include "commands.h"
#include "sparkc/chart.h"

namespace sparkc::cli {

int run_template(const Args& args) {
  cxxopts::Options options("spark-constructor template",
                           "Render chart templates locally and display the output, as `helm template` does.");
  using VS = std::vector<std::string>;
  options.add_options()
      ("f,values", "values file (repeatable)", cxxopts::value<VS>())
      ("set", "set values on the command line: a.b=1,c=x (repeatable)", cxxopts::value<VS>())
      ("set-string", "set STRING values on the command line (repeatable)", cxxopts::value<VS>())
      ("set-json", "set JSON values on the command line (repeatable)", cxxopts::value<VS>())
      ("set-file", "set values from files: key=path (repeatable)", cxxopts::value<VS>())
      ("set-literal", "set a literal STRING value (repeatable)", cxxopts::value<VS>())
      ("release-name", "use the release name in the output-dir path")
      ("is-upgrade", "set .Release.IsUpgrade instead of .Release.IsInstall")
      ("n,namespace", "namespace (default \"default\")", cxxopts::value<std::string>())
      ("s,show-only", "only show manifests rendered from the given templates (repeatable)", cxxopts::value<VS>())
      ("kube-version", "Kubernetes version used for Capabilities.KubeVersion", cxxopts::value<std::string>())
      ("a,api-versions", "Kubernetes api versions used for Capabilities.APIVersions (repeatable)", cxxopts::value<VS>())
      ("include-crds", "include CRDs in the templated output")
      ("skip-tests", "skip tests from templated output")
      ("no-hooks", "prevent hooks from rendering")
      ("output-dir", "write the executed templates to files in output-dir instead of stdout", cxxopts::value<std::string>())
      ("strict", "fail on missing values (missingkey=error)")
      ("h,help", "show this help")
      ("positional", "", cxxopts::value<VS>());
  options.parse_positional({"positional"});
  options.positional_help("[NAME] CHART");

  cxxopts::ParseResult r;
  if (auto done = parse_args(options, "template", args, r)) return *done;
  VS pos = r.count("positional") ? r["positional"].as<VS>() : VS{};
  if (pos.empty()) return fail("\"spark-constructor template\" requires at least 1 argument");
  if (pos.size() > 2) return fail("expected at most two arguments, unexpected arguments: " + pos[2]);

  auto list = [&](const char* name) { return r.count(name) ? r[name].as<VS>() : VS{}; };
  chart::ValueOptions values;
  values.value_files = split_commas(list("values"));
  values.set = list("set");
  values.set_string = list("set-string");
  values.set_json = list("set-json");
  values.set_file = list("set-file");
  values.set_literal = list("set-literal");

  chart::TemplateOptions opts;
  if (pos.size() == 2) opts.release_name = pos[0];
  opts.use_release_name = r.count("release-name") > 0;
  opts.is_upgrade = r.count("is-upgrade") > 0;
  if (r.count("namespace")) opts.namespace_ = r["namespace"].as<std::string>();
  if (r.count("kube-version")) opts.kube_version = r["kube-version"].as<std::string>();
  opts.api_versions = split_commas(list("api-versions"));
  opts.show_only = list("show-only");
  opts.include_crds = r.count("include-crds") > 0;
  opts.skip_tests = r.count("skip-tests") > 0;
  opts.no_hooks = r.count("no-hooks") > 0;
  opts.strict = r.count("strict") > 0;
  if (r.count("output-dir")) opts.output_dir = r["output-dir"].as<std::string>();

  try {
    chart::TemplateResult out = chart::helm_template(pos.back(), values, opts);
    std::cerr << out.stderr_text;
    std::cout << out.stdout_text;
    return 0;
  } catch (const std::exception& e) {
    return fail(e.what());
  }
}

}  // namespace sparkc::cli
