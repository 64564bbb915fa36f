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

// Runs `spark-constructor SUBCOMMAND ARGS` from the fixtures directory, capturing standard
// output (and standard error with `2>&1` in `args`).
Run run(const std::string& args, const std::string& subcommand = "validate") {
  std::string cmd = "cd '" + (fs::path(SPARKC_TEST_DIR) / "validate" / "fixtures").string() + "' && '" +
                    tool().string() + "' " + subcommand + " 2>/dev/null " + args;
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
      {"clean --capacity cpu=4,memory=16Gi", 0},
      {"clean --capacity cpu=lots", 2},
      {"clean --capacity gpu=1", 2},
      {"clean --external Secret/s3", 0},
      {"clean --external s3", 2},
      {"clean --kube-openapi no-such-file.json", 2},
      {"clean --crd no-such-crd.yaml", 2},
      {"clean -n spark --release-name prod --kube-version 1.29", 0},
      {"clean --kube-version banana", 2},
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
  CHECK(sarif.out.find("\"startLine\": 18") != std::string::npos);
  CHECK(sarif.out.find("\"id\": \"values-exponent-number\"") != std::string::npos);  // every rule listed
}

TEST_CASE("render validates what it writes and writes nothing when it fails") {
  if (!fs::exists(tool())) return;
  fs::path out = fs::temp_directory_path() / "sparkc-render-validate-test";
  std::error_code ec;
  fs::remove_all(out, ec);
  std::string o = "'" + out.string() + "'";
  // A misspelt key fails values.schema.json: nothing is written, the finding is on stderr.
  Run bad = run("--preset minimal --set sparkConnect.replicaCuont=2 -o " + o + " 2>&1", "render");
  CHECK(bad.status == 1);
  CHECK(bad.out.find("values.yaml:") != std::string::npos);
  CHECK(bad.out.find("[values-schema]") != std::string::npos);
  CHECK(bad.out.find("not written") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
  // --no-validate writes it anyway; a clean render writes and says so.
  CHECK(run("--preset minimal --set sparkConnect.replicaCuont=2 --no-validate -o " + o, "render").status == 0);
  CHECK(fs::exists(out / "Chart.yaml"));
  Run good = run("--preset minimal -o " + o + " 2>&1", "render");
  CHECK(good.status == 0);
  CHECK(good.out.rfind("wrote ", 0) == 0);
  CHECK(run("--preset minimal --fail-on info -o " + o, "render").status != 0);
  CHECK(run("--preset minimal --disable no-such-rule -o " + o, "render").status != 0);
  fs::remove_all(out, ec);
}
