// cxxopts as the tool uses it. Repeated flags such as --set must keep their commas
// (Helm's --set grammar uses them), so vector values are not split on ','.
#pragma once

#define CXXOPTS_VECTOR_DELIMITER '\0'
// cxxopts would otherwise compile std::regex objects at start-up, two thirds of the
// start-up time of a small render.
#define CXXOPTS_NO_REGEX
#include <cxxopts.hpp>

#include <functional>
#include <iostream>
#include <optional>

#include "commands.h"

namespace sparkc::cli {

// Parses a subcommand's arguments into `out`. Returns the exit status when the command is
// already done: 0 after printing --help, or what `on_error` returns for a malformed command
// line; nullopt when the command should go on.
inline std::optional<int> parse_args(cxxopts::Options& options, const char* name, const Args& args,
                                     cxxopts::ParseResult& out,
                                     const std::function<int(const std::string&)>& on_error = fail) {
  std::vector<const char*> argv{name};
  for (const auto& a : args) argv.push_back(a.c_str());
  try {
    out = options.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const cxxopts::exceptions::exception& e) {
    return on_error(e.what());
  }
  if (out.count("help")) {
    std::cout << options.help() << "\n";
    return 0;
  }
  return std::nullopt;
}

}  // namespace sparkc::cli
