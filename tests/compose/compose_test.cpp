// The composer: block resolution, values layering and provenance, documented values.yaml,
// and the atomic, deterministic writer. Each test builds a small catalogue on disk.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "compose/compose_internal.h"
#include "sparkc/compose.h"
#include "sparkc/yaml.h"

using namespace sparkc;
using namespace sparkc::compose;
using sparkc::compose::Catalog;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

std::string read(const fs::path& p) {
  std::ifstream in(p);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

// A catalogue with core, a server block, a storage block and two conflicting blocks.
fs::path make_catalogue() {
  fs::path root = fs::temp_directory_path() / ("sparkc-compose-" + std::to_string(::getpid()));
  fs::remove_all(root);
  write(root / "templates/versions.yaml",
        "default: \"4.1\"\nlines:\n  \"4.1\": {spark: 4.1.0, scala: \"2.13\", image: {repository: apache/spark, tag: t41}}\n"
        "  \"3.5\": {spark: 3.5.7, scala: \"2.12\", image: {repository: apache/spark, tag: t35}}\n");
  write(root / "templates/core/block.yaml",
        "name: core\nsummary: helpers\norder: 0\nvalues: |\n  # -- Shared Spark settings.\n  spark:\n"
        "    # -- The Spark version.\n    version: x\n    # -- Scala version.\n    scalaVersion: x\n");
  write(root / "templates/core/templates/_helpers.tpl", "{{- define \"sc.x\" -}}x{{- end -}}\n");
  write(root / "templates/server/block.yaml",
        "name: server\nkey: sparkConnect\nsummary: a server\norder: 10\nrequires: [store]\nvalues: |\n"
        "  # -- The server.\n  sparkConnect:\n    # -- Replicas of the server.\n    replicas: 1\n"
        "    # -- Its port.\n    port: 15002\n    # -- Backend: k8s or standalone.\n    backend: k8s\nnotes: \"server notes\\n\"\n");
  write(root / "templates/server/templates/deploy.yaml", "kind: ConfigMap\n");
  write(root / "templates/store/block.yaml",
        "name: store\nkey: store\nsummary: storage\norder: 20\nvalues: |\n  # -- Storage.\n  store:\n"
        "    # -- Buckets to create.\n    buckets: [a, b]\n");
  write(root / "templates/left/block.yaml",
        "name: left\nkey: left\nsummary: l\nconflicts: [right]\nvalues: |\n  left:\n    on: true\n");
  write(root / "templates/right/block.yaml", "name: right\nkey: right\nsummary: r\nvalues: |\n  right: {}\n");
  write(root / "presets/small.yaml",
        "name: small\nsummary: small preset\nblocks: [server]\nvalues:\n  sparkConnect:\n    replicas: 2\n");
  return root;
}

}  // namespace

TEST_CASE("blocks resolve with requires, in order; errors name the problem and a hint") {
  fs::path root = make_catalogue();
  Catalog cat = Catalog::load(root.string());
  ComposeOptions o;
  o.preset = "small";
  Composition c = compose::compose(cat, o);
  std::vector<std::string> names;
  for (const Block* b : c.blocks) names.push_back(b->name);
  CHECK(names == std::vector<std::string>{"core", "server", "store"});

  struct Row {
    std::string preset;
    std::vector<std::string> with, without;
    std::string error;
  };
  Row rows[] = {
      {"smal", {}, {}, "unknown preset \"smal\"; did you mean \"small\"? (spark-constructor list presets)"},
      {"small", {"servr"}, {}, "preset small: unknown block \"servr\"; did you mean \"server\"? (spark-constructor list blocks)"},
      {"small", {"left", "right"}, {}, "block \"left\" conflicts with block \"right\"; remove one of them with --without"},
      {"small", {}, {"store"}, "--without store: block \"store\" is required by block \"server\""},
      {"small", {}, {"core"}, "--without: block \"core\" holds the shared helpers and cannot be removed"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.error);
    ComposeOptions ro;
    ro.preset = r.preset;
    ro.with = r.with;
    ro.without = r.without;
    CHECK_THROWS_WITH_AS(compose::compose(cat, ro), r.error.c_str(), ComposeError);
  }
  fs::remove_all(root);
}

TEST_CASE("values layer defaults < catalogue < preset < -f < --set, with provenance") {
  fs::path root = make_catalogue();
  Catalog cat = Catalog::load(root.string());
  write(root / "my.yaml", "sparkConnect:\n  port: 9000\n  replicas: 3\n");
  ComposeOptions o;
  o.preset = "small";
  o.spark_version = "3.5";
  o.backend = "standalone";
  o.values.value_files = {(root / "my.yaml").string()};
  o.values.set = {"sparkConnect.replicas=4,store.buckets={x}"};
  Composition c = compose::compose(cat, o);
  const Value& server = *c.values.find("sparkConnect");
  CHECK(server.find("replicas")->as_int() == 4);
  CHECK(server.find("port")->as_float() == 9000);
  CHECK(server.find("backend")->as_string() == "standalone");
  CHECK(c.values.find("spark")->find("version")->as_string() == "3.5.7");
  CHECK(c.provenance.at("sparkConnect.replicas") == "--set");
  CHECK(c.provenance.at("sparkConnect.port") == "file " + (root / "my.yaml").string());
  CHECK(c.provenance.at("sparkConnect.backend") == "--backend");
  CHECK(c.provenance.at("spark.version") == "catalogue 3.5");
  CHECK(c.provenance.at("store.buckets") == "--set");

  ComposeOptions bad;
  bad.preset = "small";
  bad.spark_version = "2.4";
  CHECK_THROWS_WITH_AS(compose::compose(cat, bad),
                       "--spark-version 2.4: not in the version catalogue (templates/versions.yaml knows 3.5, 4.1)",
                       ComposeError);
  fs::remove_all(root);
}

TEST_CASE("--backend brings the Standalone cluster block in, or leaves it out") {
  Catalog cat = Catalog::load(Catalog::default_data_dir());
  auto blocks_of = [&](const std::string& preset, const std::string& backend,
                       std::vector<std::string> with = {}) {
    ComposeOptions o;
    o.preset = preset;
    o.backend = backend;
    o.with = with;
    std::set<std::string> names;
    for (const Block* b : compose::compose(cat, o).blocks) names.insert(b->name);
    return names;
  };
  CHECK(blocks_of("jupyter-connect-k8s", "standalone").count("spark-standalone") == 1);
  CHECK(blocks_of("jupyter-connect-k8s", "k8s").count("spark-standalone") == 0);
  CHECK(blocks_of("jupyter-connect-standalone", "k8s").count("spark-standalone") == 0);
  CHECK(blocks_of("jupyter-connect-standalone", "k8s", {"spark-standalone"}).count("spark-standalone") == 1);
  CHECK(blocks_of("jupyter-connect-standalone", "standalone").count("spark-standalone") == 1);
}

TEST_CASE("values.yaml keeps block order and comments, and round-trips to the same values") {
  fs::path root = make_catalogue();
  Catalog cat = Catalog::load(root.string());
  ComposeOptions o;
  o.preset = "small";
  Composition c = compose::compose(cat, o);
  std::string text = render_values_yaml(c.values, c.blocks);
  CHECK(text ==
        "# -- Shared Spark settings.\nspark:\n  # -- The Spark version.\n  version: 4.1.0\n"
        "  # -- Scala version.\n  scalaVersion: \"2.13\"\n  image:\n    repository: apache/spark\n    tag: t41\n"
        "  line: \"4.1\"\n# -- The server.\nsparkConnect:\n  # -- Replicas of the server.\n  replicas: 2\n  # -- Its port.\n  port: 15002\n"
        "  # -- Backend: k8s or standalone.\n  backend: k8s\n# -- Storage.\nstore:\n  # -- Buckets to create.\n"
        "  buckets:\n  - a\n  - b\n");
  // What Helm reads back equals what was composed (numbers become float64 in YAML).
  Value back = yaml::load(text);
  CHECK(yaml::to_json(back) == yaml::to_json(c.values));
  fs::remove_all(root);
}

TEST_CASE("the writer is deterministic, atomic, and refuses foreign directories") {
  fs::path root = make_catalogue();
  Catalog cat = Catalog::load(root.string());
  ComposeOptions o;
  o.preset = "small";
  Composition c = compose::compose(cat, o);
  auto files = build_chart(cat, c);
  auto again = build_chart(cat, compose::compose(cat, o));
  REQUIRE(files.size() == again.size());
  for (size_t i = 0; i < files.size(); ++i) {
    CHECK(files[i].name == again[i].name);
    CHECK(files[i].data == again[i].data);
  }
  fs::path out = root / "out";
  write_chart(files, out.string(), false);
  CHECK(read(out / "templates/server/deploy.yaml") == "kind: ConfigMap\n");
  CHECK(read(out / "templates/NOTES.txt").find("server notes") != std::string::npos);
  write_chart(files, out.string(), false);  // a generated directory is replaced

  fs::path foreign = root / "foreign";
  write(foreign / "keep.txt", "mine");
  CHECK_THROWS_AS(write_chart(files, foreign.string(), false), ComposeError);
  CHECK(read(foreign / "keep.txt") == "mine");  // nothing lost
  write_chart(files, foreign.string(), true);
  CHECK(!fs::exists(foreign / "keep.txt"));
  for (const auto& e : fs::directory_iterator(root))  // no temporary directory left behind
    CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
  fs::remove_all(root);
}

TEST_CASE("a malformed block manifest is reported with its file") {
  fs::path root = make_catalogue();
  write(root / "templates/store/block.yaml", "name: store\nkey: store\nsummary: s\nvalues: |\n  other: 1\n");
  CHECK_THROWS_WITH_AS(Catalog::load(root.string()),
                       ((root / "templates/store/block.yaml").string() +
                        ": values must have the block's key \"store\" at the top").c_str(),
                       ComposeError);
  fs::remove_all(root);
}
