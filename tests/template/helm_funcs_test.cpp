// Helm's engine-level functions (include, tpl, required, lookup, getHostByName) and
// eval_template, checked against Go running Helm's implementations of them (see
// exec_fixtures.h).
#include <doctest/doctest.h>

#include "template/exec_fixtures.h"

namespace sparkc::gotmpl::testing {
namespace {

const Row kHelmRows[] = {
    {R"~(include)~", R"~({{define "a"}}A{{.}}{{end}}{{include "a" 1}})~", kData, MissingKey::Zero, R"~(A1)~", false},
    {R"~(include pipe)~", R"~({{define "a"}}a{{.s}}{{end}}{{include "a" . | upper}})~", kData, MissingKey::Zero, R"~(ASTR)~", false},
    {R"~(include missing)~", R"~({{include "b" .}})~", kData, MissingKey::Zero, R"~(template: t:1:2: executing "t" at <include "b" .>: error calling include: template: no template "b" associated with template "gotpl")~", true},
    {R"~(include error inside)~", R"~({{define "a"}}
{{.x.y}}{{end}}{{include "a" .}})~", kData, MissingKey::Zero, R"~(template: t:2:17: executing "t" at <include "a" .>: error calling include: template: t:2:4: executing "a" at <.x.y>: nil pointer evaluating interface {}.y)~", true},
    {R"~(include nested)~", R"~({{define "a"}}[{{include "b" .}}]{{end}}{{define "b"}}{{.s}}{{end}}{{include "a" .}})~", kData, MissingKey::Zero, R"~([str])~", false},
    {R"~(include bounded recursion)~", R"~({{define "r"}}{{if .}}{{len .}}{{include "r" (rest .)}}{{end}}{{end}}{{include "r" .list}})~", kData, MissingKey::Zero, R"~(321)~", false},
    {R"~(include wrong type)~", R"~({{include .a .}})~", kData, MissingKey::Zero, R"~(template: t:1:10: executing "t" at <.a>: wrong type for value; expected string; got float64)~", true},
    {R"~(include vars not inherited)~", R"~({{define "a"}}{{$}}{{end}}{{$x := 1}}{{include "a" 7}})~", kData, MissingKey::Zero, R"~(7)~", false},
    {R"~(tpl)~", R"~({{tpl "{{.s}}" .}})~", kData, MissingKey::Zero, R"~(str)~", false},
    {R"~(tpl define include)~", R"~({{tpl "{{define \"z\"}}Z{{end}}{{include \"z\" .}}" .}})~", kData, MissingKey::Zero, R"~(Z)~", false},
    {R"~(tpl sees outer)~", R"~({{define "o"}}O{{end}}{{tpl "{{include \"o\" .}}" .}})~", kData, MissingKey::Zero, R"~(O)~", false},
    {R"~(tpl defines local)~", R"~({{tpl "{{define \"z\"}}Z{{end}}" .}}{{include "z" .}})~", kData, MissingKey::Zero, R"~(template: t:1:38: executing "t" at <include "z" .>: error calling include: template: no template "z" associated with template "gotpl")~", true},
    {R"~(tpl parse error)~", R"~({{tpl "{{" .}})~", kData, MissingKey::Zero, R"~(template: t:1:2: executing "t" at <tpl "{{" .>: error calling tpl: cannot parse template "{{": template: gotpl:1: unclosed action)~", true},
    {R"~(tpl exec error)~", R"~({{tpl "{{.x.y}}" .}})~", kData, MissingKey::Zero, R"~(template: t:1:2: executing "t" at <tpl "{{.x.y}}" .>: error calling tpl: error during tpl function execution for "{{.x.y}}": template: gotpl:1:4: executing "gotpl" at <.x.y>: nil pointer evaluating interface {}.y)~", true},
    {R"~(tpl no value)~", R"~({{tpl "a{{.nope}}b" .}})~", kData, MissingKey::Zero, R"~(ab)~", false},
    {R"~(tpl wrong type)~", R"~({{tpl .a .}})~", kData, MissingKey::Zero, R"~(template: t:1:6: executing "t" at <.a>: wrong type for value; expected string; got float64)~", true},
    {R"~(tpl nested)~", R"~({{tpl "{{tpl \"{{.s}}\" .}}" .}})~", kData, MissingKey::Zero, R"~(str)~", false},
    {R"~(tpl template name)~", R"~({{tpl "{{template \"gotpl\" .}}" .}})~", kData, MissingKey::Zero, R"~(template: t:1:2: executing "t" at <tpl "{{template \"gotpl\" .}}" .>: error calling tpl: error during tpl function execution for "{{template \"gotpl\" .}}": template: gotpl:1:11: executing "gotpl" at <{{template "gotpl" .}}>: exceeded maximum template depth (100000))~", true},
    {R"~(tpl empty)~", R"~({{tpl "" .}}|)~", kData, MissingKey::Zero, R"~(|)~", false},
    {R"~(tpl plain)~", R"~({{tpl "plain" .}})~", kData, MissingKey::Zero, R"~(plain)~", false},
    {R"~(tpl missing error)~", R"~({{tpl "{{.nope}}" .}})~", kData, MissingKey::Error, R"~(template: t:1:2: executing "t" at <tpl "{{.nope}}" .>: error calling tpl: error during tpl function execution for "{{.nope}}": template: gotpl:1:2: executing "gotpl" at <.nope>: map has no entry for key "nope")~", true},
    {R"~(required missing)~", R"~({{required "need x" .x}})~", kData, MissingKey::Zero, R"~(template: t:1:2: executing "t" at <required "need x" .x>: error calling required: HELM_ERR_STARTneed xHELM_ERR_END)~", true},
    {R"~(required ok)~", R"~({{required "m" .s}})~", kData, MissingKey::Zero, R"~(str)~", false},
    {R"~(required empty string)~", R"~({{required "m" ""}})~", kData, MissingKey::Zero, R"~(template: t:1:2: executing "t" at <required "m" "">: error calling required: HELM_ERR_STARTmHELM_ERR_END)~", true},
    {R"~(required zero)~", R"~({{required "m" 0}})~", kData, MissingKey::Zero, R"~(0)~", false},
    {R"~(required null)~", R"~({{required "m" .n}})~", kData, MissingKey::Zero, R"~(template: t:1:2: executing "t" at <required "m" .n>: error calling required: HELM_ERR_STARTmHELM_ERR_END)~", true},
    {R"~(required percent)~", R"~({{required "100% sure" .x}})~", kData, MissingKey::Zero, R"~(template: t:1:2: executing "t" at <required "100% sure" .x>: error calling required: HELM_ERR_START100% sureHELM_ERR_END)~", true},
    {R"~(lookup)~", R"~({{lookup "v1" "Pod" "ns" "n" | len}} {{lookup "v1" "Pod" "" ""}} {{printf "%T" (lookup "a" "b" "c" "d")}})~", kData, MissingKey::Zero, R"~(0 map[] map[string]interface {})~", false},
    {R"~(lookup field)~", R"~({{(lookup "v1" "Secret" "ns" "n").data}})~", kData, MissingKey::Zero, R"~(<no value>)~", false},
    {R"~(getHostByName)~", R"~([{{getHostByName "example.invalid"}}])~", kData, MissingKey::Zero, R"~([])~", false},
};

TEST_CASE("helm functions") { check_rows(kHelmRows); }

TEST_CASE("include: Helm's recursion limit") {
  // Go + Helm fail the 1002nd nested include of one name; every level wraps the error.
  Row row{"include recursion limit", R"({{define "r"}}{{include "r" .}}{{end}}{{include "r" .}})",
          kData, MissingKey::Zero, "", true};
  std::string want = R"(template: t:1:40: executing "t" at <include "r" .>: error calling include: )";
  for (int i = 0; i < 1001; ++i) {
    want += R"(template: t:1:16: executing "r" at <include "r" .>: error calling include: )";
  }
  want += "rendering template has a nested reference name: r: unable to execute template";
  bool is_err = false;
  std::string got = run_row(row, is_err);
  CHECK(is_err);
  CHECK(got.size() == want.size());
  CHECK(got == want);
}

TEST_CASE("include and tpl: runaway recursion fails instead of crashing") {
  // Three names include each other: Helm fails once one name nests past 1000 (3000+ levels),
  // or we fail earlier with the same message when the C++ stack runs low.
  TemplateSet set(helm_functions());
  set.parse("t", R"({{define "a"}}{{include "b" .}}{{end}}{{define "b"}}{{include "c" .}}{{end}})"
                 R"({{define "c"}}{{include "a" .}}{{end}}{{include "a" .}})");
  CHECK_THROWS_WITH_AS(set.execute("t", Value()),
                       doctest::Contains("rendering template has a nested reference name: "),
                       TemplateError);
  // tpl of a value that tpl's itself: Go overflows its stack and crashes; we report an error.
  TemplateSet self(helm_functions());
  self.parse("t", "{{ tpl .t . }}");
  Value data = Value(Map{{"t", Value("{{ tpl .t . }}")}});
  CHECK_THROWS_WITH_AS(self.execute("t", data),
                       doctest::Contains("exceeded maximum template depth (100000)"), TemplateError);
}

TEST_CASE("include: the limit is an option") {
  TemplateSet set(helm_functions());
  set.parse("t", R"({{define "r"}}{{if .}}x{{include "r" (rest .)}}{{end}}{{end}}{{include "r" .}})");
  Value data = Value(List{Value(1), Value(2), Value(3)});
  ExecOptions opts;
  // Four nested includes of "r": the fourth sees a count of 3, which must not exceed the limit.
  opts.include_depth_limit = 3;
  CHECK(set.execute("t", data, opts) == "xxx");
  opts.include_depth_limit = 2;
  CHECK_THROWS_WITH_AS(set.execute("t", data, opts),
                       doctest::Contains("rendering template has a nested reference name: r"),
                       TemplateError);
}

TEST_CASE("eval_template removes <no value> as Helm does") {
  CHECK(eval_template("a{{.nope}}b{{.s}}", fixture(kData)) == "abstr");
  CHECK(eval_template("{{ \"<no value>\" }}|{{ .nope.x | default 1 }}", Value()) == "|1");
  CHECK_THROWS_WITH_AS(eval_template("{{ .x.y }}", fixture(kData)),
                       R"(template: eval:1:5: executing "eval" at <.x.y>: nil pointer evaluating interface {}.y)",
                       TemplateError);
  ExecOptions strict;
  strict.missing_key = MissingKey::Error;
  CHECK_THROWS_WITH_AS(eval_template("{{ .x }}", fixture(kData), strict, "n"),
                       R"(template: n:1:3: executing "n" at <.x>: map has no entry for key "x")",
                       TemplateError);
}

// A function that reports the random bytes the call context hands it.
TEST_CASE("random bytes: seeded runs repeat, unseeded runs differ") {
  FunctionRegistry funcs = helm_functions();
  funcs.add("rnd", {{}}, [](CallContext& ctx, std::span<const Value>) {
    unsigned char buf[12];
    ctx.random_bytes(buf);
    std::string hex;
    for (unsigned char c : buf) hex += "0123456789abcdef"[c >> 4], hex += "0123456789abcdef"[c & 15];
    return Value(hex);
  });
  TemplateSet set(funcs);
  set.parse("t", "{{rnd}} {{rnd}}");
  ExecOptions seeded;
  seeded.random_seed = 42;
  std::string a = set.execute("t", Value(), seeded);
  CHECK(a == set.execute("t", Value(), seeded));
  CHECK(a.substr(0, 24) != a.substr(25));
  seeded.random_seed = 43;
  CHECK(a != set.execute("t", Value(), seeded));
  CHECK(set.execute("t", Value()) != set.execute("t", Value()));
}

TEST_CASE("call context: template_name is the running template") {
  FunctionRegistry funcs = helm_functions();
  funcs.add("me", {{}}, [](CallContext& ctx, std::span<const Value>) {
    return Value(std::string(ctx.template_name()));
  });
  TemplateSet set(funcs);
  set.parse("file.yaml", R"({{define "d"}}{{me}}{{end}}{{me}} {{include "d" .}} {{template "d"}} {{tpl "{{me}}" .}})");
  CHECK(set.execute("file.yaml", Value()) == "file.yaml d d gotpl");
}

}  // namespace
}  // namespace sparkc::gotmpl::testing
