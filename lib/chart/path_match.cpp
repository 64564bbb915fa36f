#include "chart/path_match.h"

#include <string>
#include <vector>

namespace sparkc::chart {
namespace {

// Matches one character class `[...]` at pattern[pi] against byte c. Returns the index
// after the class, or npos for a malformed class.
size_t match_class(std::string_view p, size_t pi, unsigned char c, bool& matched) {
  size_t i = pi + 1;
  bool negate = false;
  if (i < p.size() && (p[i] == '^' || p[i] == '!')) {
    negate = true;
    ++i;
  }
  bool found = false;
  bool first = true;
  while (i < p.size() && (p[i] != ']' || first)) {
    first = false;
    unsigned char lo = p[i];
    if (lo == '\\') {
      if (++i >= p.size()) return std::string_view::npos;
      lo = p[i];
    }
    ++i;
    unsigned char hi = lo;
    if (i + 1 < p.size() && p[i] == '-' && p[i + 1] != ']') {
      hi = p[i + 1];
      if (hi == '\\') {
        if (i + 2 >= p.size()) return std::string_view::npos;
        hi = p[i + 2];
        ++i;
      }
      i += 2;
    }
    if (lo <= c && c <= hi) found = true;
  }
  if (i >= p.size()) return std::string_view::npos;
  matched = found != negate;
  return i + 1;
}

// Backtracking matcher shared by both syntaxes. `double_star` enables `**` crossing '/';
// `braces` enables {a,b}.
bool match_here(std::string_view p, std::string_view s, bool double_star, bool& bad) {
  size_t pi = 0, si = 0;
  while (pi < p.size()) {
    char c = p[pi];
    if (c == '*') {
      bool cross = double_star && pi + 1 < p.size() && p[pi + 1] == '*';
      size_t rest = pi + (cross ? 2 : 1);
      while (rest < p.size() && p[rest] == '*') ++rest;
      for (size_t k = si;; ++k) {
        if (match_here(p.substr(rest), s.substr(k), double_star, bad)) return true;
        if (bad || k >= s.size() || (!cross && s[k] == '/')) return false;
      }
    }
    if (si >= s.size()) {
      // Go validates the rest of the pattern even when the name has run out.
      if (c == '[') {
        bool m;
        if (match_class(p, pi, 0, m) == std::string_view::npos) bad = true;
      }
      return false;
    }
    if (c == '?') {
      if (s[si] == '/') return false;
      ++pi, ++si;
      continue;
    }
    if (c == '[') {
      bool m = false;
      size_t next = match_class(p, pi, static_cast<unsigned char>(s[si]), m);
      if (next == std::string_view::npos) {
        bad = true;
        return false;
      }
      if (!m || s[si] == '/') return false;
      pi = next, ++si;
      continue;
    }
    if (c == '\\') {
      if (++pi >= p.size()) {
        bad = true;
        return false;
      }
      c = p[pi];
    }
    if (s[si] != c) return false;
    ++pi, ++si;
  }
  return si == s.size();
}

// Expands {a,b} alternatives (nested allowed) into plain patterns.
void expand_braces(const std::string& p, std::vector<std::string>& out) {
  size_t open = p.find('{');
  if (open == std::string::npos) {
    out.push_back(p);
    return;
  }
  int depth = 0;
  std::vector<size_t> commas;
  size_t close = std::string::npos;
  for (size_t i = open; i < p.size(); ++i) {
    if (p[i] == '{') ++depth;
    else if (p[i] == '}' && --depth == 0) {
      close = i;
      break;
    } else if (p[i] == ',' && depth == 1) commas.push_back(i);
  }
  if (close == std::string::npos) {
    out.push_back(p);
    return;
  }
  size_t start = open + 1;
  commas.push_back(close);
  for (size_t comma : commas) {
    expand_braces(p.substr(0, open) + p.substr(start, comma - start) + p.substr(close + 1), out);
    start = comma + 1;
  }
}

}  // namespace

bool path_match(std::string_view pattern, std::string_view name, bool* bad_pattern) {
  bool bad = false;
  bool ok = match_here(pattern, name, false, bad);
  if (bad_pattern) *bad_pattern = bad;
  return ok && !bad;
}

bool glob_match(std::string_view pattern, std::string_view name) {
  std::vector<std::string> alternatives;
  expand_braces(std::string(pattern), alternatives);
  for (const auto& alt : alternatives) {
    bool bad = false;
    if (match_here(alt, name, true, bad)) return true;
    if (bad) return true;  // Helm compiles "**" instead of a bad pattern
  }
  return false;
}

}  // namespace sparkc::chart
