// Diagnostics as values and their three renderings, compared whole.
#include <doctest/doctest.h>

#include <limits>

#include "diag/suggest.h"
#include "sparkc/diagnostic.h"

using namespace sparkc::diag;

namespace {

// Two findings in one file and one without a location, reported out of order.
std::vector<Diagnostic> sample() {
  Diagnostic late{Severity::Warning, "values-unknown-key", "unknown key \"prot\" under \"server\"",
                  {"chart/values.yaml", 3, 3}, "server.prot", "did you mean \"port\"?", {}};
  Diagnostic early{Severity::Error, "k8s-dns1123-name", "Service name \"a_b\" is not valid",
                   {"chart/values.yaml", 1, 7}, "Service/a_b", "", {{"defined here", {"chart/t.yaml", 2, 0}}}};
  Diagnostic nowhere{Severity::Info, "chart-templates-dir", "templates/ directory not found", {}, "", "", {}};
  return {late, early, nowhere};
}

SourceMap sources() {
  SourceMap m;
  m.add("chart/values.yaml", "name: a_b\nserver:\n  prot: 1\n");
  m.add("chart/t.yaml", "kind: Service\n\tname: x\n");
  return m;
}

}  // namespace

TEST_CASE("severity names round-trip and map to SARIF levels") {
  struct Case { Severity s; const char* name; const char* level; };
  const Case cases[] = {{Severity::Error, "error", "error"}, {Severity::Warning, "warning", "warning"},
                        {Severity::Info, "info", "note"}, {Severity::Note, "note", "note"}};
  for (const auto& c : cases) {
    CAPTURE(c.name);
    CHECK(severity_name(c.s) == c.name);
    CHECK(sarif_level(c.s) == c.level);
    CHECK(parse_severity(c.name) == c.s);
  }
  CHECK_FALSE(parse_severity("fatal").has_value());
}

TEST_CASE("the sink counts by severity and sorting orders by location") {
  DiagnosticSink sink;
  for (auto& d : sample()) sink.report(d);
  CHECK(sink.count_at_least(Severity::Error) == 1);
  CHECK(sink.count_at_least(Severity::Warning) == 2);
  CHECK(sink.count_at_least(Severity::Note) == 3);
  auto diags = sink.take();
  sort_diagnostics(diags);
  CHECK(diags[0].rule_id == "chart-templates-dir");  // no file sorts first
  CHECK(diags[1].rule_id == "k8s-dns1123-name");
  CHECK(diags[2].rule_id == "values-unknown-key");
  CHECK(sink.diagnostics().empty());
}

TEST_CASE("source lines by number") {
  struct Case { const char* file; int line; const char* want; };
  const Case cases[] = {{"chart/values.yaml", 1, "name: a_b"}, {"chart/values.yaml", 3, "  prot: 1"},
                        {"chart/t.yaml", 2, "\tname: x"}};
  SourceMap m = sources();
  for (const auto& c : cases) {
    CAPTURE(c.line);
    auto got = m.line(c.file, c.line);
    REQUIRE(got.has_value());
    CHECK(*got == c.want);
  }
  CHECK_FALSE(m.line("chart/values.yaml", 4).has_value());  // after the final newline
  CHECK_FALSE(m.line("chart/values.yaml", 0).has_value());
  CHECK_FALSE(m.line("other.yaml", 1).has_value());
}

TEST_CASE("text rendering: location, caret, hint and notes") {
  auto diags = sample();
  sort_diagnostics(diags);
  CHECK(render_text(diags, sources()) ==
        "info: templates/ directory not found [chart-templates-dir]\n"
        "chart/values.yaml:1:7: error: Service name \"a_b\" is not valid [k8s-dns1123-name]\n"
        "name: a_b\n"
        "      ^\n"
        "chart/t.yaml:2: note: defined here\n"
        "\tname: x\n"
        "chart/values.yaml:3:3: warning: unknown key \"prot\" under \"server\" [values-unknown-key]\n"
        "  prot: 1\n"
        "  ^\n"
        "  hint: did you mean \"port\"?\n");
  CHECK(render_text({}, sources()) == "");
  // Without the source text only the message line is printed.
  CHECK(render_text({diags[2]}, SourceMap{}) ==
        "chart/values.yaml:3:3: warning: unknown key \"prot\" under \"server\" [values-unknown-key]\n"
        "  hint: did you mean \"port\"?\n");
}

TEST_CASE("json quoting") {
  struct Case { const char* in; const char* want; };
  const Case cases[] = {{"plain", "\"plain\""}, {"a\"b\\c", "\"a\\\"b\\\\c\""},
                        {"tab\tnl\n", "\"tab\\tnl\\n\""}, {"\x01", "\"\\u0001\""}, {"é", "\"é\""}};
  for (const auto& c : cases) {
    CAPTURE(c.in);
    CHECK(json_quote(c.in) == c.want);
  }
}

TEST_CASE("json rendering") {
  auto diags = sample();
  sort_diagnostics(diags);
  CHECK(render_json({}) == "{\n  \"diagnostics\": []\n}\n");
  CHECK(render_json({diags[1]}) ==
        R"json({
  "diagnostics": [
    {
      "severity": "error",
      "rule": "k8s-dns1123-name",
      "message": "Service name \"a_b\" is not valid",
      "location": {
        "file": "chart/values.yaml",
        "line": 1,
        "column": 7
      },
      "path": "Service/a_b",
      "notes": [
        {
          "message": "defined here",
          "location": {
            "file": "chart/t.yaml",
            "line": 2,
            "column": 0
          }
        }
      ]
    }
  ]
}
)json");
}

TEST_CASE("sarif rendering") {
  auto diags = sample();
  sort_diagnostics(diags);
  std::vector<RuleDescriptor> rules = {{"values-unknown-key", "a key the schema does not declare",
                                        "use a declared key", Severity::Warning}};
  CHECK(render_sarif({diags[0], diags[2]}, rules, "0.1.0") ==
        R"json({
  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
  "version": "2.1.0",
  "runs": [
    {
      "tool": {
        "driver": {
          "name": "spark-constructor",
          "version": "0.1.0",
          "rules": [
            {
              "id": "values-unknown-key",
              "shortDescription": {
                "text": "a key the schema does not declare"
              },
              "help": {
                "text": "use a declared key"
              },
              "defaultConfiguration": {
                "level": "warning"
              }
            }
          ]
        }
      },
      "results": [
        {
          "ruleId": "chart-templates-dir",
          "level": "note",
          "message": {
            "text": "templates/ directory not found"
          },
          "locations": []
        },
        {
          "ruleId": "values-unknown-key",
          "level": "warning",
          "message": {
            "text": "unknown key \"prot\" under \"server\" (hint: did you mean \"port\"?)"
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "chart/values.yaml"
                },
                "region": {
                  "startLine": 3,
                  "startColumn": 3
                }
              }
            }
          ]
        }
      ]
    }
  ]
}
)json");
}

TEST_CASE("edit_distance for did-you-mean hints, exact below the cap") {
  struct Row {
    const char* a;
    const char* b;
    size_t cap;
    size_t want;
  };
  const size_t kNoCap = std::numeric_limits<size_t>::max() - 1;
  const Row rows[] = {
      {"", "", kNoCap, 0},          {"abc", "", kNoCap, 3},       {"replicaCuont", "replicaCount", kNoCap, 2},
      {"kitten", "sitting", kNoCap, 3}, {"Spark", "spark", kNoCap, 1}, {"instaces", "instances", 1, 1},
      {"kitten", "sitting", 2, 3},  {"a", "abcdef", 3, 4},        {"abcdef", "uvwxyz", 2, 3},
  };
  for (const auto& r : rows) {
    CAPTURE(r.a);
    CAPTURE(r.b);
    CHECK(sparkc::diag::edit_distance(r.a, r.b, r.cap) == r.want);
  }
}
