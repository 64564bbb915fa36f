// validate as a whole: -f files, the registry's shape, docs/rules.md being current, and every
// preset validating clean. The per-rule fixtures are in fixtures_test.cpp.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "sparkc/compose.h"
#include "sparkc/validate.h"
#include "validate/preset_matrix.h"

namespace fs = std::filesystem;
using namespace sparkc;

namespace {

// Runs validate_chart from the fixtures directory so reported paths start at the chart name.
validate::Report run_fixture(const std::string& name, const validate::Options& opts) {
  fs::path dir = fs::path(SPARKC_TEST_DIR) / "validate" / "fixtures" / name;
  return validate::validate_chart(dir.string(), opts, name);
}

}  // namespace

TEST_CASE("-f files are validated under the name they were given") {
  fs::path tmp = fs::temp_directory_path() / "sparkc-validate-test-values.yaml";
  {
    std::ofstream out(tmp);
    out << "replicaCount: 1\nreplicaCont: 2\nserver:\n  port: 2000000\n";
  }
  validate::Options opts;
  opts.values.value_files = {tmp.string()};
  validate::Report r = run_fixture("clean", opts);
  std::string f = tmp.string();
  CHECK(diag::render_text(r.diagnostics, r.sources) ==
        f + ":2:1: warning: unknown key \"replicaCont\" at the top level (values.schema.json does not "
            "declare it) [values-unknown-key]\n"
            "replicaCont: 2\n"
            "^\n"
            "  hint: did you mean \"replicaCount\"?\n" +
        f + ":3:1: warning: unknown key \"server\" at the top level (values.schema.json does not "
            "declare it) [values-unknown-key]\n"
            "server:\n"
            "^\n" +
        f + ":4:9: warning: number 2000000 prints as 2e+06 in templates [values-exponent-number]\n"
            "  port: 2000000\n"
            "        ^\n"
            "  hint: quote it (\"2000000\") or print it with `int64`\n");
  fs::remove(tmp);
}

TEST_CASE("--set values that fail the schema are reported as the command line's") {
  validate::Options opts;
  opts.values.set = {"replicaCount=two"};
  opts.values.set_string = {"maxFileSize=big"};
  validate::Report r = run_fixture("clean", opts);
  CHECK(diag::render_text(r.diagnostics, r.sources) ==
        "<command line>: error: \"replicaCount\" (--set): expected integer, got string [values-schema]\n"
        "  hint: see properties/replicaCount/type in values.schema.json\n");
}

TEST_CASE("--set keys the schema does not declare are reported as the command line's") {
  validate::Options opts;
  // Misspelt with each flag; known keys (maxFileSize, replicaCount) stay silent.
  opts.values.set = {"replicaCuont=2", "replicaCount=2"};
  opts.values.set_string = {"maxFileSise=1Gi", "maxFileSize=1Gi"};
  opts.values.set_json = {"extra={\"nested\": 1}"};
  validate::Report r = run_fixture("clean", opts);
  CHECK(diag::render_text(r.diagnostics, r.sources) ==
        "<command line>: warning: unknown key \"extra\" at the top level (--set; values.schema.json does not "
        "declare it) [values-unknown-key]\n"
        "<command line>: warning: unknown key \"maxFileSise\" at the top level (--set; values.schema.json does not "
        "declare it) [values-unknown-key]\n"
        "  hint: did you mean \"maxFileSize\"?\n"
        "<command line>: warning: unknown key \"replicaCuont\" at the top level (--set; values.schema.json does not "
        "declare it) [values-unknown-key]\n"
        "  hint: did you mean \"replicaCount\"?\n");
}

TEST_CASE("the registry: unique kebab-case IDs with their group as prefix, every field filled") {
  static const std::regex id_re("[a-z0-9]+(-[a-z0-9]+)*");
  std::set<std::string> ids;
  for (const auto& r : validate::rules()) {
    CAPTURE(r.id);
    CHECK(std::regex_match(r.id, id_re));
    CHECK(r.id.rfind(r.group + "-", 0) == 0);
    CHECK(ids.insert(r.id).second);
    CHECK_FALSE(r.summary.empty());
    CHECK_FALSE(r.rationale.empty());
    CHECK_FALSE(r.fix.empty());
    CHECK(validate::find_rule(r.id) == &r);
  }
  CHECK(validate::find_rule("no-such-rule") == nullptr);
  CHECK(validate::rule_descriptors().size() == validate::rules().size());
}

TEST_CASE("docs/rules.md is generated from the registry and current") {
  std::ifstream in(fs::path(SPARKC_SOURCE_DIR) / "docs" / "rules.md", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  // Regenerate: spark-constructor validate --list-rules --format markdown > docs/rules.md
  CHECK(ss.str() == validate::rules_markdown());
}

TEST_CASE("every preset validates with no errors and no warnings") {
  // Each preset for both Spark lines and, when it has a Spark Connect server, both backends;
  // with the Kubernetes 1.31 schema and the shared CRDs when ../shared is present.
  validate::Options opts;
  fs::path shared = fs::path(SPARKC_SOURCE_DIR).parent_path() / "shared" / "k8s-schemas";
  if (fs::exists(shared / "kubernetes" / "v1.31" / "swagger.json")) {
    opts.kube_openapi = {(shared / "kubernetes" / "v1.31" / "swagger.json").string()};
    for (const auto& e : fs::recursive_directory_iterator(shared / "crds")) {
      if (e.path().extension() == ".yaml") opts.crds.push_back(e.path().string());
    }
    std::sort(opts.crds.begin(), opts.crds.end());
  } else {
    MESSAGE("skipped: the schema rules on presets, ../shared/k8s-schemas not found");
  }
  compose::Catalog catalog = compose::Catalog::load(compose::Catalog::default_data_dir());
  REQUIRE_FALSE(catalog.presets().empty());
  size_t checked = 0;
  for (const auto& v : testing::preset_variants(catalog)) {
    CAPTURE(v.name);
    compose::Composition c = compose::compose(catalog, v.options);
    validate::Report r = validate::validate_files(compose::build_chart(catalog, c), opts, v.options.preset);
    CHECK(diag::render_text(r.diagnostics, r.sources) == "");
    ++checked;
  }
  CHECK(checked > 2 * catalog.presets().size());
}

TEST_CASE("every preset validates clean with the settings a user flips") {
  // Helm's longest release name, 53 characters (components once lost their suffix to the
  // 63-character cut and collided; an executor pod name prefix cannot hold it), another
  // namespace, Secrets and ServiceAccounts the user creates before installing, and Airflow
  // without its example DAGs (the spark-submit rights once went with them).
  compose::Catalog catalog = compose::Catalog::load(compose::Catalog::default_data_dir());
  for (const auto& p : catalog.presets()) {
    CAPTURE(p.name);
    compose::ComposeOptions copts;
    copts.preset = p.name;
    compose::Composition c = compose::compose(catalog, copts);
    validate::Options opts;
    opts.release_name = "spark-platform-production-eu-west-1-analytics-team-ab";
    opts.namespace_ = "analytics";
    if (c.values.find("minio")) opts.values.set.push_back("minio.auth.existingSecret=minio-root");
    if (c.values.find("airflow")) opts.values.set.push_back("airflow.dags.examples=false");
    if (c.values.find("sparkConnect")) {
      opts.values.set.push_back("sparkConnect.serviceAccount.create=false,sparkConnect.serviceAccount.name=connect");
    }
    validate::Report r = validate::validate_files(compose::build_chart(catalog, c), opts, p.name);
    CHECK(diag::render_text(r.diagnostics, r.sources) == "");
  }
}
