// `spark-constructor render --preset NAME [...] -o DIR` and `render --all -o charts/`.
//
// What render writes is validated first (the rules of `validate`): a chart with findings at
// --fail-on is not written, so a good chart in DIR is never replaced by a broken one.
#include <iostream>

#include "cli_options.h"
#include "commands.h"
#include "sparkc/compose.h"
#include "sparkc/validate.h"

namespace sparkc::cli {

int run_render(const Args& args) {
  using VS = std::vector<std::string>;
  cxxopts::Options options("spark-constructor render", "Compose a Helm chart from a preset and blocks.");
  options.add_options()
      ("p,preset", "preset to start from (spark-constructor list presets)", cxxopts::value<std::string>())
      ("all", "render every preset into OUT/<preset>")
      ("with", "add a block (repeatable)", cxxopts::value<VS>())
      ("without", "remove a block (repeatable)", cxxopts::value<VS>())
      ("spark-version", "Spark release line from the version catalogue: 4.1 or 3.5", cxxopts::value<std::string>())
      ("backend", "Spark Connect backend: k8s or standalone", cxxopts::value<std::string>())
      ("f,values", "values file (repeatable)", cxxopts::value<VS>())
      ("set", "set values: a.b=1,c=x (repeatable)", cxxopts::value<VS>())
      ("set-string", "set STRING values (repeatable)", cxxopts::value<VS>())
      ("set-json", "set JSON values: a.b=[1,2] (repeatable)", cxxopts::value<VS>())
      ("set-file", "set values from files: key=path (repeatable)", cxxopts::value<VS>())
      ("name", "chart name (default: the preset name)", cxxopts::value<std::string>())
      ("o,output", "output directory", cxxopts::value<std::string>())
      ("force", "replace an output directory that spark-constructor did not generate")
      ("no-validate", "write the chart without validating it first")
      ("fail-on", "do not write a chart with findings of this severity: error or warning",
       cxxopts::value<std::string>()->default_value("error"))
      ("disable", "disable a validation rule (repeatable, comma-separated)", cxxopts::value<VS>())
      ("h,help", "show this help");
  cxxopts::ParseResult r;
  auto on_error = [](const std::string& m) { return fail(m + " (spark-constructor render --help)"); };
  if (auto done = parse_args(options, "render", args, r, on_error)) return *done;
  if (!r.count("output")) return fail("render needs -o DIR (spark-constructor render --help)");
  if (!r.count("preset") && !r.count("all")) return fail("render needs --preset NAME or --all");
  auto list = [&](const char* n) { return r.count(n) ? r[n].as<VS>() : VS{}; };
  auto fail_on = diag::parse_severity(r["fail-on"].as<std::string>());
  if (!fail_on || (*fail_on != diag::Severity::Error && *fail_on != diag::Severity::Warning)) {
    return fail("--fail-on takes error or warning (spark-constructor render --help)");
  }
  validate::Options vopts;
  for (const auto& id : split_commas(list("disable"))) {
    if (!validate::find_rule(id)) return fail("unknown rule \"" + id + "\" in --disable");
    vopts.disabled.insert(id);
  }
  bool validate_first = r.count("no-validate") == 0;
  try {
    compose::Catalog catalog = compose::Catalog::load(compose::Catalog::default_data_dir());
    compose::ComposeOptions opts;
    opts.with = list("with");
    opts.without = list("without");
    if (r.count("spark-version")) opts.spark_version = r["spark-version"].as<std::string>();
    if (r.count("backend")) opts.backend = r["backend"].as<std::string>();
    opts.values.value_files = split_commas(list("values"));
    opts.values.set = list("set");
    opts.values.set_string = list("set-string");
    opts.values.set_json = list("set-json");
    opts.values.set_file = list("set-file");
    if (r.count("name")) opts.chart_name = r["name"].as<std::string>();
    std::string out = r["output"].as<std::string>();
    std::vector<std::string> presets;
    if (r.count("all")) {
      for (const auto& p : catalog.presets()) presets.push_back(p.name);
    } else {
      presets.push_back(r["preset"].as<std::string>());
    }
    for (const auto& name : presets) {
      opts.preset = name;
      compose::Composition c = compose::compose(catalog, opts);
      std::string dir = r.count("all") ? out + "/" + name : out;
      std::vector<chart::File> files = compose::build_chart(catalog, c);
      if (validate_first) {
        std::string display = dir;
        while (display.size() > 1 && display.back() == '/') display.pop_back();
        validate::Report report = validate::validate_files(files, vopts, display);
        std::cerr << diag::render_text(report.diagnostics, report.sources);
        if (validate::count_failing(report, *fail_on) > 0) {
          std::cerr << "Error: " << dir << " not written: the chart has findings at --fail-on "
                    << diag::severity_name(*fail_on)
                    << " (fix them, --disable RULE, or --no-validate to write it anyway)\n";
          return 1;
        }
      }
      compose::write_chart(files, dir, r.count("force") > 0);
      std::cout << "wrote " << dir << " (" << c.blocks.size() << " blocks, Spark " << c.spark_line << ")\n";
    }
    return 0;
  } catch (const std::exception& e) {
    return fail(e.what());
  }
}

}  // namespace sparkc::cli
