// `spark-constructor eval TEMPLATE [--data JSON] [--data-file FILE] [--ints]`: executes one
// template string with Helm's function map and prints the result with no added newline.
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli_options.h"
#include "commands.h"
#include "sparkc/chart.h"
#include "sparkc/yaml.h"

namespace sparkc::cli {
namespace {

// --ints: integral float64 numbers become int64, as values given with --set are.
Value integral_to_int64(const Value& v) {
  if (v.is_float()) {
    double d = v.as_float();
    if (d == static_cast<double>(static_cast<std::int64_t>(d)) && d >= -9.2e18 && d <= 9.2e18)
      return Value::int64(static_cast<std::int64_t>(d));
    return v;
  }
  if (v.is_list()) {
    List out;
    for (const auto& e : v.as_list()) out.push_back(integral_to_int64(e));
    return Value::list(std::move(out), v.elem_type());
  }
  if (v.is_map()) {
    Map out;
    for (const auto& [k, e] : v.as_map()) out.emplace(k, integral_to_int64(e));
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
  std::vector<const char*> argv{"eval"};
  for (const auto& a : args) argv.push_back(a.c_str());
  cxxopts::ParseResult r;
  try {
    r = options.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const cxxopts::exceptions::exception& e) {
    return fail(e.what());
  }
  if (r.count("help")) {
    std::cout << options.help() << "\n";
    return 0;
  }
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
    if (!json.empty()) data = yaml::from_json(json);
    if (r.count("ints")) data = integral_to_int64(data);
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
