// `spark-constructor validate` as users run it: exit codes, output formats and flags. Runs the
// built tool next to this test's directory (build/spark-constructor).
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

namespace fs = std::filesystem;

namespace {

fs::path tool() {
  std::error_code ec;
  return fs::read_symlink("/proc/self/exe", ec).parent_path().parent_path() / "spark-constructor";
}

struct Run {
  int status;
  std::string out;
};

// Runs the tool from the fixtures directory with `args`, capturing standard output.
Run run(const std::string& args) {
  std::string cmd = "cd '" + (fs::path(SPARKC_TEST_DIR) / "validate" / "fixtures").string() + "' && '" +
                    tool().string() + "' validate " + args + " 2>/dev/null";
  Run r{-1, ""};
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

}  // namespace

TEST_CASE("validate exit codes: 0 clean, 1 at --fail-on, 2 for usage and I/O errors") {
  if (!fs::exists(tool())) {
    MESSAGE("skipped: " << tool() << " is not built");
    return;
  }
  struct Case {
    const char* args;
    int status;
  };
  const Case cases[] = {
      {"clean", 0},
      {"exponent-number", 0},                      // warnings only, default --fail-on error
      {"exponent-number --fail-on warning", 1},
      {"bad-object-name", 1},
      {"bad-object-name --disable k8s-dns1123-name", 0},
      {"no-such-chart", 2},
      {"clean --output xml", 2},
      {"clean --fail-on info", 2},
      {"clean --disable no-such-rule", 2},
      {"clean -f missing.yaml", 2},
      {"", 2},
      {"clean --preset minimal", 2},
      {"--list-rules", 0},
  };
  for (const auto& c : cases) {
    CAPTURE(c.args);
    CHECK(run(c.args).status == c.status);
  }
}

TEST_CASE("validate output formats") {
  if (!fs::exists(tool())) return;
  CHECK(run("exponent-number --disable values-exponent-number --output json").out ==
        "{\n  \"diagnostics\": []\n}\n");
  Run text = run("bad-object-name --output text");
  CHECK(text.out.rfind("bad-object-name/templates/service.yaml:5:3: error: Service name \"my_Svc\"", 0) == 0);
  Run sarif = run("bad-object-name --output sarif");
  CHECK(sarif.out.find("\"ruleId\": \"k8s-dns1123-name\"") != std::string::npos);
  CHECK(sarif.out.find("\"startLine\": 16") != std::string::npos);
  CHECK(sarif.out.find("\"id\": \"values-exponent-number\"") != std::string::npos);  // every rule listed
}
