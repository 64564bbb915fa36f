// The compiler-style text renderer.
#include "sparkc/diagnostic.h"

namespace sparkc::diag {
namespace {

// "file:line:col" with the unknown parts left out ("file", "file:3"); empty without a file.
std::string where(const Location& loc) {
  if (loc.file.empty()) return "";
  std::string out = loc.file;
  if (loc.line > 0) {
    out += ":" + std::to_string(loc.line);
    if (loc.col > 0) out += ":" + std::to_string(loc.col);
  }
  return out;
}

// The source line and a caret under the column. Tabs before the column are kept in the
// caret line so the caret lines up whatever the terminal's tab width.
void append_excerpt(std::string& out, const Location& loc, const SourceMap& sources) {
  if (loc.line < 1) return;
  auto text = sources.line(loc.file, loc.line);
  if (!text) return;
  out += *text + "\n";
  if (loc.col < 1) return;
  std::string pad;
  for (int i = 0; i + 1 < loc.col && i < static_cast<int>(text->size()); ++i) {
    pad += (*text)[i] == '\t' ? '\t' : ' ';
  }
  out += pad + "^\n";
}

}  // namespace

std::string render_text(const std::vector<Diagnostic>& diags, const SourceMap& sources) {
  std::string out;
  for (const auto& d : diags) {
    std::string w = where(d.location);
    if (!w.empty()) out += w + ": ";
    out += std::string(severity_name(d.severity)) + ": " + d.message;
    if (!d.rule_id.empty()) out += " [" + d.rule_id + "]";
    out += "\n";
    append_excerpt(out, d.location, sources);
    if (!d.hint.empty()) out += "  hint: " + d.hint + "\n";
    for (const auto& n : d.notes) {
      std::string nw = where(n.location);
      out += (nw.empty() ? "" : nw + ": ") + "note: " + n.message + "\n";
      append_excerpt(out, n.location, sources);
    }
  }
  return out;
}

}  // namespace sparkc::diag
