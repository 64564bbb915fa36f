// spark-constructor: placeholder entry point until the subcommand table lands.
#include <cstdio>

int main() {
  std::puts("spark-constructor " SPARKC_VERSION);
  return 0;
}
