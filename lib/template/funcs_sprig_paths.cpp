// Sprig's path functions: Go's path package (base, dir, clean, ext, isAbs) and path/filepath
// (osBase, osDir, ...). On Linux filepath behaves as path does, '/' being the only separator,
// so both families share one implementation.
#include <string>
#include <vector>

#include "template/funcs_sprig_strings.h"

namespace sparkc::gotmpl {

namespace {

using Args = std::span<const Value>;

// path.Clean: the shortest equivalent path by lexical processing (Rob Pike's rules:
// collapse slashes, drop ".", resolve ".." against a preceding element, "" becomes ".").
std::string clean(std::string_view p) {
  if (p.empty()) return ".";
  const bool rooted = p[0] == '/';
  std::vector<std::string_view> parts;
  std::size_t i = 0;
  while (i < p.size()) {
    std::size_t j = p.find('/', i);
    if (j == std::string_view::npos) j = p.size();
    std::string_view elem = p.substr(i, j - i);
    i = j + 1;
    if (elem.empty() || elem == ".") continue;
    if (elem == "..") {
      if (!parts.empty() && parts.back() != "..") {
        parts.pop_back();
      } else if (!rooted) {
        parts.push_back(elem);  // ".." can only be dropped at the root
      }
      continue;
    }
    parts.push_back(elem);
  }
  std::string out = rooted ? "/" : "";
  for (std::size_t k = 0; k < parts.size(); ++k) {
    if (k > 0) out += '/';
    out += parts[k];
  }
  return out.empty() ? "." : out;
}

// path.Base: the last element, trailing slashes removed; "." for "", "/" for all slashes.
std::string base(std::string_view p) {
  if (p.empty()) return ".";
  while (p.size() > 0 && p.back() == '/') p.remove_suffix(1);
  if (p.empty()) return "/";
  std::size_t i = p.rfind('/');
  if (i != std::string_view::npos) p.remove_prefix(i + 1);
  return std::string(p);
}

// path.Dir: everything but the last element, cleaned.
std::string dir(std::string_view p) {
  std::size_t i = p.rfind('/');
  return clean(i == std::string_view::npos ? std::string_view() : p.substr(0, i + 1));
}

// path.Ext: the suffix from the final dot of the last element, or "".
std::string ext(std::string_view p) {
  for (std::size_t i = p.size(); i > 0 && p[i - 1] != '/'; --i)
    if (p[i - 1] == '.') return std::string(p.substr(i - 1));
  return "";
}

}  // namespace

void register_sprig_paths(FunctionRegistry& r) {
  const Signature s1{{Param::String}};
  for (const char* prefix : {"", "os"}) {
    std::string pre(prefix);
    auto name = [&pre](const char* n) {
      std::string s = pre.empty() ? n : pre + n;
      if (!pre.empty()) s[2] = static_cast<char>(s[2] - 'a' + 'A');  // osBase, osIsAbs
      return s;
    };
    r.add(name("base"), s1, [](CallContext&, Args a) { return Value(base(a[0].as_string())); });
    r.add(name("dir"), s1, [](CallContext&, Args a) { return Value(dir(a[0].as_string())); });
    r.add(name("clean"), s1, [](CallContext&, Args a) { return Value(clean(a[0].as_string())); });
    r.add(name("ext"), s1, [](CallContext&, Args a) { return Value(ext(a[0].as_string())); });
    r.add(name("isAbs"), s1, [](CallContext&, Args a) {
      return Value(a[0].as_string().starts_with('/'));
    });
  }
}

}  // namespace sparkc::gotmpl
