// validate end to end on fixture charts. Each chart under fixtures/ is named after its defect
// and holds firing and non-firing cases side by side. expected/NAME.txt is the whole text
// report for fixtures/NAME; expected/NAME.CASE.txt is the report for the same chart with the
// options of expected/NAME.CASE.yaml (an optional expected/NAME.yaml gives the default case
// options). Options keys: disable, values, set, setString, namespace, releaseName,
// kubeVersion, kubeOpenapi, crd, capacity, external. Paths are relative to the fixture chart;
// a path starting with "$SHARED/" names ../shared next to the source tree, and a case whose
// shared file is missing is skipped with a message.
//
// The expectations were reviewed line by line against the fixture files: the line and column
// are those of the offending key or value. UPDATE_FIXTURES=1 rewrites them (review the diff).
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <set>
#include <sstream>

#include "sparkc/validate.h"
#include "sparkc/yaml.h"

namespace fs = std::filesystem;
using namespace sparkc;

namespace {

const fs::path kValidateDir = fs::path(SPARKC_TEST_DIR) / "validate";

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> strings(const Value& doc, const char* key) {
  std::vector<std::string> out;
  const Value* v = doc.find(key);
  if (!v) return out;
  if (v->is_string()) return {v->as_string()};
  for (const auto& item : v->as_list()) out.push_back(item.as_string());
  return out;
}

// A path of an options file: relative to the fixture chart, or under ../shared.
std::optional<std::string> resolve(const fs::path& chart, const std::string& p) {
  if (p.rfind("$SHARED/", 0) == 0) {
    fs::path shared = fs::path(SPARKC_SOURCE_DIR).parent_path() / "shared" / p.substr(8);
    if (!fs::exists(shared)) return std::nullopt;
    return shared.string();
  }
  return fs::path(p).is_absolute() ? p : (chart / p).string();
}

struct Case {
  std::string name;     // "unknown-key.disabled"
  std::string fixture;  // "unknown-key"
  fs::path expected;
  fs::path options;     // may not exist
};

std::vector<Case> cases() {
  std::vector<Case> out;
  for (const auto& e : fs::directory_iterator(kValidateDir / "expected")) {
    if (e.path().extension() != ".txt") continue;
    Case c;
    c.name = e.path().stem().string();
    c.fixture = c.name.substr(0, c.name.find('.'));
    c.expected = e.path();
    c.options = kValidateDir / "expected" / (c.name + ".yaml");
    out.push_back(c);
  }
  std::sort(out.begin(), out.end(), [](const Case& a, const Case& b) { return a.name < b.name; });
  return out;
}

}  // namespace

TEST_CASE("fixtures: every rule fires on its defect and stays quiet beside it") {
  bool update = std::getenv("UPDATE_FIXTURES") != nullptr;
  auto all = cases();
  REQUIRE(all.size() > 10);
  for (const auto& c : all) {
    CAPTURE(c.name);
    fs::path chart = kValidateDir / "fixtures" / c.fixture;
    REQUIRE(fs::is_directory(chart));
    validate::Options opts;
    bool skip = false;
    if (fs::exists(c.options)) {
      Value o = yaml::load(slurp(c.options), c.options.string());
      for (const auto& id : strings(o, "disable")) opts.disabled.insert(id);
      for (const auto& f : strings(o, "values")) opts.values.value_files.push_back((chart / f).string());
      opts.values.set = strings(o, "set");
      opts.values.set_string = strings(o, "setString");
      for (const auto& n : strings(o, "namespace")) opts.namespace_ = n;
      for (const auto& n : strings(o, "releaseName")) opts.release_name = n;
      for (const auto& v : strings(o, "kubeVersion")) opts.kube_version = v;
      for (const auto& cap : strings(o, "capacity")) opts.capacity = validate::parse_capacity(cap);
      for (const auto& e : strings(o, "external")) opts.external.insert(e);
      for (const char* key : {"kubeOpenapi", "crd"}) {
        for (const auto& p : strings(o, key)) {
          auto path = resolve(chart, p);
          if (!path) {
            std::cerr << "skipped: fixture case " << c.name << " needs " << p
                      << " (../shared is not next to the source tree)\n";
            skip = true;
            continue;
          }
          (std::string(key) == "crd" ? opts.crds : opts.kube_openapi).push_back(*path);
        }
      }
    }
    if (skip) continue;
    // Run from the fixtures directory so reported paths start at the chart name; -f files
    // are shown relative to it too.
    fs::path cwd = fs::current_path();
    fs::current_path(kValidateDir / "fixtures");
    for (auto& f : opts.values.value_files) f = fs::relative(f).string();
    validate::Report r = validate::validate_chart(c.fixture, opts, c.fixture);
    fs::current_path(cwd);
    std::string got = diag::render_text(r.diagnostics, r.sources);
    if (update) {
      std::ofstream(c.expected, std::ios::binary) << got;
      continue;
    }
    CHECK(got == slurp(c.expected));
  }
}

TEST_CASE("every rule in the registry has a fixture that makes it fire") {
  std::set<std::string> fired;
  static const std::regex rule_re("\\[([a-z0-9-]+)\\]\n");
  for (const auto& c : cases()) {
    std::string want = slurp(c.expected);
    for (std::sregex_iterator it(want.begin(), want.end(), rule_re), end; it != end; ++it) {
      fired.insert((*it)[1]);
    }
  }
  for (const auto& r : validate::rules()) {
    CAPTURE(r.id);
    CHECK(fired.count(r.id) == 1);
  }
}

TEST_CASE("every fixture chart has an expected report") {
  std::set<std::string> covered;
  for (const auto& c : cases()) covered.insert(c.fixture);
  for (const auto& e : fs::directory_iterator(kValidateDir / "fixtures")) {
    CAPTURE(e.path().filename().string());
    CHECK(covered.count(e.path().filename().string()) == 1);
  }
}
