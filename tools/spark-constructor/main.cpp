// spark-constructor: builds, renders and validates Helm charts for Spark on Kubernetes.
// A thin dispatcher: one table of subcommands, each a small file over the library.
#include <cstdio>
#include <cstring>
#include <iostream>

#include "commands.h"

namespace sparkc::cli {
namespace {

struct Command {
  const char* name;
  const char* summary;
  int (*run)(const Args&);
};

const Command kCommands[] = {
    {"render", "compose a chart from a preset and blocks and write it to a directory", run_render},
    {"list", "list presets or blocks", run_list},
    {"describe", "describe a preset or a block", run_describe},
    {"validate", "check a chart or a preset before helm install: every finding with its location", run_validate},
    {"template", "render a chart locally and print the manifests, as `helm template` does", run_template},
    {"eval", "execute one template string with the full Helm function map", run_eval},
};

int usage(FILE* out) {
  std::fprintf(out, "spark-constructor %s\n\nUsage: spark-constructor COMMAND [ARGS]\n\nCommands:\n",
               SPARKC_VERSION);
  for (const auto& c : kCommands) std::fprintf(out, "  %-10s %s\n", c.name, c.summary);
  std::fprintf(out, "\nRun 'spark-constructor COMMAND --help' for the options of a command.\n");
  return out == stdout ? 0 : 2;
}

}  // namespace

int fail(const std::string& msg) {
  std::cerr << "Error: " << msg << "\n";
  return 1;
}

std::vector<std::string> split_commas(const std::vector<std::string>& in) {
  std::vector<std::string> out;
  for (const auto& s : in) {
    size_t start = 0;
    for (;;) {
      size_t comma = s.find(',', start);
      out.push_back(s.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return out;
}

}  // namespace sparkc::cli

int main(int argc, char** argv) {
  using namespace sparkc::cli;
  if (argc < 2) return usage(stderr);
  std::string name = argv[1];
  if (name == "-h" || name == "--help" || name == "help") return usage(stdout);
  if (name == "--version" || name == "version") {
    std::printf("spark-constructor %s\n", SPARKC_VERSION);
    return 0;
  }
  for (const auto& c : kCommands) {
    if (name == c.name) return c.run(Args(argv + 2, argv + argc));
  }
  std::fprintf(stderr, "Error: unknown command \"%s\" for \"spark-constructor\"\n", name.c_str());
  return usage(stderr);
}
