// Sprig's urlParse and urlJoin (url.go), which rest on Go's net/url: Parse splits a URL into
// scheme, userinfo, host, path, query and fragment, unescaping as it goes; URL.String puts
// them back, escaping each part by its own rules. Both are written out here after net/url's
// documented behaviour (RFC 3986 with Go's leniencies), errors worded as Go words them.
#include <algorithm>
#include <optional>
#include <string>

#include "template/funcs_sprig_strings.h"
#include "template/go_strconv.h"
#include "template/go_unicode.h"

namespace sparkc::gotmpl {

namespace {

using Args = std::span<const Value>;

// The part of a URL being escaped or unescaped; each has its own reserved characters.
enum class Mode { Path, Host, Zone, UserPassword, Fragment };

bool is_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// net/url's shouldEscape.
bool should_escape(unsigned char c, Mode mode) {
  if (is_alnum(c)) return false;
  if (mode == Mode::Host || mode == Mode::Zone) {
    if (std::string_view("!$&'()*+,;=:[]<>\"").find(static_cast<char>(c)) != std::string_view::npos)
      return false;
  }
  switch (c) {
    case '-': case '_': case '.': case '~': return false;
    case '$': case '&': case '+': case ',': case '/': case ':': case ';': case '=': case '?': case '@':
      switch (mode) {
        case Mode::Path: return c == '?';
        case Mode::UserPassword: return c == '@' || c == '/' || c == '?' || c == ':';
        case Mode::Fragment: return false;
        default: break;
      }
      break;
    default: break;
  }
  if (mode == Mode::Fragment && (c == '!' || c == '(' || c == ')' || c == '*')) return false;
  return true;
}

std::string escape(std::string_view s, Mode mode) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (should_escape(c, mode)) {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
int unhex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

// An error from parsing, worded as net/url's error types print.
struct UrlError {
  std::string message;
};

// net/url's unescape; host and zone parts also reject characters that cannot appear there.
std::string unescape(std::string_view s, Mode mode) {
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '%') {
      if (i + 2 >= s.size() || !is_hex(s[i + 1]) || !is_hex(s[i + 2]))
        throw UrlError{"invalid URL escape " + go_quote(s.substr(i, 3))};
      std::string_view esc = s.substr(i, 3);
      // In a host only %25 and escapes of non-ASCII bytes are allowed.
      if (mode == Mode::Host && unhex(s[i + 1]) < 8 && esc != "%25")
        throw UrlError{"invalid URL escape " + go_quote(esc)};
      if (mode == Mode::Zone) {
        auto v = static_cast<unsigned char>(unhex(s[i + 1]) << 4 | unhex(s[i + 2]));
        if (esc != "%25" && v != ' ' && should_escape(v, Mode::Host))
          throw UrlError{"invalid URL escape " + go_quote(esc)};
      }
      i += 3;
    } else {
      auto c = static_cast<unsigned char>(s[i]);
      if ((mode == Mode::Host || mode == Mode::Zone) && c < 0x80 && should_escape(c, mode))
        throw UrlError{"invalid character " + go_quote(s.substr(i, 1)) + " in host name"};
      ++i;
    }
  }
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%') {
      out += static_cast<char>(unhex(s[i + 1]) << 4 | unhex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// The fields of Go's url.URL that Sprig reads or sets.
struct Url {
  std::string scheme, opaque, host, path, raw_path, raw_query, fragment, raw_fragment;
  std::optional<std::pair<std::string, std::optional<std::string>>> user;  // name, password
  bool force_query = false, omit_host = false;
};

std::string user_string(const Url& u) {
  if (!u.user) return "";
  std::string s = escape(u.user->first, Mode::UserPassword);
  if (u.user->second) s += ":" + escape(*u.user->second, Mode::UserPassword);
  return s;
}

bool valid_optional_port(std::string_view port) {
  if (port.empty()) return true;
  if (port[0] != ':') return false;
  for (char c : port.substr(1))
    if (c < '0' || c > '9') return false;
  return true;
}

std::string parse_host(std::string_view host) {
  if (host.starts_with('[')) {
    std::size_t i = host.rfind(']');
    if (i == std::string_view::npos) throw UrlError{"missing ']' in host"};
    std::string_view colon_port = host.substr(i + 1);
    if (!valid_optional_port(colon_port))
      throw UrlError{"invalid port " + go_quote(colon_port) + " after host"};
    // An IPv6 zone ("%25eth0") has its own escaping rules.
    std::size_t zone = host.substr(0, i).find("%25");
    if (zone != std::string_view::npos) {
      return unescape(host.substr(0, zone), Mode::Host) +
             unescape(host.substr(zone, i - zone), Mode::Zone) + unescape(host.substr(i), Mode::Host);
    }
  } else if (std::size_t i = host.rfind(':'); i != std::string_view::npos) {
    std::string_view colon_port = host.substr(i);
    if (!valid_optional_port(colon_port))
      throw UrlError{"invalid port " + go_quote(colon_port) + " after host"};
  }
  return unescape(host, Mode::Host);
}

bool valid_userinfo(std::string_view s) {
  for (std::string_view rest = s; !rest.empty();) {
    DecodedRune d = utf8_decode(rest);
    rest.remove_prefix(d.size);
    if (d.rune < 0x80 && (is_alnum(static_cast<unsigned char>(d.rune)) ||
                          std::string_view("-._:~!$&'()*+,;=%@").find(static_cast<char>(d.rune)) !=
                              std::string_view::npos))
      continue;
    return false;
  }
  return true;
}

void parse_authority(Url& u, std::string_view authority) {
  std::size_t at = authority.rfind('@');
  u.host = parse_host(at == std::string_view::npos ? authority : authority.substr(at + 1));
  if (at == std::string_view::npos) return;
  std::string_view userinfo = authority.substr(0, at);
  if (!valid_userinfo(userinfo)) throw UrlError{"net/url: invalid userinfo"};
  std::size_t colon = userinfo.find(':');
  if (colon == std::string_view::npos) {
    u.user.emplace(unescape(userinfo, Mode::UserPassword), std::nullopt);
  } else {
    std::string name = unescape(userinfo.substr(0, colon), Mode::UserPassword);
    u.user.emplace(std::move(name), unescape(userinfo.substr(colon + 1), Mode::UserPassword));
  }
}

// url.Parse without the fragment.
Url parse_no_fragment(std::string_view raw) {
  Url u;
  for (char c : raw)
    if (static_cast<unsigned char>(c) < ' ' || c == 0x7f)
      throw UrlError{"net/url: invalid control character in URL"};
  if (raw == "*") {
    u.path = "*";
    return u;
  }
  // The scheme: a letter, then letters, digits, '+', '-' or '.', up to ':'.
  std::string_view rest = raw;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) continue;
    if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
      if (i == 0) break;
      continue;
    }
    if (c == ':') {
      if (i == 0) throw UrlError{"missing protocol scheme"};
      u.scheme = go_to_lower(raw.substr(0, i));
      rest = raw.substr(i + 1);
    }
    break;
  }
  if (rest.ends_with('?') && std::count(rest.begin(), rest.end(), '?') == 1) {
    u.force_query = true;
    rest.remove_suffix(1);
  } else if (std::size_t q = rest.find('?'); q != std::string_view::npos) {
    u.raw_query = std::string(rest.substr(q + 1));
    rest = rest.substr(0, q);
  }
  if (!rest.starts_with('/')) {
    if (!u.scheme.empty()) {
      u.opaque = std::string(rest);
      return u;
    }
    if (rest.substr(0, rest.find('/')).find(':') != std::string_view::npos)
      throw UrlError{"first path segment in URL cannot contain colon"};
  }
  if ((!u.scheme.empty() || !rest.starts_with("///")) && rest.starts_with("//")) {
    std::string_view authority = rest.substr(2);
    rest = {};
    if (std::size_t i = authority.find('/'); i != std::string_view::npos) {
      rest = authority.substr(i);
      authority = authority.substr(0, i);
    }
    parse_authority(u, authority);
  } else if (!u.scheme.empty() && rest.starts_with('/')) {
    u.omit_host = true;
  }
  u.path = unescape(rest, Mode::Path);
  if (escape(u.path, Mode::Path) != rest) u.raw_path = std::string(rest);
  return u;
}

// url.Parse; errors come back as Go's *url.Error text: parse "<url>": <reason>.
Url parse_url(std::string_view raw) {
  std::size_t hash = raw.find('#');
  std::string_view before = raw.substr(0, hash);
  Url u;
  try {
    u = parse_no_fragment(before);
  } catch (const UrlError& e) {
    throw UrlError{"parse " + go_quote(before) + ": " + e.message};
  }
  if (hash == std::string_view::npos || hash + 1 == raw.size()) return u;
  std::string_view frag = raw.substr(hash + 1);
  try {
    u.fragment = unescape(frag, Mode::Fragment);
  } catch (const UrlError& e) {
    throw UrlError{"parse " + go_quote(raw) + ": " + e.message};
  }
  if (escape(u.fragment, Mode::Fragment) != frag) u.raw_fragment = std::string(frag);
  return u;
}

// net/url's validEncoded: whether a raw path or fragment may be printed as it was given.
bool valid_encoded(std::string_view s, Mode mode) {
  for (unsigned char c : s) {
    if (std::string_view("!$&'()*+,;=:@[]%").find(static_cast<char>(c)) != std::string_view::npos)
      continue;
    if (should_escape(c, mode)) return false;
  }
  return true;
}

// URL.EscapedPath and EscapedFragment: the raw form when it still means the same, else escaped.
std::string escaped_raw(const std::string& raw, const std::string& plain, Mode mode) {
  if (!raw.empty() && valid_encoded(raw, mode)) {
    try {
      if (unescape(raw, mode) == plain) return raw;
    } catch (const UrlError&) {
    }
  }
  if (mode == Mode::Path && plain == "*") return "*";
  return escape(plain, mode);
}

// URL.String.
std::string url_string(const Url& u) {
  std::string out;
  if (!u.scheme.empty()) out += u.scheme + ":";
  if (!u.opaque.empty()) {
    out += u.opaque;
  } else {
    if (!u.scheme.empty() || !u.host.empty() || u.user) {
      if (!(u.omit_host && u.host.empty() && !u.user)) {
        if (!u.host.empty() || !u.path.empty() || u.user) out += "//";
        if (u.user) out += user_string(u) + "@";
        if (!u.host.empty()) out += escape(u.host, Mode::Host);
      }
    }
    std::string path = escaped_raw(u.raw_path, u.path, Mode::Path);
    if (!path.empty() && path[0] != '/' && !u.host.empty()) out += '/';
    // A colon in the first segment of a relative path would read as a scheme.
    if (out.empty() && path.substr(0, path.find('/')).find(':') != std::string::npos) out += "./";
    out += path;
  }
  if (u.force_query || !u.raw_query.empty()) out += "?" + u.raw_query;
  if (!u.fragment.empty()) out += "#" + escaped_raw(u.raw_fragment, u.fragment, Mode::Fragment);
  return out;
}

// URL.Hostname: the host without its port and IPv6 brackets.
std::string hostname(const std::string& host_port) {
  std::string_view host = host_port;
  std::size_t colon = host.rfind(':');
  if (colon != std::string_view::npos && valid_optional_port(host.substr(colon))) host = host.substr(0, colon);
  if (host.size() >= 2 && host.starts_with('[') && host.ends_with(']')) host = host.substr(1, host.size() - 2);
  return std::string(host);
}

Value url_parse(const std::string& raw) {
  Url u;
  try {
    u = parse_url(raw);
  } catch (const UrlError& e) {
    throw FuncError("unable to parse url: " + e.message);
  }
  Map m;
  m.emplace("scheme", Value(u.scheme));
  m.emplace("host", Value(u.host));
  m.emplace("hostname", Value(hostname(u.host)));
  m.emplace("path", Value(u.path));
  m.emplace("query", Value(u.raw_query));
  m.emplace("opaque", Value(u.opaque));
  m.emplace("fragment", Value(u.fragment));
  m.emplace("userinfo", Value(user_string(u)));
  return Value::map(std::move(m));
}

// Sprig's dictGetOrEmpty: a missing key is "", a non-string value panics.
std::string dict_string(const Value& dict, const char* key) {
  const Value* v = dict.find(key);
  if (!v) return "";
  // reflect.TypeOf(nil).Kind() dereferences a nil Type.
  if (v->is_nil()) throw FuncError("runtime error: invalid memory address or nil pointer dereference");
  if (!v->is_string())
    throw FuncError(std::string("unable to parse ") + key + " key, must be of type string, but " +
                    v->kind_name() + " found");
  return v->as_string();
}

std::string url_join(const Value& d) {
  Url u;
  u.scheme = dict_string(d, "scheme");
  u.host = dict_string(d, "host");
  u.path = dict_string(d, "path");
  u.raw_query = dict_string(d, "query");
  u.opaque = dict_string(d, "opaque");
  u.fragment = dict_string(d, "fragment");
  std::string userinfo = dict_string(d, "userinfo");
  if (!userinfo.empty()) {
    try {
      u.user = parse_url("proto://" + userinfo + "@host").user;
    } catch (const UrlError& e) {
      throw FuncError("unable to parse userinfo in dict: " + e.message);
    }
  }
  return url_string(u);
}

}  // namespace

void register_sprig_url(FunctionRegistry& r) {
  r.add("urlParse", {{Param::String}}, [](CallContext&, Args a) { return url_parse(a[0].as_string()); });
  r.add("urlJoin", {{Param::Map}}, [](CallContext&, Args a) { return Value(url_join(a[0])); });
}

}  // namespace sparkc::gotmpl
