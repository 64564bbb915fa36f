// `spark-constructor validate CHART | --preset NAME [...]`: every finding with its rule,
// location and hint. Exit 0 when clean, 1 when findings reach --fail-on, 2 on usage or I/O
// errors.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli_options.h"
#include "commands.h"
#include "sparkc/compose.h"
#include "sparkc/validate.h"

namespace sparkc::cli {
namespace {
namespace fs = std::filesystem;

int usage_error(const std::string& msg) {
  std::cerr << "Error: " << msg << " (spark-constructor validate --help)\n";
  return 2;
}

// The registry as a table for terminals: ID, default severity, summary.
std::string rules_text() {
  std::string out;
  for (const auto& r : validate::rules()) {
    std::string sev(diag::severity_name(r.severity));
    out += r.id + std::string(r.id.size() < 28 ? 28 - r.id.size() : 1, ' ') + sev +
           std::string(sev.size() < 9 ? 9 - sev.size() : 1, ' ') + r.summary + "\n";
  }
  return out;
}

}  // namespace

int run_validate(const Args& args) {
  using VS = std::vector<std::string>;
  cxxopts::Options options("spark-constructor validate",
                           "Validate a chart directory, or a preset, before helm install.");
  options.add_options()
      ("chart", "chart directory", cxxopts::value<std::string>())
      ("p,preset", "validate the chart a preset composes", cxxopts::value<std::string>())
      ("spark-version", "Spark release line for --preset: 4.1 or 3.5", cxxopts::value<std::string>())
      ("backend", "Spark Connect backend for --preset: k8s or standalone", cxxopts::value<std::string>())
      ("f,values", "values file (repeatable)", cxxopts::value<VS>())
      ("set", "set values: a.b=1,c=x (repeatable)", cxxopts::value<VS>())
      ("set-string", "set STRING values (repeatable)", cxxopts::value<VS>())
      ("n,namespace", "namespace the chart is installed into", cxxopts::value<std::string>()->default_value("default"))
      ("release-name", "release name to render with", cxxopts::value<std::string>()->default_value("release-name"))
      ("kube-version", "the cluster's Kubernetes version (deprecated and removed APIs)", cxxopts::value<std::string>())
      ("kube-openapi", "OpenAPI v2 JSON, v3 directory or per-kind schema directory (repeatable)", cxxopts::value<VS>())
      ("crd", "CustomResourceDefinition file for custom resources (repeatable)", cxxopts::value<VS>())
      ("capacity", "what the cluster can schedule: cpu=N,memory=Q", cxxopts::value<std::string>())
      ("external", "an object the cluster provides: KIND/NAME (repeatable)", cxxopts::value<VS>())
      ("output", "output format: text, json or sarif", cxxopts::value<std::string>()->default_value("text"))
      ("fail-on", "exit 1 when findings reach this severity: error or warning",
       cxxopts::value<std::string>()->default_value("error"))
      ("disable", "disable a rule (repeatable, comma-separated)", cxxopts::value<VS>())
      ("list-rules", "print the rules and exit")
      ("format", "with --list-rules: text or markdown", cxxopts::value<std::string>()->default_value("text"))
      ("h,help", "show this help");
  options.parse_positional({"chart"});
  options.positional_help("CHART");
  cxxopts::ParseResult r;
  if (auto done = parse_args(options, "validate", args, r, usage_error)) return *done;
  if (r.count("list-rules")) {
    std::string format = r["format"].as<std::string>();
    if (format == "markdown") std::cout << validate::rules_markdown();
    else if (format == "text") std::cout << rules_text();
    else return usage_error("unknown --format \"" + format + "\": use text or markdown");
    return 0;
  }
  std::string output = r["output"].as<std::string>();
  if (output != "text" && output != "json" && output != "sarif") {
    return usage_error("unknown --output \"" + output + "\": use text, json or sarif");
  }
  auto fail_on = diag::parse_severity(r["fail-on"].as<std::string>());
  if (!fail_on || (*fail_on != diag::Severity::Error && *fail_on != diag::Severity::Warning)) {
    return usage_error("--fail-on takes error or warning");
  }
  if (r.count("chart") == r.count("preset")) return usage_error("validate needs CHART or --preset NAME");
  auto list = [&](const char* n) { return r.count(n) ? r[n].as<VS>() : VS{}; };

  validate::Options opts;
  opts.values.value_files = split_commas(list("values"));
  opts.values.set = list("set");
  opts.values.set_string = list("set-string");
  for (const auto& id : split_commas(list("disable"))) {
    if (!validate::find_rule(id)) return usage_error("unknown rule \"" + id + "\" in --disable");
    opts.disabled.insert(id);
  }
  for (const auto& f : opts.values.value_files) {
    std::error_code ec;
    if (!fs::is_regular_file(f, ec)) return usage_error("values file \"" + f + "\" cannot be read");
  }
  opts.namespace_ = r["namespace"].as<std::string>();
  opts.release_name = r["release-name"].as<std::string>();
  if (r.count("kube-version")) {
    opts.kube_version = r["kube-version"].as<std::string>();
    try {
      validate::normalize_kube_version(opts.kube_version);
    } catch (const std::invalid_argument& e) {
      return usage_error(std::string("--kube-version: ") + e.what());
    }
  }
  opts.kube_openapi = list("kube-openapi");
  opts.crds = list("crd");
  for (const auto& f : opts.kube_openapi) {
    std::error_code ec;
    if (!fs::exists(f, ec)) return usage_error("--kube-openapi \"" + f + "\" not found");
  }
  for (const auto& f : opts.crds) {
    std::error_code ec;
    if (!fs::is_regular_file(f, ec)) return usage_error("--crd file \"" + f + "\" cannot be read");
  }
  if (r.count("capacity")) {
    try {
      opts.capacity = validate::parse_capacity(r["capacity"].as<std::string>());
    } catch (const std::invalid_argument& e) {
      return usage_error(std::string("--capacity: ") + e.what());
    }
  }
  for (const auto& e : split_commas(list("external"))) {
    size_t slash = e.find('/');
    if (slash == std::string::npos || slash == 0 || slash + 1 == e.size()) {
      return usage_error("--external \"" + e + "\" is not KIND/NAME (e.g. Secret/s3-credentials)");
    }
    opts.external.insert(e);
  }

  validate::Report report;
  std::string display;
  if (r.count("preset")) {
    try {
      compose::Catalog catalog = compose::Catalog::load(compose::Catalog::default_data_dir());
      compose::ComposeOptions copts;
      copts.preset = r["preset"].as<std::string>();
      if (r.count("spark-version")) copts.spark_version = r["spark-version"].as<std::string>();
      if (r.count("backend")) copts.backend = r["backend"].as<std::string>();
      compose::Composition c = compose::compose(catalog, copts);
      display = c.chart_name;
      report = validate::validate_files(compose::build_chart(catalog, c), opts, display);
    } catch (const std::exception& e) {
      std::cerr << "Error: " << e.what() << "\n";
      return 2;
    }
  } else {
    std::string dir = r["chart"].as<std::string>();
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return usage_error("chart directory \"" + dir + "\" not found");
    display = dir;
    while (display.size() > 1 && display.back() == '/') display.pop_back();
    report = validate::validate_chart(dir, opts, display);
  }

  if (output == "json") {
    std::cout << diag::render_json(report.diagnostics);
  } else if (output == "sarif") {
    std::cout << diag::render_sarif(report.diagnostics, validate::rule_descriptors(), SPARKC_VERSION);
  } else {
    std::cout << diag::render_text(report.diagnostics, report.sources);
  }
  size_t failing = validate::count_failing(report, *fail_on), errors = 0, warnings = 0;
  for (const auto& d : report.diagnostics) {
    if (d.severity == diag::Severity::Error) ++errors;
    if (d.severity == diag::Severity::Warning) ++warnings;
  }
  if (output == "text") {
    std::cerr << display << ": " << errors << " error(s), " << warnings << " warning(s)\n";
  }
  return failing > 0 ? 1 : 0;
}

}  // namespace sparkc::cli
