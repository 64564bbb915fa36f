// Where libyaml 0.2.5 refuses text that yaml.v2 reads (private to lib/yaml).
//
// yaml.v2 was ported from libyaml 0.1; libyaml has since tightened its scanner in three places
// that Helm therefore still accepts. When libyaml stops on one of them, the text is rewritten
// into an equivalent form libyaml reads as yaml.v2 reads the original, and parsing starts over.
#pragma once

#include <string>
#include <string_view>

namespace sparkc::yaml::detail {

// A rewrite: `delta` characters were inserted on 0-based line `line` after 0-based column
// `column`, so marks further right on that line are moved back by `delta`.
struct Edit {
  size_t line = 0;
  size_t column = 0;
  int delta = 0;
};

// libyaml's error, located in the text as byte offsets.
struct ScanError {
  std::string_view problem;  // libyaml's problem text
  std::string_view context;  // libyaml's context text ("while scanning a tag")
  size_t at = 0;             // byte offset of the problem mark
  size_t context_at = 0;     // byte offset of the context mark
  size_t line = 0;           // 0-based line and column (characters) of the problem mark
  size_t column = 0;
  size_t context_line = 0;
  size_t context_column = 0;
};

// Rewrites `text` so that libyaml no longer stops at `e` and reads what yaml.v2 reads:
//   - the escape \' in a double-quoted scalar (libyaml 0.2.1 forbids it): written \x27;
//   - a flow plain scalar ending in ':' before ',', '[', ']', '{', '}' or '?' ("found
//     unexpected ':'"; yaml.v2 reads "x:"): single-quoted, which gives the same string;
//   - ',', '[' or ']' in a tag (libyaml 0.2.5 ends the tag there): percent-encoded.
// Returns false, leaving `text` alone, when yaml.v2 reports the same error.
bool rewrite_for_yaml_v2(std::string& text, const ScanError& e, Edit* edit);

}  // namespace sparkc::yaml::detail
