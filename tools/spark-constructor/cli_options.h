// cxxopts as the tool uses it. Repeated flags such as --set must keep their commas
// (Helm's --set grammar uses them), so vector values are not split on ','.
#pragma once

#define CXXOPTS_VECTOR_DELIMITER '\0'
// cxxopts would otherwise compile std::regex objects at start-up, two thirds of the
// start-up time of a small render.
#define CXXOPTS_NO_REGEX
#include <cxxopts.hpp>
