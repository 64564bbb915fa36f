// Severity names, the sink, sorting and the source map.
#include <algorithm>

#include "sparkc/diagnostic.h"

namespace sparkc::diag {

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "info";
    case Severity::Note: return "note";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view name) {
  for (Severity s : {Severity::Error, Severity::Warning, Severity::Info, Severity::Note}) {
    if (severity_name(s) == name) return s;
  }
  return std::nullopt;
}

std::string_view sarif_level(Severity s) {
  // SARIF has no "info" level; "note" is its least serious one.
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    default: return "note";
  }
}

size_t DiagnosticSink::count_at_least(Severity s) const {
  // The enum is ordered most serious first, so "at least" means "not greater".
  return static_cast<size_t>(std::count_if(diags_.begin(), diags_.end(),
                                           [&](const Diagnostic& d) { return d.severity <= s; }));
}

void sort_diagnostics(std::vector<Diagnostic>& diags) {
  std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.location.file != b.location.file) return a.location.file < b.location.file;
    if (a.location.line != b.location.line) return a.location.line < b.location.line;
    if (a.location.col != b.location.col) return a.location.col < b.location.col;
    return a.rule_id < b.rule_id;
  });
}

std::optional<std::string> SourceMap::line(std::string_view file, int line) const {
  auto it = files_.find(file);
  if (it == files_.end() || line < 1) return std::nullopt;
  const std::string& text = it->second;
  size_t pos = 0;
  for (int n = 1; n < line; ++n) {
    pos = text.find('\n', pos);
    if (pos == std::string::npos) return std::nullopt;
    ++pos;
  }
  if (pos > text.size() || (pos == text.size() && line > 1)) return std::nullopt;
  size_t end = text.find('\n', pos);
  std::string out = text.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
  if (!out.empty() && out.back() == '\r') out.pop_back();
  return out;
}

}  // namespace sparkc::diag
