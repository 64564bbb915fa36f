// The subcommands of spark-constructor. Each takes its arguments (without the subcommand
// name) and returns the process exit status; all real work lives in the library.
#pragma once

#include <string>
#include <vector>

namespace sparkc::cli {

using Args = std::vector<std::string>;

int run_template(const Args& args);
int run_eval(const Args& args);
int run_render(const Args& args);
int run_list(const Args& args);
int run_describe(const Args& args);
int run_validate(const Args& args);

// Splits "a,b" into {"a","b"} for flags Helm declares as string slices.
std::vector<std::string> split_commas(const std::vector<std::string>& in);

// Prints "Error: MSG" to standard error, as Helm does, and returns 1.
int fail(const std::string& msg);

}  // namespace sparkc::cli
