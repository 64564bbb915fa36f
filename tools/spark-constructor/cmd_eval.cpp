// `spark-constructor eval TEMPLATE [--data JSON] [--data-file FILE] [--ints]`: executes one
// template string with Helm's function map and prints the result with no added newline.
#include <algorithm>
#include <charconv>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli_options.h"
#include "commands.h"
#include "sparkc/chart.h"
#include "sparkc/yaml.h"

namespace sparkc::cli {
namespace {

// --ints must follow the JSON literal, not the decoded float64: "1.0" and "1e3" stay float64
// while "9223372036854775807" becomes an exact int64. The literal text is gone after
// decoding, so integer literals are first rewritten as marked strings and turned into
// int64 values after decoding.
constexpr std::string_view kIntMarker = "\\u0000int:";   // as written in the JSON text
constexpr std::string_view kIntDecoded{"\0int:", 5};     // the same prefix once decoded

// True when `lit` is what strconv.ParseInt(lit, 10, 64) accepts from a JSON number.
bool is_int64_literal(std::string_view lit) {
  std::string_view digits = lit.substr(!lit.empty() && lit[0] == '-' ? 1 : 0);
  if (digits.empty() || digits.find_first_not_of("0123456789") != std::string_view::npos) return false;
  std::int64_t out = 0;
  auto [p, ec] = std::from_chars(lit.data(), lit.data() + lit.size(), out);
  return ec == std::errc() && p == lit.data() + lit.size();
}

// Rewrites every integer literal outside JSON strings as "\u0000int:<literal>".
std::string mark_int_literals(std::string_view json) {
  std::string out;
  out.reserve(json.size() + 16);
  for (size_t i = 0; i < json.size();) {
    char c = json[i];
    if (c == '"') {  // copy a whole string, escapes included
      size_t j = i + 1;
      while (j < json.size() && json[j] != '"') j += json[j] == '\\' ? 2 : 1;
      j = std::min(j + 1, json.size());
      out.append(json.substr(i, j - i));
      i = j;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      size_t j = i + 1;
      while (j < json.size() && std::string_view("0123456789+-.eE").find(json[j]) != std::string_view::npos) ++j;
      std::string_view lit = json.substr(i, j - i);
      if (is_int64_literal(lit)) {
        out += '"';
        out += kIntMarker;
        out += lit;
        out += '"';
      } else {
        out.append(lit);
      }
      i = j;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

// Turns the marked strings of mark_int_literals back into int64 values.
Value unmark_ints(const Value& v) {
  if (v.is_string()) {
    const std::string& s = v.as_string();
    if (s.size() > kIntDecoded.size() && std::string_view(s).substr(0, kIntDecoded.size()) == kIntDecoded) {
      std::int64_t n = 0;
      std::from_chars(s.data() + kIntDecoded.size(), s.data() + s.size(), n);
      return Value::int64(n);
    }
    return v;
  }
  if (v.is_list()) {
    List out;
    for (const auto& e : v.as_list()) out.push_back(unmark_ints(e));
    return Value::list(std::move(out), v.elem_type());
  }
  if (v.is_map()) {
    Map out;
    for (const auto& [k, e] : v.as_map()) out.emplace(k, unmark_ints(e));
    return Value::map(std::move(out), v.elem_type());
  }
  return v;
}

}  // namespace

int run_eval(const Args& args) {
  cxxopts::Options options("spark-constructor eval", "Execute one template string with Helm's functions.");
  options.add_options()
      ("data", "the data bound to '.', as JSON", cxxopts::value<std::string>())
      ("data-file", "read the data bound to '.' from a JSON file", cxxopts::value<std::string>())
      ("ints", "integral numbers in the data are int64 (as from --set), not float64")
      ("h,help", "show this help")
      ("positional", "", cxxopts::value<std::vector<std::string>>());
  options.parse_positional({"positional"});
  options.positional_help("TEMPLATE");
  cxxopts::ParseResult r;
  if (auto done = parse_args(options, "eval", args, r)) return *done;
  auto pos = r.count("positional") ? r["positional"].as<std::vector<std::string>>() : std::vector<std::string>{};
  if (pos.size() != 1) return fail("\"spark-constructor eval\" requires exactly 1 argument: TEMPLATE");

  Value data;
  try {
    std::string json;
    if (r.count("data-file")) {
      std::ifstream in(r["data-file"].as<std::string>(), std::ios::binary);
      if (!in) return fail("open " + r["data-file"].as<std::string>() + ": no such file or directory");
      std::ostringstream ss;
      ss << in.rdbuf();
      json = ss.str();
    } else if (r.count("data")) {
      json = r["data"].as<std::string>();
    }
    if (!json.empty()) data = yaml::from_json(json);  // errors come from the text as given
    if (!json.empty() && r.count("ints")) data = unmark_ints(yaml::from_json(mark_int_literals(json)));
  } catch (const std::exception& e) {
    return fail(std::string("invalid --data: ") + e.what());
  }

  try {
    if (data.is_nil()) data = Value::map();
    std::cout << chart::render_string("eval", pos[0], data);
    return 0;
  } catch (const std::exception& e) {
    std::cout.flush();
    return fail(e.what());
  }
}

}  // namespace sparkc::cli
