// semver and semverCompare against Masterminds/semver v3 as Sprig 3.2.3 uses it. Every
// expected value below was produced by the Go oracle (text/template + sprig).
#include <doctest/doctest.h>

#include "func_test_util.h"

using namespace sparkc;
using namespace sparkc::gotmpl;
using namespace sparkc::gotmpl::testing;

TEST_CASE("semverCompare matches Masterminds/semver constraints") {
  // Carets, tildes, wildcards, ranges, ORs, AND lists, prerelease opt-in (Helm's ">=1.21-0"),
  // and the parse errors in the order semver reports them.
  std::vector<Row> rows = {
    {"semverCompare", {Value("^1.2.3"), Value("1.2.3")}, "true", false},
    {"semverCompare", {Value("^1.2.3"), Value("1.9.0")}, "true", false},
    {"semverCompare", {Value("^1.2.3"), Value("2.0.0")}, "false", false},
    {"semverCompare", {Value("^1.2.3"), Value("1.2.2")}, "false", false},
    {"semverCompare", {Value("^1.2"), Value("1.2.0")}, "true", false},
    {"semverCompare", {Value("^1"), Value("1.99.99")}, "true", false},
    {"semverCompare", {Value("^0.2.3"), Value("0.2.9")}, "true", false},
    {"semverCompare", {Value("^0.2.3"), Value("0.3.0")}, "false", false},
    {"semverCompare", {Value("^0.0.3"), Value("0.0.3")}, "true", false},
    {"semverCompare", {Value("^0.0.3"), Value("0.0.4")}, "false", false},
    {"semverCompare", {Value("^0.0"), Value("0.0.9")}, "true", false},
    {"semverCompare", {Value("^0.0"), Value("0.1.0")}, "false", false},
    {"semverCompare", {Value("^0"), Value("0.9.0")}, "true", false},
    {"semverCompare", {Value("^0"), Value("1.0.0")}, "false", false},
    {"semverCompare", {Value("^1.2.3"), Value("1.2.4-beta")}, "false", false},
    {"semverCompare", {Value("^1.2.3-alpha"), Value("1.2.3-beta")}, "true", false},
    {"semverCompare", {Value("^1.2.x"), Value("1.5.0")}, "true", false},
    {"semverCompare", {Value("^*"), Value("5.0.0")}, "false", false},
    {"semverCompare", {Value("^0.x"), Value("0.5.0")}, "true", false},
    {"semverCompare", {Value("~1.2.3"), Value("1.2.9")}, "true", false},
    {"semverCompare", {Value("~1.2.3"), Value("1.3.0")}, "false", false},
    {"semverCompare", {Value("~1"), Value("1.9.0")}, "true", false},
    {"semverCompare", {Value("~1"), Value("2.0.0")}, "false", false},
    {"semverCompare", {Value("~1.x"), Value("1.4.0")}, "true", false},
    {"semverCompare", {Value("~>1.2"), Value("1.2.7")}, "true", false},
    {"semverCompare", {Value("~0.0.0"), Value("3.0.0")}, "true", false},
    {"semverCompare", {Value("~0"), Value("0.5.0")}, "true", false},
    {"semverCompare", {Value("~*"), Value("9.9.9")}, "true", false},
    {"semverCompare", {Value("1.2.x"), Value("1.2.5")}, "true", false},
    {"semverCompare", {Value("1.2.x"), Value("1.3.0")}, "false", false},
    {"semverCompare", {Value("1.x"), Value("1.9.9")}, "true", false},
    {"semverCompare", {Value("*"), Value("0.0.1")}, "true", false},
    {"semverCompare", {Value("*"), Value("1.0.0-rc1")}, "false", false},
    {"semverCompare", {Value("x"), Value("4.4.4")}, "true", false},
    {"semverCompare", {Value("1.2"), Value("1.2.0")}, "true", false},
    {"semverCompare", {Value("1.2"), Value("1.2.9")}, "true", false},
    {"semverCompare", {Value("=1.2.3"), Value("1.2.3")}, "true", false},
    {"semverCompare", {Value("1.2.3"), Value("v1.2.3")}, "true", false},
    {"semverCompare", {Value("1.2.3"), Value("1.2.3+build")}, "true", false},
    {"semverCompare", {Value(">1.2"), Value("1.3.0")}, "true", false},
    {"semverCompare", {Value(">1.2"), Value("1.2.9")}, "false", false},
    {"semverCompare", {Value(">1"), Value("1.9.0")}, "false", false},
    {"semverCompare", {Value(">1"), Value("2.0.0")}, "true", false},
    {"semverCompare", {Value(">1.2.3"), Value("1.2.4")}, "true", false},
    {"semverCompare", {Value(">1.2.3"), Value("1.2.3")}, "false", false},
    {"semverCompare", {Value(">1.2.3-alpha"), Value("1.2.3-beta")}, "true", false},
    {"semverCompare", {Value("<1.2.3"), Value("1.2.2")}, "true", false},
    {"semverCompare", {Value("<1.2.3"), Value("1.2.3-beta")}, "false", false},
    {"semverCompare", {Value("<1.2.3-beta"), Value("1.2.3-alpha")}, "true", false},
    {"semverCompare", {Value("<=1.2"), Value("1.2.99")}, "true", false},
    {"semverCompare", {Value("<=1.2"), Value("1.3.0")}, "false", false},
    {"semverCompare", {Value("<=1"), Value("1.99.0")}, "true", false},
    {"semverCompare", {Value("=<1.2.3"), Value("1.2.3")}, "true", false},
    {"semverCompare", {Value(">=1.2.3"), Value("1.2.3")}, "true", false},
    {"semverCompare", {Value("=>1.2.3"), Value("1.2.2")}, "false", false},
    {"semverCompare", {Value(">=1.21-0"), Value("1.22.1-eks-123")}, "true", false},
    {"semverCompare", {Value(">=1.21-0"), Value("1.21.0")}, "true", false},
    {"semverCompare", {Value(">=1.21"), Value("1.22.1-eks-123")}, "false", false},
    {"semverCompare", {Value(">= 1.21.0-0"), Value("v1.25.3+k3s1")}, "true", false},
    {"semverCompare", {Value(">=1.19.0-0 <1.30.0-0"), Value("1.28.2-gke.100")}, "true", false},
    {"semverCompare", {Value("!=1.2.3"), Value("1.2.3")}, "false", false},
    {"semverCompare", {Value("!=1.2.3"), Value("1.2.4")}, "true", false},
    {"semverCompare", {Value("!=1.x"), Value("1.5.0")}, "false", false},
    {"semverCompare", {Value("!=1.x"), Value("2.0.0")}, "true", false},
    {"semverCompare", {Value("!=1.2.x"), Value("1.2.5")}, "false", false},
    {"semverCompare", {Value("!=1.2.x"), Value("1.3.0")}, "true", false},
    {"semverCompare", {Value("!=1.2.x"), Value("1.2.0-beta")}, "false", false},
    {"semverCompare", {Value("!=1.2.x-alpha"), Value("1.2.0-beta")}, "true", false},
    {"semverCompare", {Value(">=1.2, <2"), Value("1.5.0")}, "true", false},
    {"semverCompare", {Value(">=1.2 <2"), Value("2.0.0")}, "false", false},
    {"semverCompare", {Value(">=1.2,<2"), Value("1.9.9")}, "true", false},
    {"semverCompare", {Value(">1.0 <2.0 || >=3.0"), Value("3.1.0")}, "true", false},
    {"semverCompare", {Value(">1.0 <2.0 || >=3.0"), Value("2.5.0")}, "false", false},
    {"semverCompare", {Value("1.1 - 2"), Value("1.5.0")}, "true", false},
    {"semverCompare", {Value("1.1 - 2"), Value("2.0.0")}, "true", false},
    {"semverCompare", {Value("1.1 - 2"), Value("2.5.0")}, "true", false},
    {"semverCompare", {Value("1.2.3 - 2.3.4"), Value("2.3.4")}, "true", false},
    {"semverCompare", {Value("1.2.3 - 2.3.4"), Value("2.3.5")}, "false", false},
    {"semverCompare", {Value("1.0 - 2.0 || 3.0 - 4.0"), Value("3.5.0")}, "true", false},
    {"semverCompare", {Value("  >= 1.2.3  "), Value("1.2.3")}, "true", false},
    {"semverCompare", {Value("v1.2.3"), Value("1.2.3")}, "true", false},
    {"semverCompare", {Value("1.2.3-beta.2"), Value("1.2.3-beta.2")}, "true", false},
    {"semverCompare", {Value(">1.2.3-beta.2"), Value("1.2.3-beta.11")}, "true", false},
    {"semverCompare", {Value(">1.2.3-beta"), Value("1.2.3-beta.1")}, "true", false},
    {"semverCompare", {Value(">1.2.3-1"), Value("1.2.3-alpha")}, "true", false},
    {"semverCompare", {Value(""), Value("1.0.0")}, "improper constraint: ", true},
    {"semverCompare", {Value("foo"), Value("1.0.0")}, "improper constraint: foo", true},
    {"semverCompare", {Value(">=1.2.3"), Value("foo")}, "Invalid Semantic Version", true},
    {"semverCompare", {Value(">=1.2.3"), Value("")}, "Invalid Semantic Version", true},
    {"semverCompare", {Value("1|2"), Value("1.0.0")}, "constraint Parser Error", true},
    {"semverCompare", {Value(">1.2.3 ||"), Value("1.0.0")}, "improper constraint: ", true},
    {"semverCompare", {Value("1.2.3.4"), Value("1.0.0")}, "improper constraint: 1.2.3.4", true},
    {"semverCompare", {Value(">=01.2"), Value("1.2.0")}, "true", false},
    {"semverCompare", {Value(">=1.2.3-01"), Value("1.2.3")}, "constraint Parser Error", true},
    {"semverCompare", {Value(">=1.2.3"), Value("1.2.3-01")}, "Version segment starts with 0", true},
    {"semverCompare", {Value(">=1.2.3"), Value("99999999999999999999.0.0")}, "Error parsing version segment: strconv.ParseUint: parsing \"99999999999999999999\": value out of range", true},
    {"semverCompare", {Value(">=1.2.3"), Value("1.2.3-a_b")}, "Invalid Semantic Version", true},
    {"semverCompare", {Value(">==1.2.3"), Value("1.2.3")}, "improper constraint: >==1.2.3", true},
    {"semverCompare", {Value("1.x.3"), Value("1.5.3")}, "true", false},
    {"semverCompare", {Value("1x"), Value("1.0.0")}, "constraint Parser Error", true},
    {"semverCompare", {Value(">=1.2.3"), Value("1.2")}, "false", false},
    {"semverCompare", {Value(">=1.2.3"), Value("v2")}, "true", false},
    {"semverCompare", {Value(">=1.0.0"), Value("1.0.0+meta.data")}, "true", false},
    {"semverCompare", {Value("<1.0.0-alpha.1"), Value("1.0.0-alpha")}, "true", false},
    {"semverCompare", {Value(">1.0.0-alpha.beta"), Value("1.0.0-alpha.1")}, "false", false},
    {"semverCompare", {Value(">1.0.0-rc.1"), Value("1.0.0-beta.11")}, "false", false},
  };
  check_rows(rows);
}

TEST_CASE("semver parses leniently and prints the canonical form") {
  std::vector<Row> rows = {
    {"semver", {Value("1.2.3")}, "1.2.3", false},
    {"semver", {Value("v1.2.3")}, "1.2.3", false},
    {"semver", {Value("1.2")}, "1.2.0", false},
    {"semver", {Value("v1")}, "1.0.0", false},
    {"semver", {Value("1")}, "1.0.0", false},
    {"semver", {Value("1.2.3-beta.1+build.99")}, "1.2.3-beta.1+build.99", false},
    {"semver", {Value("1.2.3+meta")}, "1.2.3+meta", false},
    {"semver", {Value("01.2.3")}, "1.2.3", false},
    {"semver", {Value("1.02.3")}, "1.2.3", false},
    {"semver", {Value("1.2.3-01")}, "Version segment starts with 0", true},
    {"semver", {Value("1.2.3-0")}, "1.2.3-0", false},
    {"semver", {Value("1.2.3-alpha..1")}, "Invalid Semantic Version", true},
    {"semver", {Value("1.2.3-")}, "Invalid Semantic Version", true},
    {"semver", {Value("1.2.3+")}, "Invalid Semantic Version", true},
    {"semver", {Value("1.2.3.4")}, "Invalid Semantic Version", true},
    {"semver", {Value(" 1.2.3")}, "Invalid Semantic Version", true},
    {"semver", {Value("1.2.3 ")}, "Invalid Semantic Version", true},
    {"semver", {Value("V1.2.3")}, "Invalid Semantic Version", true},
    {"semver", {Value("1.2.3-x-y-z.--")}, "1.2.3-x-y-z.--", false},
    {"semver", {Value("18446744073709551615.0.0")}, "18446744073709551615.0.0", false},
    {"semver", {Value("18446744073709551616.1.1")}, "Error parsing version segment: strconv.ParseUint: parsing \"18446744073709551616\": value out of range", true},
    {"semver", {Value("1.18446744073709551616")}, "Error parsing version segment: strconv.ParseUint: parsing \"18446744073709551616\": value out of range", true},
    {"semver", {Value("1.2.3-a+b+c")}, "Invalid Semantic Version", true},
    {"semver", {Value("")}, "Invalid Semantic Version", true},
    {"semver", {Value("x")}, "Invalid Semantic Version", true},
    {"semver", {Value("1.2.x")}, "Invalid Semantic Version", true},
  };
  check_rows(rows);
}

TEST_CASE("a *semver.Version exposes semver's methods") {
  Value v = call("semver", {Value("v1.2.3-alpha.1+build.5")});
  REQUIRE(v.is_object());
  const Object& o = *v.as_object();
  CHECK(o.go_type_name() == "*semver.Version");
  CHECK(o.kind_name() == "ptr");
  // {{$v.Major}}|{{$v.Minor}}|...|{{$v}} gave "1|2|3|alpha.1|build.5|v1.2.3-alpha.1+build.5|1.2.3-alpha.1+build.5|..."
  CHECK(o.field("Major")->type() == Type::Uint64);
  CHECK(show(*o.field("Major")) == "1");
  CHECK(show(*o.field("Minor")) == "2");
  CHECK(show(*o.field("Patch")) == "3");
  CHECK(show(*o.field("Prerelease")) == "alpha.1");
  CHECK(show(*o.field("Metadata")) == "build.5");
  CHECK(show(*o.field("Original")) == "v1.2.3-alpha.1+build.5");
  CHECK(show(*o.field("String")) == "1.2.3-alpha.1+build.5");
  CHECK(o.print() == "1.2.3-alpha.1+build.5");
  CHECK(!o.field("major"));
  // IncPatch on a prerelease drops it and keeps the patch; the results are semver.Version
  // values, which have no Original (a pointer method): "can't evaluate field Original".
  CHECK(show(*o.field("IncPatch")) == "1.2.3");
  CHECK(show(*o.field("IncMinor")) == "1.3.0");
  CHECK(show(*o.field("IncMajor")) == "2.0.0");
  const Object& inc = *o.field("IncPatch")->as_object();
  CHECK(inc.go_type_name() == "semver.Version");
  CHECK(inc.kind_name() == "struct");
  CHECK(!inc.field("Original"));
  CHECK(o.to_data().as_string() == "1.2.3-alpha.1+build.5");  // toJson gives "\"1.2.3-...\""
}

TEST_CASE("semver methods with arguments") {
  StubContext ctx;
  Value v = call("semver", {Value("1.2.3")});
  auto* obj = dynamic_cast<const MethodObject*>(v.as_object().get());
  REQUIRE(obj != nullptr);
  auto invoke = [&](std::string_view name, std::vector<Value> args) {
    const Function* f = obj->method(name);
    REQUIRE(f != nullptr);
    try {
      return show(f->fn(ctx, args));
    } catch (const FuncError& e) {
      return std::string("ERR ") + e.what();
    }
  };
  // "{{$v.IncPatch}}|{{$v.Compare (semver "1.2.4")}}|{{$v.LessThan ...}}|..." gave
  // "1.2.4|-1|true|true|true".
  CHECK(invoke("IncPatch", {}) == "1.2.4");
  CHECK(invoke("Compare", {call("semver", {Value("1.2.4")})}) == "-1");
  CHECK(invoke("LessThan", {call("semver", {Value("1.2.4")})}) == "true");
  CHECK(invoke("GreaterThan", {call("semver", {Value("1.0.0")})}) == "true");
  CHECK(invoke("Equal", {call("semver", {Value("1.2.3+x")})}) == "true");
  CHECK(invoke("SetPrerelease", {Value("rc.1")}) == "1.2.3-rc.1");
  CHECK(invoke("SetMetadata", {Value("m")}) == "1.2.3+m");
  CHECK(invoke("SetPrerelease", {Value("01")}) == "ERR Version segment starts with 0");
  CHECK(invoke("Compare", {Value::map()}) ==
        "ERR wrong type for value; expected *semver.Version; got map[string]interface {}");
  CHECK(invoke("Compare", {Value()}) == "ERR runtime error: invalid memory address or nil pointer dereference");
  CHECK(obj->method("Nope") == nullptr);
}
