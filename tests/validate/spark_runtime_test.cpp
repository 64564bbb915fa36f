// The facts the spark runtime rules stand on: what image tags say about Spark and Python, and
// the Spark -> Hadoop -> AWS SDK tables.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "sparkc/yaml.h"
#include "validate/spark_runtime.h"

using namespace sparkc::validate::detail;

TEST_CASE("spark images: the Spark version from the tag, Python from the tag or the catalogue") {
  struct Row {
    const char* image;
    bool spark_image;
    const char* spark;
    const char* python;
  };
  const Row rows[] = {
      // The catalogue knows the apache/spark Ubuntu images of its lines (Python 3.10).
      {"docker.io/apache/spark:4.1.0-scala2.13-java17-python3-ubuntu", true, "4.1.0", "3.10"},
      {"apache/spark:3.5.7-scala2.12-java17-python3-ubuntu", true, "3.5.7", "3.10"},
      {"apache/spark:4.1.0", true, "4.1.0", "3.10"},
      {"spark:4.1.0-scala2.13-java17-python3-ubuntu@sha256:0123", true, "4.1.0", "3.10"},
      // No Python in the image, a line the catalogue does not know, an explicit Python.
      {"apache/spark:4.1.0-scala2.13-java17-ubuntu", true, "4.1.0", ""},
      {"apache/spark:4.0.1-scala2.13-java17-python3-ubuntu", true, "4.0.1", ""},
      {"registry.example.com/spark:3.5.1-python3.11", true, "3.5.1", "3.11"},
      // Not Spark images.
      {"quay.io/jupyter/pyspark-notebook:python-3.10", false, "", ""},
      {"apache/spark:latest", false, "", ""},
      {"localhost:5000/sparkling:4.1.0", false, "", ""},
  };
  for (const auto& r : rows) {
    CAPTURE(r.image);
    auto img = spark_image(r.image);
    CHECK(img.has_value() == r.spark_image);
    if (!img) continue;
    CHECK(img->spark == r.spark);
    CHECK(img->python == r.python);
  }
}

TEST_CASE("client images and interpreters: the Python minor version they name") {
  CHECK(image_python("quay.io/jupyter/minimal-notebook:python-3.10") == "3.10");
  CHECK(image_python("docker.io/apache/airflow:3.1.8-python3.12") == "3.12");
  CHECK(image_python("docker.io/library/python:3.11-slim") == "3.11");
  CHECK(image_python("python:3.13") == "3.13");
  CHECK(image_python("docker.io/apache/zeppelin:0.12.0") == "");
  CHECK(image_python("registry.example.com/python3:1.0") == "");
  CHECK(interpreter_python("/usr/bin/python3.11") == "3.11");
  CHECK(interpreter_python("python3.9") == "3.9");
  CHECK(interpreter_python("python3") == "");
  CHECK(minor_of("4.1.0") == "4.1");
  CHECK(minor_of("v3.5") == "3.5");
  CHECK(minor_of("latest") == "");
}

TEST_CASE("version tables: Spark's Hadoop and the AWS SDK of hadoop-aws") {
  CHECK(spark_hadoop_version("3.5.7") == "3.3.4");
  CHECK(spark_hadoop_version("4.0.1") == "3.4.1");
  CHECK(spark_hadoop_version("4.1.0") == "3.4.2");
  CHECK(spark_hadoop_version("2.4.8") == "");
  CHECK(hadoop_aws_sdk("3.3.4") == std::pair<std::string, std::string>{"com.amazonaws:aws-java-sdk-bundle", "1.12.262"});
  CHECK(hadoop_aws_sdk("3.4.2") == std::pair<std::string, std::string>{"software.amazon.awssdk:bundle", "2.29.52"});
  CHECK(hadoop_aws_sdk("3.9.9").first.empty());
}

TEST_CASE("the catalogue agrees with the tables the rules check against") {
  // Our blocks install what templates/versions.yaml says: every line's hadoop-aws must be the
  // Hadoop its Spark ships, with the SDK that hadoop-aws is built against.
  std::ifstream in(std::string(SPARKC_SOURCE_DIR) + "/templates/versions.yaml");
  std::stringstream ss;
  ss << in.rdbuf();
  sparkc::Value doc = sparkc::yaml::load(ss.str());
  const sparkc::Value* lines = doc.find("lines");
  REQUIRE(lines);
  REQUIRE(!lines->as_map().empty());
  for (const auto& [name, line] : lines->as_map()) {
    CAPTURE(name);
    std::string spark = string_at(line, "spark");
    CHECK(string_at(line, "hadoop") == spark_hadoop_version(spark));
    CHECK(string_at(line, "hadoopAws") == spark_hadoop_version(spark));
    auto [artifact, version] = hadoop_aws_sdk(string_at(line, "hadoopAws"));
    CHECK(string_at(line, "awsSdkArtifact") == artifact);
    CHECK(string_at(line, "awsSdk") == version);
  }
}
