// Diagnostics: what validate (and later compose) reports, as plain values.
//
// A Diagnostic names a stable rule, a severity, a message and a location the user can open
// (file, 1-based line and column), plus the value or object path it is about, a hint and
// notes. A DiagnosticSink collects them; renderers turn a list into compiler-style text,
// JSON, or SARIF 2.1.0 for code-scanning tools. Nothing here throws for bad input.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sparkc::diag {

// How serious a finding is, most serious first.
enum class Severity { Error, Warning, Info, Note };

// "error", "warning", "info", "note".
std::string_view severity_name(Severity s);
// Parses a severity name; nullopt for anything else.
std::optional<Severity> parse_severity(std::string_view name);
// SARIF's level for a severity: "error", "warning", "note" ("note" for info too).
std::string_view sarif_level(Severity s);

// A place in a file: 1-based line and column; 0 means unknown (the whole file or line).
struct Location {
  std::string file;
  int line = 0;
  int col = 0;
};

// A secondary message attached to a diagnostic, with its own location.
struct Note {
  std::string message;
  Location location;
};

// One finding.
struct Diagnostic {
  Severity severity = Severity::Error;
  std::string rule_id;   // kebab-case with a group prefix: "values-unknown-key"
  std::string message;   // lower case, no final period, user names in quotes
  Location location;
  std::string path;      // value path ("spark.driver.memory") or object ("Service/foo")
  std::string hint;      // how to fix, when known
  std::vector<Note> notes;
};

// Collects diagnostics in the order they are reported.
class DiagnosticSink {
 public:
  // Records one diagnostic.
  void report(Diagnostic d) { diags_.push_back(std::move(d)); }
  // Everything reported so far.
  const std::vector<Diagnostic>& diagnostics() const { return diags_; }
  // Moves the collected diagnostics out, leaving the sink empty.
  std::vector<Diagnostic> take() { return std::move(diags_); }
  // The number of diagnostics at `s` or more serious.
  size_t count_at_least(Severity s) const;

 private:
  std::vector<Diagnostic> diags_;
};

// Sorts diagnostics by file, line, column, then rule, keeping report order for ties, so
// output does not depend on the order rules ran in.
void sort_diagnostics(std::vector<Diagnostic>& diags);

// The texts of the files diagnostics point into, for printing source lines under messages.
class SourceMap {
 public:
  // Registers the text of `file` (a later call replaces it).
  void add(std::string file, std::string text) { files_[std::move(file)] = std::move(text); }
  // Line `line` (1-based) of `file` without its newline; nullopt when unknown.
  std::optional<std::string> line(std::string_view file, int line) const;

 private:
  std::map<std::string, std::string, std::less<>> files_;
};

// What a renderer knows about a rule: SARIF lists these under tool.driver.rules.
struct RuleDescriptor {
  std::string id;
  std::string summary;
  std::string help;  // how to fix
  Severity default_severity = Severity::Warning;
};

// Compiler-style text: "file:line:col: severity: message [rule]", then the source line and
// a caret under the column when the source is known, then "  hint: ..." and notes.
std::string render_text(const std::vector<Diagnostic>& diags, const SourceMap& sources);

// A JSON document {"diagnostics": [...]} with every field, two-space indented.
std::string render_json(const std::vector<Diagnostic>& diags);

// A SARIF 2.1.0 log with one run: the tool's rules and one result per diagnostic.
std::string render_sarif(const std::vector<Diagnostic>& diags,
                         const std::vector<RuleDescriptor>& rules, std::string_view tool_version);

// `s` as a JSON string literal, quotes included (control characters escaped).
std::string json_quote(std::string_view s);

}  // namespace sparkc::diag
