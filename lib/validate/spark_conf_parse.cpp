// The readers of Spark settings in text: Java properties files (spark-defaults.conf), shell
// words, spark-submit and pyspark command lines, and -D options in *_OPTS variables.
#include "validate/spark_conf_detail.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace sparkc::validate::detail {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\f'; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (is_space(s[b]) || s[b] == '\r' || s[b] == '\n')) ++b;
  while (e > b && (is_space(s[e - 1]) || s[e - 1] == '\r' || s[e - 1] == '\n')) --e;
  return std::string(s.substr(b, e - b));
}

std::string basename(std::string_view w) {
  size_t slash = w.rfind('/');
  std::string b(slash == std::string_view::npos ? w : w.substr(slash + 1));
  // A launcher quoted with its variable ("$SPARK_HOME/bin/spark-submit") keeps no quotes.
  b.erase(std::remove(b.begin(), b.end(), '"'), b.end());
  return b;
}

namespace {

// Resolves the escapes of a properties key or value: \t \n \r \f, \uXXXX (ASCII only; other
// code points are kept as written), and \x for any other x.
std::string unescape_properties(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out += s[i];
      continue;
    }
    char c = s[++i];
    switch (c) {
      case 't': out += '\t'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 'f': out += '\f'; break;
      case 'u': {
        unsigned v = 0;
        bool ok = i + 4 < s.size();
        for (size_t k = 1; ok && k <= 4; ++k) {
          char h = s[i + k];
          if (!std::isxdigit(static_cast<unsigned char>(h))) ok = false;
          else v = v * 16 + static_cast<unsigned>(std::isdigit(static_cast<unsigned char>(h)) ? h - '0' : (std::tolower(h) - 'a' + 10));
        }
        if (ok && v < 0x80) {
          out += static_cast<char>(v);
          i += 4;
        } else {
          out += "\\u";
        }
        break;
      }
      default: out += c;
    }
  }
  return out;
}

}  // namespace

// --- Parsers --------------------------------------------------------------------------------

// properties := { logical-line }
// logical-line := natural lines joined where a line ends in an odd number of backslashes (the
//                 next line's leading blanks dropped); blank and #/! comment lines are skipped
// entry := key [blanks] [= | :] [blanks] value, the key ending at an unescaped = : or blank
std::vector<std::pair<std::string, std::string>> parse_properties(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> out;
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view l = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    lines.push_back(l);
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  auto continues = [](std::string_view l) {
    size_t n = 0;
    while (n < l.size() && l[l.size() - 1 - n] == '\\') ++n;
    return n % 2 == 1;
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view l = lines[i];
    size_t b = 0;
    while (b < l.size() && is_space(l[b])) ++b;
    l.remove_prefix(b);
    if (l.empty() || l[0] == '#' || l[0] == '!') continue;
    std::string logical;
    while (continues(l) && i + 1 < lines.size()) {
      logical += l.substr(0, l.size() - 1);
      l = lines[++i];
      size_t s = 0;
      while (s < l.size() && is_space(l[s])) ++s;
      l.remove_prefix(s);
    }
    if (continues(l)) l.remove_suffix(1);
    logical += l;
    size_t k = 0;
    while (k < logical.size()) {
      char c = logical[k];
      if (c == '\\') {
        k += 2;
        continue;
      }
      if (c == '=' || c == ':' || is_space(c)) break;
      ++k;
    }
    k = std::min(k, logical.size());
    std::string key = unescape_properties(std::string_view(logical).substr(0, k));
    size_t v = k;
    while (v < logical.size() && is_space(logical[v])) ++v;
    if (v < logical.size() && (logical[v] == '=' || logical[v] == ':')) {
      ++v;
      while (v < logical.size() && is_space(logical[v])) ++v;
    }
    // Spark trims the values it reads from a properties file (Utils.getPropertiesFromFile).
    out.push_back({key, trim(unescape_properties(std::string_view(logical).substr(v)))});
  }
  return out;
}

std::vector<std::string> shell_words(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  bool in_word = false;
  auto end_word = [&] {
    if (in_word) out.push_back(cur);
    cur.clear();
    in_word = false;
  };
  auto separator = [&] {
    end_word();
    if (!out.empty() && out.back() != ";") out.push_back(";");
  };
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\\') {
      if (i + 1 < s.size() && s[i + 1] == '\n') {
        ++i;  // line continuation
      } else if (i + 1 < s.size()) {
        cur += s[++i];
        in_word = true;
      }
    } else if (c == '\'') {
      size_t e = s.find('\'', i + 1);
      if (e == std::string_view::npos) e = s.size();
      cur += s.substr(i + 1, e - i - 1);
      in_word = true;
      i = e;
    } else if (c == '"') {
      in_word = true;
      for (++i; i < s.size() && s[i] != '"'; ++i) {
        if (s[i] == '\\' && i + 1 < s.size() && std::string_view("\"\\$`\n").find(s[i + 1]) != std::string_view::npos) {
          if (s[i + 1] != '\n') cur += s[i + 1];
          ++i;
        } else {
          cur += s[i];
        }
      }
    } else if (c == '$' && i + 1 < s.size() && s[i + 1] == '(') {
      // A command substitution stays one piece of the word, blanks included.
      int depth = 0;
      size_t j = i;
      for (; j < s.size(); ++j) {
        if (s[j] == '(') ++depth;
        if (s[j] == ')' && --depth == 0) break;
      }
      cur += s.substr(i, std::min(j, s.size() - 1) - i + 1);
      in_word = true;
      i = j;
    } else if (c == '#' && !in_word) {
      while (i + 1 < s.size() && s[i + 1] != '\n') ++i;
    } else if (c == '\n' || c == ';' || c == '|' || c == '&') {
      separator();
    } else if (is_space(c) || c == '\r') {
      end_word();
    } else {
      cur += c;
      in_word = true;
    }
  }
  end_word();
  return out;
}

bool is_spark_launcher(std::string_view word) {
  static const std::set<std::string> names = {
      "spark-submit", "pyspark", "spark-shell", "spark-sql", "sparkR", "spark-class",
      "start-connect-server.sh", "start-thriftserver.sh", "start-history-server.sh",
      "start-master.sh", "start-worker.sh", "start-slave.sh"};
  return names.count(basename(word)) > 0;
}

std::vector<CommandLineSetting> parse_launcher_args(const std::vector<std::string>& words, size_t from,
                                                    std::string* main_class) {
  // spark-submit's options that stand for a configuration key (SparkSubmitArguments).
  static const std::map<std::string, std::string> keyed = {
      {"--master", "spark.master"},
      {"--remote", "spark.remote"},
      {"--deploy-mode", "spark.submit.deployMode"},
      {"--name", "spark.app.name"},
      {"--jars", "spark.jars"},
      {"--packages", "spark.jars.packages"},
      {"--exclude-packages", "spark.jars.excludes"},
      {"--repositories", "spark.jars.repositories"},
      {"--files", "spark.files"},
      {"--archives", "spark.archives"},
      {"--py-files", "spark.submit.pyFiles"},
      {"--driver-memory", "spark.driver.memory"},
      {"--driver-java-options", "spark.driver.extraJavaOptions"},
      {"--driver-library-path", "spark.driver.extraLibraryPath"},
      {"--driver-class-path", "spark.driver.extraClassPath"},
      {"--driver-cores", "spark.driver.cores"},
      {"--executor-memory", "spark.executor.memory"},
      {"--executor-cores", "spark.executor.cores"},
      {"--num-executors", "spark.executor.instances"},
      {"--total-executor-cores", "spark.cores.max"},
      {"--queue", "spark.yarn.queue"},
      {"--principal", "spark.kerberos.principal"},
      {"--keytab", "spark.kerberos.keytab"},
  };
  // Options that take a value but set no key.
  static const std::set<std::string> valued = {"--class", "--properties-file", "--proxy-user",
                                               "--kill", "--status"};
  std::vector<CommandLineSetting> out;
  auto add_conf = [&](size_t word, const std::string& kv) {
    size_t eq = kv.find('=');
    if (eq == std::string::npos || eq == 0) return;
    out.push_back({word, kv.substr(0, eq), kv.substr(eq + 1)});
  };
  for (size_t i = from; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w == ";") break;
    if (w == "--conf" || w == "-c") {
      if (i + 1 < words.size()) add_conf(i + 1, words[i + 1]);
      ++i;
      continue;
    }
    if (w.starts_with("--conf=")) {
      add_conf(i, w.substr(7));
      continue;
    }
    std::string opt = w, val;
    bool inline_value = false;
    if (w.starts_with("--") && w.find('=') != std::string::npos) {
      opt = w.substr(0, w.find('='));
      val = w.substr(w.find('=') + 1);
      inline_value = true;
    }
    auto k = keyed.find(opt);
    if (k != keyed.end() || valued.count(opt)) {
      size_t at = i;
      if (!inline_value) {
        if (i + 1 >= words.size()) break;
        at = ++i;
        val = words[at];
      }
      if (k != keyed.end()) out.push_back({at, k->second, val});
      if (opt == "--class" && main_class) *main_class = val;
      continue;
    }
    if (w.starts_with("-")) continue;  // a switch (--verbose, --supervise)
    // The primary resource: what follows belongs to the application.
    break;
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> parse_java_options(std::string_view opts) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& w : shell_words(opts)) {
    if (!w.starts_with("-Dspark.")) continue;
    size_t eq = w.find('=');
    if (eq == std::string::npos) {
      out.push_back({w.substr(2), ""});
    } else {
      out.push_back({w.substr(2, eq - 2), w.substr(eq + 1)});
    }
  }
  return out;
}

}  // namespace sparkc::validate::detail
