// Semantic versions and constraints as Masterminds/semver v3 (the library behind Sprig's
// semver and semverCompare, and Helm's kubeVersion checks) defines them.
//
// The parser follows semver's regular expressions literally (through RE2, whose syntax and
// leftmost-first matching are Go's regexp), because its quirks are part of the behaviour
// charts rely on: "v1.2" coerces to 1.2.0, "1.x" and "*" are wildcards, "|" is accepted
// inside version characters, and ">=1.21-0" opts a constraint into prereleases.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sparkc/functions.h"

namespace sparkc::gotmpl::semver {

// A parsed version (semver.Version).
struct Version {
  std::uint64_t major = 0, minor = 0, patch = 0;
  std::string pre;       // prerelease, without the leading '-'
  std::string metadata;  // build metadata, without the leading '+'
  std::string original;  // the text that was parsed

  // The canonical form "1.2.3-pre+meta" (Version.String); no leading "v".
  std::string str() const;
};

// Parses a version the lenient way semver.NewVersion does; throws FuncError with semver's
// wording ("Invalid Semantic Version", ...).
Version parse_version(std::string_view text);

// Orders two versions by precedence: -1, 0 or 1 (Version.Compare); metadata is ignored.
int compare(const Version& a, const Version& b);

// One comparison such as ">=1.2.x" inside a constraint.
struct Constraint {
  Version con;           // the version compared against, wildcards zeroed
  std::string orig;      // the version text as written ("1.x")
  std::string op;        // the operator as written ("", "=", "~>", "^", ...)
  bool minor_dirty = false;
  bool patch_dirty = false;
  bool dirty = false;    // any wildcard or missing part
};

// A constraint: alternatives separated by "||", each a list of comparisons that must all hold.
class Constraints {
 public:
  // Parses a constraint as semver.NewConstraint does; throws FuncError
  // ("improper constraint: x").
  static Constraints parse(std::string_view text);
  // True when the version satisfies one of the alternatives (Constraints.Check).
  bool check(const Version& v) const;

 private:
  std::vector<std::vector<Constraint>> ors_;
};

// Wraps a version as the *semver.Version (or, for IncPatch and friends, semver.Version)
// object templates see.
Value make_version_value(Version v, bool pointer = true);

// Registers semver and semverCompare.
void register_sprig_semver(FunctionRegistry& r);

}  // namespace sparkc::gotmpl::semver
