// Parser tests: input -> whole round-tripped tree text or whole error message, as Go's
// text/template/parse parse_test.go does. Unless a table says otherwise, every expected
// value was produced by Go 1.19 (parse.Parse on the same input, printing Tree.Root.String()
// or the error), with the function names of kFuncs defined. The {{else with}} table follows
// Go 1.23, which added that form.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <set>
#include <string>

#include "template/parser.h"

using namespace sparkc::gotmpl;

namespace {

const std::set<std::string, std::less<>> kFuncs = {
    "and", "call", "html", "index", "slice", "js", "len", "not", "or", "print", "printf",
    "println", "urlquery", "eq", "ge", "gt", "le", "lt", "ne", "foo", "bar", "include",
    "default", "quote", "toYaml", "nindent", "indent", "dict", "list"};

bool has_func(std::string_view name) { return kFuncs.find(name) != kFuncs.end(); }

std::vector<std::unique_ptr<Tree>> parse(const std::string& text, const ParseOptions& opts = {}) {
  return parse_template("x", std::make_shared<const std::string>(text), has_func, opts);
}

// "[name] root | [name] root ...": the tree named "x" first, then the others by name.
std::string describe(std::vector<std::unique_ptr<Tree>> trees) {
  std::sort(trees.begin() + 1, trees.end(), [](const auto& a, const auto& b) { return a->name < b->name; });
  std::string out;
  for (const auto& t : trees) {
    if (!out.empty()) out += " | ";
    out += "[" + t->name + "] " + t->root->to_string();
  }
  return out;
}

// The error message, or "no error".
std::string parse_error(const std::string& text, const ParseOptions& opts = {}) {
  try {
    parse(text, opts);
  } catch (const ParseError& e) {
    return e.what();
  }
  return "no error";
}

struct Row {
  const char* input;
  const char* want;
};

}  // namespace

TEST_CASE("parse round-trips through to_string") {
  const Row rows[] = {
    {"",
     ""},
    {"{{/*\n\n\n*/}}",
     ""},
    {" \t\n",
     " \t\n"},
    {"some text",
     "some text"},
    {"{{.X}}",
     "{{.X}}"},
    {"{{printf}}",
     "{{printf}}"},
    {"{{$}}",
     "{{$}}"},
    {"{{with $x := 3}}{{$x 23}}{{end}}",
     "{{with $x := 3}}{{$x 23}}{{end}}"},
    {"{{$.I}}",
     "{{$.I}}"},
    {"{{printf `%d` 23}}",
     "{{printf `%d` 23}}"},
    {"{{.X|.Y}}",
     "{{.X | .Y}}"},
    {"{{$x := .X|.Y}}",
     "{{$x := .X | .Y}}"},
    {"{{.X (.Y .Z) (.A | .B .C) (.E)}}",
     "{{.X (.Y .Z) (.A | .B .C) (.E)}}"},
    {"{{(.Y .Z).Field}}",
     "{{(.Y .Z).Field}}"},
    {"{{if .X}}hello{{end}}",
     "{{if .X}}hello{{end}}"},
    {"{{if .X}}true{{else}}false{{end}}",
     "{{if .X}}true{{else}}false{{end}}"},
    {"{{if .X}}true{{else if .Y}}false{{end}}",
     "{{if .X}}true{{else}}{{if .Y}}false{{end}}{{end}}"},
    {"+{{if .X}}X{{else if .Y}}Y{{else if .Z}}Z{{end}}+",
     "+{{if .X}}X{{else}}{{if .Y}}Y{{else}}{{if .Z}}Z{{end}}{{end}}{{end}}+"},
    {"{{range .X}}hello{{end}}",
     "{{range .X}}hello{{end}}"},
    {"{{range .X.Y.Z}}hello{{end}}",
     "{{range .X.Y.Z}}hello{{end}}"},
    {"{{range .X}}hello{{range .Y}}goodbye{{end}}{{end}}",
     "{{range .X}}hello{{range .Y}}goodbye{{end}}{{end}}"},
    {"{{range .X}}true{{else}}false{{end}}",
     "{{range .X}}true{{else}}false{{end}}"},
    {"{{range .X|.M}}true{{else}}false{{end}}",
     "{{range .X | .M}}true{{else}}false{{end}}"},
    {"{{range .SI}}{{.}}{{end}}",
     "{{range .SI}}{{.}}{{end}}"},
    {"{{range $x := .SI}}{{.}}{{end}}",
     "{{range $x := .SI}}{{.}}{{end}}"},
    {"{{range $x, $y := .SI}}{{.}}{{end}}",
     "{{range $x, $y := .SI}}{{.}}{{end}}"},
    {"{{range .SI}}{{.}}{{break}}{{end}}",
     "{{range .SI}}{{.}}{{break}}{{end}}"},
    {"{{range .SI}}{{.}}{{continue}}{{end}}",
     "{{range .SI}}{{.}}{{continue}}{{end}}"},
    {"{{range .SI 1 -3.2i true false 'a' nil}}{{end}}",
     "{{range .SI 1 -3.2i true false 'a' nil}}{{end}}"},
    {"{{template `x`}}",
     "{{template \"x\"}}"},
    {"{{template `x` .Y}}",
     "{{template \"x\" .Y}}"},
    {"{{with .X}}hello{{end}}",
     "{{with .X}}hello{{end}}"},
    {"{{with .X}}hello{{else}}goodbye{{end}}",
     "{{with .X}}hello{{else}}goodbye{{end}}"},
    {"x \r\n\t{{- 3}}",
     "x{{3}}"},
    {"{{3 -}}\n\n\ty",
     "{{3}}y"},
    {"x \r\n\t{{- 3 -}}\n\n\ty",
     "x{{3}}y"},
    {"x\n{{-  3   -}}\ny",
     "x{{3}}y"},
    {"x \r\n\t{{- /* hi */}}",
     "x"},
    {"{{/* hi */ -}}\n\n\ty",
     "y"},
    {"x \r\n\t{{- /* */ -}}\n\n\ty",
     "xy"},
    {"{{ $x \n := \n 1 \n }}",
     "{{$x := 1}}"},
    {"{{\n\"x\"\n|\nprintf\n}}",
     "{{\"x\" | printf}}"},
    {"{{/*\nhello\n*/}}",
     ""},
    {"{{-\n/*\nhello\n*/\n-}}",
     ""},
    {"{{range .SI}}{{.}}{{ continue }}{{end}}",
     "{{range .SI}}{{.}}{{continue}}{{end}}"},
    {"{{range .SI}}{{.}}{{ break }}{{end}}",
     "{{range .SI}}{{.}}{{break}}{{end}}"},
    {"{{$x := 0}}{{$x}}",
     "{{$x := 0}}{{$x}}"},
    {"{{$x:=.}}{{$x +2}}",
     "{{$x := .}}{{$x +2}}"},
    {"{{foo}}",
     "{{foo}}"},
    {"{{print 0}}",
     "{{print 0}}"},
    {"{{print -0}}",
     "{{print -0}}"},
    {"{{print 73}}",
     "{{print 73}}"},
    {"{{print 7_3}}",
     "{{print 7_3}}"},
    {"{{print 0b10_010_01}}",
     "{{print 0b10_010_01}}"},
    {"{{print 0B10_010_01}}",
     "{{print 0B10_010_01}}"},
    {"{{print 073}}",
     "{{print 073}}"},
    {"{{print 0o73}}",
     "{{print 0o73}}"},
    {"{{print 0O73}}",
     "{{print 0O73}}"},
    {"{{print 0x73}}",
     "{{print 0x73}}"},
    {"{{print 0X73}}",
     "{{print 0X73}}"},
    {"{{print 0x7_3}}",
     "{{print 0x7_3}}"},
    {"{{print -73}}",
     "{{print -73}}"},
    {"{{print +73}}",
     "{{print +73}}"},
    {"{{print 100}}",
     "{{print 100}}"},
    {"{{print 1e9}}",
     "{{print 1e9}}"},
    {"{{print -1e9}}",
     "{{print -1e9}}"},
    {"{{print -1.2}}",
     "{{print -1.2}}"},
    {"{{print 1e19}}",
     "{{print 1e19}}"},
    {"{{print 1e1_9}}",
     "{{print 1e1_9}}"},
    {"{{print 1E19}}",
     "{{print 1E19}}"},
    {"{{print -1e19}}",
     "{{print -1e19}}"},
    {"{{print 0x_1p4}}",
     "{{print 0x_1p4}}"},
    {"{{print 0X_1P4}}",
     "{{print 0X_1P4}}"},
    {"{{print 0x_1p-4}}",
     "{{print 0x_1p-4}}"},
    {"{{print 4i}}",
     "{{print 4i}}"},
    {"{{print -1.2+4.2i}}",
     "{{print -1.2+4.2i}}"},
    {"{{print 073i}}",
     "{{print 073i}}"},
    {"{{print 0i}}",
     "{{print 0i}}"},
    {"{{print -1.2+0i}}",
     "{{print -1.2+0i}}"},
    {"{{print -12+0i}}",
     "{{print -12+0i}}"},
    {"{{print 13+0i}}",
     "{{print 13+0i}}"},
    {"{{print 0123}}",
     "{{print 0123}}"},
    {"{{print -0x0}}",
     "{{print -0x0}}"},
    {"{{print 0xdeadbeef}}",
     "{{print 0xdeadbeef}}"},
    {"{{print 'a'}}",
     "{{print 'a'}}"},
    {"{{print '\\n'}}",
     "{{print '\\n'}}"},
    {"{{print '\\\\'}}",
     "{{print '\\\\'}}"},
    {"{{print '\\''}}",
     "{{print '\\''}}"},
    {"{{print '\\xFF'}}",
     "{{print '\\xFF'}}"},
    {"{{print '\343\203\221'}}",
     "{{print '\343\203\221'}}"},
    {"{{print '\\u30d1'}}",
     "{{print '\\u30d1'}}"},
    {"{{print '\\U000030d1'}}",
     "{{print '\\U000030d1'}}"},
    {"{{print 0xef}}",
     "{{print 0xef}}"},
    {"{{define \"x\"}}A{{end}}",
     "A"},
    {"top{{define \"x\"}}{{end}}",
     "top"},
    {"{{/* c */}}x{{- /* c\n\n*/ -}}  y",
     "xy"},
    {"{{ 'a' '\\n' '\\x41' '\\u00e9' '\\U0001F600' '\\101' '\303\251' }}",
     "{{'a' '\\n' '\\x41' '\\u00e9' '\\U0001F600' '\\101' '\303\251'}}"},
    {"{{ \"a\\\"b\" \"\\u00e9\\t\" `raw\\n` }}",
     "{{\"a\\\"b\" \"\\u00e9\\t\" `raw\\n`}}"},
    {"{{ 0x1F 0o17 017 0b101 1_000 0x_1F 1e3 1.5e-3 0x1p-2 .5 5. 1i 0i 2.5i -7 +7 }}",
     "{{0x1F 0o17 017 0b101 1_000 0x_1F 1e3 1.5e-3 0x1p-2 .5 5. 1i 0i 2.5i -7 +7}}"},
    {"{{ 18446744073709551615 }}",
     "{{18446744073709551615}}"},
    {"{{ -9223372036854775808 }}",
     "{{-9223372036854775808}}"},
    {"{{ 1e-400 }}",
     "{{1e-400}}"},
    {"{{ 1+2i }}",
     "{{1+2i}}"},
    {"{{ 1e3-2.5i }}",
     "{{1e3-2.5i}}"},
    {"{{ 0x1p2+1i }}",
     "{{0x1p2+1i}}"},
    {"{{ . }}",
     "{{.}}"},
    {"{{ .X.Y.Z }}",
     "{{.X.Y.Z}}"},
    {"{{ $.X }}",
     "{{$.X}}"},
    {"{{ $ }}",
     "{{$}}"},
    {"{{$x := .}}{{ $x.A.B }}",
     "{{$x := .}}{{$x.A.B}}"},
    {"{{ (.X).Y.Z }}",
     "{{(.X).Y.Z}}"},
    {"{{ (printf).Y }}",
     "{{(printf).Y}}"},
    {"{{ printf.X }}",
     "{{printf.X}}"},
    {"{{ .X | printf \"%s\" | len }}",
     "{{.X | printf \"%s\" | len}}"},
    {"{{ .\303\251 }}",
     "{{.\303\251}}"},
    {"{{ ((.X)) }}",
     "{{((.X))}}"},
    {"{{ $x = 3 }}",
     "{{$x := 3}}"},
    {"{{$x := 1}}{{ $x = 3 }}",
     "{{$x := 1}}{{$x := 3}}"},
    {"{{range $i, $e := .}}{{$i}}{{$e}}{{end}}",
     "{{range $i, $e := .}}{{$i}}{{$e}}{{end}}"},
    {"{{range $i := .}}{{else}}{{$i}}{{end}}",
     "{{range $i := .}}{{else}}{{$i}}{{end}}"},
    {"{{with $x := .}}{{$x}}{{else}}{{$x}}{{end}}",
     "{{with $x := .}}{{$x}}{{else}}{{$x}}{{end}}"},
    {"{{if .A}}a{{else if .B}}b{{else}}c{{end}}",
     "{{if .A}}a{{else}}{{if .B}}b{{else}}c{{end}}{{end}}"},
    {"{{range .}}{{if .}}{{break}}{{end}}{{end}}",
     "{{range .}}{{if .}}{{break}}{{end}}{{end}}"},
    {"{{range .}}{{with .}}{{continue}}{{end}}{{end}}",
     "{{range .}}{{with .}}{{continue}}{{end}}{{end}}"},
    {"{{template \"a\"}}",
     "{{template \"a\"}}"},
    {"{{template \"a\" .X | printf}}",
     "{{template \"a\" .X | printf}}"},
    {"{{template \"\\x00\303\251\\u2028\"}}",
     "{{template \"\\x00\303\251\\u2028\"}}"},
    {"{{template `a\"b\\\\`}}",
     "{{template \"a\\\"b\\\\\\\\\"}}"},
    {"{{- 3 -}}",
     "{{3}}"},
    {"{{-3}}",
     "{{-3}}"},
    {"{{3 -}}",
     "{{3}}"},
    {"{{- 3}}",
     "{{3}}"},
    {"a  {{-\t3\t-}}  b",
     "a{{3}}b"},
    {"a\n{{-\n3\n-}}\nb",
     "a{{3}}b"},
    {"{{ 3  -}}",
     "{{3}}"},
    {"x{{/* a */}}y",
     "xy"},
    {"{{nil}}",
     "{{nil}}"},
    {"{{true false}}",
     "{{true false}}"},
    {"{{.X true}}",
     "{{.X true}}"},
    {"{{$x := 1}}{{$y := $x}}{{$y}}",
     "{{$x := 1}}{{$y := $x}}{{$y}}"},
    {"{{ $x := $x }}",
     "{{$x := $x}}"},
    {"{{ .X | }}",
     "{{.X}}"},
    {"{{printf \"%d\" 1 | printf \"%s\" (len .X) }}",
     "{{printf \"%d\" 1 | printf \"%s\" (len .X)}}"},
    {"{{ \"x\" \"y\" }}",
     "{{\"x\" \"y\"}}"},
    {"{{ \"\\xff\" }}",
     "{{\"\\xff\"}}"},
    {"{{ \"\303\277\" }}",
     "{{\"\303\277\"}}"},
  };
  for (const Row& row : rows) {
    const std::string captured_input = row.input;
    CAPTURE(captured_input);
    std::vector<std::unique_ptr<Tree>> trees;
    REQUIRE_NOTHROW(trees = parse(row.input));
    REQUIRE(trees.size() == 1);
    CHECK(trees[0]->name == "x");
    CHECK(trees[0]->root->to_string() == std::string(row.want));
  }
}

TEST_CASE("parse errors carry Go's exact message") {
  const Row rows[] = {
    {"{{}}",
     "template: x:1: missing value for command"},
    {"{{\n}}",
     "template: x:2: missing value for command"},
    {"hello{{range",
     "template: x:1: unclosed action"},
    {"{{end}}",
     "template: x:1: unexpected {{end}}"},
    {"{{else}}",
     "template: x:1: unexpected {{else}}"},
    {"{{if .X}}hello{{end}}{{else}}",
     "template: x:1: unexpected {{else}}"},
    {"{{if .X}}1{{else}}2{{else}}3{{end}}",
     "template: x:1: expected end; found {{else}}"},
    {"hello{{range .x}}",
     "template: x:1: unexpected EOF"},
    {"hello{{range .x}}{{else}}",
     "template: x:1: unexpected EOF"},
    {"hello{{undefined}}",
     "template: x:1: function \"undefined\" not defined"},
    {"{{$x}}",
     "template: x:1: undefined variable \"$x\""},
    {"{{with $x := 4}}{{end}}{{$x}}",
     "template: x:1: undefined variable \"$x\""},
    {"{{template $v}}",
     "template: x:1: unexpected \"$v\" in template clause"},
    {"{{with $x.Y := 4}}{{end}}",
     "template: x:1: undefined variable \"$x\""},
    {"{{template .X}}",
     "template: x:1: unexpected \".X\" in template clause"},
    {"{{printf 3, 4}}",
     "template: x:1: unexpected \",\" in operand"},
    {"{{with $v, $u := 3}}{{end}}",
     "template: x:1: too many declarations in with"},
    {"{{range $u, $v, $w := 3}}{{end}}",
     "template: x:1: too many declarations in range"},
    {"{{printf (printf .).}}",
     "template: x:1: unexpected <.> in operand"},
    {"{{printf 3`x`}}",
     "template: x:1: unexpected \"`x`\" in operand"},
    {"{{printf `x`.}}",
     "template: x:1: unexpected <.> in operand"},
    {"{{if .X}}a{{else if .Y}}b{{end}}{{end}}",
     "template: x:1: unexpected {{end}}"},
    {"{{range .}}{{end}} {{break}}",
     "template: x:1: {{break}} outside {{range}}"},
    {"{{range .}}{{end}} {{continue}}",
     "template: x:1: {{continue}} outside {{range}}"},
    {"{{range .}}{{else}}{{break}}{{end}}",
     "template: x:1: {{break}} outside {{range}}"},
    {"{{range .}}{{else}}{{continue}}{{end}}",
     "template: x:1: {{continue}} outside {{range}}"},
    {"{{$x += 1}}{{$x}}",
     "template: x:1: undefined variable \"$x\""},
    {"{{$x ! 2}}{{$x}}",
     "template: x:1: undefined variable \"$x\""},
    {"{{$x % 3}}{{$x}}",
     "template: x:1: undefined variable \"$x\""},
    {"{{range $x := $y := 3}}{{end}}",
     "template: x:1: undefined variable \"$y\""},
    {"{{$x:=.}}{{$x!2}}",
     "template: x:1: bad character U+0021 '!'"},
    {"{{$x:=.}}{{$x+2}}",
     "template: x:1: bad character U+002B '+'"},
    {"{{1.E}}",
     "template: x:1: illegal number syntax: \"1.E\""},
    {"{{0.1.E}}",
     "template: x:1: unexpected . after term \"0.1\""},
    {"{{true.E}}",
     "template: x:1: unexpected . after term \"true\""},
    {"{{'a'.any}}",
     "template: x:1: unexpected . after term \"'a'\""},
    {"{{\"hello\".guys}}",
     "template: x:1: unexpected . after term \"\\\"hello\\\"\""},
    {"{{..E}}",
     "template: x:1: unexpected . after term \".\""},
    {"{{nil.E}}",
     "template: x:1: unexpected . after term \"nil\""},
    {"{{12|.}}",
     "template: x:1: non executable command in pipeline stage 2"},
    {"{{.|12|printf}}",
     "template: x:1: non executable command in pipeline stage 2"},
    {"{{.|printf|\"error\"}}",
     "template: x:1: non executable command in pipeline stage 3"},
    {"{{12|printf|'e'}}",
     "template: x:1: non executable command in pipeline stage 3"},
    {"{{.|true}}",
     "template: x:1: non executable command in pipeline stage 2"},
    {"{{'c'|nil}}",
     "template: x:1: non executable command in pipeline stage 2"},
    {"{{printf \"%d\" ( ) }}",
     "template: x:1: missing value for parenthesized pipeline"},
    {"{{block \"foo\"}}hello{{end}}",
     "template: x:1: missing value for block clause"},
    {"line1\n{{",
     "template: x:2: unclosed action"},
    {"line1\n{{define `x`}}line2\n{{",
     "template: x:3: unclosed action"},
    {"line1\n{{\"x\"\n\"y\"\n",
     "template: x:4: unclosed action started at x:2"},
    {"{{\n\n\n\n\n",
     "template: x:6: unclosed action started at x:1"},
    {"line1\n{{\nx\n}}",
     "template: x:3: function \"x\" not defined"},
    {"{{/*}}",
     "template: x:1: unclosed comment"},
    {"{{/*\nhello\n}}",
     "template: x:1: unclosed comment"},
    {"{{.X (1 2 3}}",
     "template: x:1: unclosed left paren"},
    {"{{.X 1 2 3 ) }}",
     "template: x:1: unexpected \")\" in command"},
    {"{{(.X 1 2 3",
     "template: x:1: unclosed action"},
    {"{{`x`3}}",
     "template: x:1: unexpected \"3\" in operand"},
    {"{{a#}}",
     "template: x:1: bad character U+0023 '#'"},
    {"{{'a}}",
     "template: x:1: unterminated character constant"},
    {"{{\"a}}",
     "template: x:1: unterminated quoted string"},
    {"{{`a}}",
     "template: x:1: unterminated raw quoted string"},
    {"{{0xi}}",
     "template: x:1: illegal number syntax: \"0xi\""},
    {"{{define `a`}}a{{end}}{{define `a`}}b{{end}}",
     "template: x:1: template: multiple definition of template \"a\""},
    {"{{range .X}}",
     "template: x:1: unexpected EOF"},
    {"{{$x := 23}}{{with $x.y := 3}}{{$x 23}}{{end}}",
     "template: x:1: unexpected \":=\" in operand"},
    {"{{$a,$b,$c := 23}}",
     "template: x:1: too many declarations in command"},
    {"{{$a}}",
     "template: x:1: undefined variable \"$a\""},
    {"{{true.any}}",
     "template: x:1: unexpected . after term \"true\""},
    {"{{12|false}}",
     "template: x:1: non executable command in pipeline stage 2"},
    {"{{ ( ) }}",
     "template: x:1: missing value for parenthesized pipeline"},
    {"{{ $v := `\n` }} {{",
     "template: x:2: unclosed action"},
    {"{{range $k}}{{end}}",
     "template: x:1: undefined variable \"$k\""},
    {"{{range $k, $v}}{{end}}",
     "template: x:1: undefined variable \"$v\""},
    {"{{range $k,}}{{end}}",
     "template: x:1: missing value for range"},
    {"{{range $k, $v := }}{{end}}",
     "template: x:1: missing value for range"},
    {"{{range $k, .}}{{end}}",
     "template: x:1: range can only initialize variables"},
    {"{{range $k, 123 := .}}{{end}}",
     "template: x:1: range can only initialize variables"},
    {"{{print +-2}}",
     "template: x:1: bad number syntax: \"+-2\""},
    {"{{print 0x123.}}",
     "template: x:1: illegal number syntax: \"0x123.\""},
    {"{{print 1e.}}",
     "template: x:1: illegal number syntax: \"1e\""},
    {"{{print 0xi.}}",
     "template: x:1: illegal number syntax: \"0xi\""},
    {"{{print 1+2.}}",
     "template: x:1: bad number syntax: \"1+2.\""},
    {"{{print 'x}}",
     "template: x:1: unterminated character constant"},
    {"{{print 'xx'}}",
     "template: x:1: malformed character constant: 'xx'"},
    {"{{print '433937734937734969526500969526500'}}",
     "template: x:1: malformed character constant: '433937734937734969526500969526500'"},
    {"{{define \"a\"}}A{{end}}{{define \"a\"}}B{{end}}",
     "template: x:1: template: multiple definition of template \"a\""},
    {"{{define \"x\"}}A{{end}}top",
     "template: x:1: template: multiple definition of template \"x\""},
    {"{{block \"a\" .}}A{{end}}{{define \"a\"}}B{{end}}",
     "template: x:1: template: multiple definition of template \"a\""},
    {"{{define \"a\"}}B{{end}}{{block \"a\" .}}A{{end}}",
     "template: x:1: template: multiple definition of template \"a\""},
    {"{{block \"a\" .}}{{else}}{{end}}",
     "template: x:1: unexpected {{else}} in block clause"},
    {"{{block \"a\" .}}x\n{{else}}{{end}}",
     "template: x:1: unexpected {{else}} in block clause"},
    {"{{define \"a\" }}x{{else}}{{end}}",
     "template: x:1: unexpected {{else}} in define clause"},
    {"{{define \"a\\q\"}}x{{end}}",
     "template: x:1: invalid syntax"},
    {"{{define a}}x{{end}}",
     "template: x:1: unexpected \"a\" in define clause"},
    {"{{define \"a\" 3}}x{{end}}",
     "template: x:1: unexpected \"3\" in define clause"},
    {"{{define \"a\"}}x",
     "template: x:1: unexpected EOF"},
    {"line1\n{{define \"a\"}}\nx\n{{end}}\n{{define \"a\"}}\ny\n{{end}}",
     "template: x:7: template: multiple definition of template \"a\""},
    {"a\n\nb{{.X}}\n{{if}}",
     "template: x:4: missing value for if"},
    {"a\n{{.X\n.Y}}\n{{if .X}}\n\n{{end}}{{end}}",
     "template: x:6: unexpected {{end}}"},
    {"a\n{{ .X \n\n 3 \n \"abc\n\" }}",
     "template: x:5: unterminated quoted string in action started at x:2"},
    {"a\n{{ .X \n\n 3 \n `abc\n` | printf \n ( }}",
     "template: x:7: unclosed left paren in action started at x:2"},
    {"{{ .X\n\n",
     "template: x:3: unclosed action started at x:1"},
    {"{{ .X",
     "template: x:1: unclosed action"},
    {"{{",
     "template: x:1: unclosed action"},
    {"{{.X}}\n{{/* unclosed\n",
     "template: x:2: unclosed comment"},
    {"{{/* c */ }}",
     "template: x:1: comment ends before closing delimiter"},
    {"{{ 'ab' }}",
     "template: x:1: malformed character constant: 'ab'"},
    {"{{ '' }}",
     "template: x:1: invalid syntax"},
    {"{{ '\\q' }}",
     "template: x:1: invalid syntax"},
    {"{{ 'a }}",
     "template: x:1: unterminated character constant"},
    {"{{ \"\\q\" }}",
     "template: x:1: invalid syntax"},
    {"{{ \"abc }}",
     "template: x:1: unterminated quoted string"},
    {"{{ `abc }}",
     "template: x:1: unterminated raw quoted string"},
    {"{{ 089 }}",
     "template: x:1: integer overflow: \"089\""},
    {"{{ 0x }}",
     "template: x:1: illegal number syntax: \"0x\""},
    {"{{ 1__0 }}",
     "template: x:1: illegal number syntax: \"1__0\""},
    {"{{ 1_ }}",
     "template: x:1: illegal number syntax: \"1_\""},
    {"{{ 99999999999999999999 }}",
     "template: x:1: integer overflow: \"99999999999999999999\""},
    {"{{ -9223372036854775809 }}",
     "template: x:1: integer overflow: \"-9223372036854775809\""},
    {"{{ 1e400 }}",
     "template: x:1: illegal number syntax: \"1e400\""},
    {"{{ 0x1.8 }}",
     "template: x:1: illegal number syntax: \"0x1.8\""},
    {"{{ 0x1p }}",
     "template: x:1: illegal number syntax: \"0x1p\""},
    {"{{ 0x1e+2i }}",
     "template: x:1: strconv.ParseFloat: parsing \"0x1e\": invalid syntax"},
    {"{{ 1i+2i }}",
     "template: x:1: syntax error scanning complex number"},
    {"{{ 1+i }}",
     "template: x:1: syntax error scanning complex number"},
    {"{{ 3x }}",
     "template: x:1: bad number syntax: \"3x\""},
    {"{{ - }}",
     "template: x:1: illegal number syntax: \"-\""},
    {"{{ + }}",
     "template: x:1: illegal number syntax: \"+\""},
    {"{{ +i }}",
     "template: x:1: illegal number syntax: \"+i\""},
    {"{{ .5.X }}",
     "template: x:1: unexpected . after term \".5\""},
    {"{{ 1.2.3 }}",
     "template: x:1: unexpected \".3\" in operand"},
    {"{{ 1+2 }}",
     "template: x:1: bad number syntax: \"1+2\""},
    {"{{ .X+1 }}",
     "template: x:1: bad character U+002B '+'"},
    {"{{ .X! }}",
     "template: x:1: bad character U+0021 '!'"},
    {"{{ $x! }}",
     "template: x:1: bad character U+0021 '!'"},
    {"{{ printf! }}",
     "template: x:1: bad character U+0021 '!'"},
    {"{{ \303\251 }}",
     "template: x:1: function \"\303\251\" not defined"},
    {"{{ \303\251\342\202\254 }}",
     "template: x:1: bad character U+20AC '\342\202\254'"},
    {"{{ \342\202\254 }}",
     "template: x:1: unrecognized character in action: U+20AC '\342\202\254'"},
    {"{{ \001 }}",
     "template: x:1: unrecognized character in action: U+0001"},
    {"{{ .X ) }}",
     "template: x:1: unexpected \")\" in command"},
    {"{{ (.X }}",
     "template: x:1: unclosed left paren"},
    {"{{ (.X) ) }}",
     "template: x:1: unexpected \")\" in command"},
    {"{{ () }}",
     "template: x:1: missing value for parenthesized pipeline"},
    {"{{ : }}",
     "template: x:1: expected :="},
    {"{{ $x := 1 = 2}}",
     "template: x:1: unexpected \"=\" in operand"},
    {"{{ , }}",
     "template: x:1: unexpected \",\" in command"},
    {"{{ @ }}",
     "template: x:1: unexpected \"@\" in command"},
    {"{{ # }}",
     "template: x:1: unexpected \"#\" in command"},
    {"{{ .X , .Y }}",
     "template: x:1: unexpected \",\" in operand"},
    {"{{range $i, $e := .}}{{end}}{{$i}}",
     "template: x:1: undefined variable \"$i\""},
    {"{{range $i, }}{{end}}",
     "template: x:1: missing value for range"},
    {"{{range $i, $e}}{{end}}",
     "template: x:1: undefined variable \"$e\""},
    {"{{range $i, 3}}{{end}}",
     "template: x:1: range can only initialize variables"},
    {"{{with .A}}a{{else if .B}}b{{end}}",
     "template: x:1: unexpected <if> in input"},
    {"{{range .A}}a{{else if .B}}b{{end}}",
     "template: x:1: unexpected <if> in input"},
    {"{{if .A}}a{{else}}b{{else}}c{{end}}",
     "template: x:1: expected end; found {{else}}"},
    {"{{if .A}}a{{else}}b",
     "template: x:1: unexpected EOF"},
    {"{{if}}{{end}}",
     "template: x:1: missing value for if"},
    {"{{range}}{{end}}",
     "template: x:1: missing value for range"},
    {"{{with}}{{end}}",
     "template: x:1: missing value for with"},
    {"{{if .A}}{{end x}}",
     "template: x:1: unexpected \"x\" in end"},
    {"{{if .A}}{{else x}}{{end}}",
     "template: x:1: unexpected \"x\" in else"},
    {"{{range .}}{{break 1}}{{end}}",
     "template: x:1: unexpected \"1\" in {{break}}"},
    {"{{range .}}{{continue x}}{{end}}",
     "template: x:1: unexpected \"x\" in {{continue}}"},
    {"{{range .}}{{define \"a\"}}{{break}}{{end}}{{end}}",
     "template: x:1: unexpected <define> in command"},
    {"{{range .}}{{block \"a\" .}}{{break}}{{end}}{{end}}",
     "template: x:1: {{break}} outside {{range}}"},
    {"{{break}}",
     "template: x:1: {{break}} outside {{range}}"},
    {"{{continue}}",
     "template: x:1: {{continue}} outside {{range}}"},
    {"{{template}}",
     "template: x:1: unexpected \"}}\" in template clause"},
    {"{{template \"a\\q\"}}",
     "template: x:1: invalid syntax"},
    {"{{block \"a\"}}x{{end}}",
     "template: x:1: missing value for block clause"},
    {"{{block}}x{{end}}",
     "template: x:1: unexpected \"}}\" in block clause"},
    {"{{ 3-}}",
     "template: x:1: bad number syntax: \"3-\""},
    {"{{ 3 - }}",
     "template: x:1: illegal number syntax: \"-\""},
    {"x{{/*a*/ 3}}",
     "template: x:1: comment ends before closing delimiter"},
    {"x{{ /*a*/}}",
     "template: x:1: unexpected \"/\" in command"},
    {"{{printf}}{{undefinedfn}}",
     "template: x:1: function \"undefinedfn\" not defined"},
    {"{{$}}{{$.}}",
     "template: x:1: unexpected <.> in operand"},
    {"{{ $x }}",
     "template: x:1: undefined variable \"$x\""},
    {"{{ .X | 3 }}",
     "template: x:1: non executable command in pipeline stage 2"},
    {"{{ | .X }}",
     "template: x:1: unexpected \"|\" in command"},
    {"{{ .X || .Y }}",
     "template: x:1: unexpected \"|\" in command"},
    {"{{with $x, $y := .}}{{end}}",
     "template: x:1: too many declarations in with"},
    {"{{range $a, $b, $c := .}}{{end}}",
     "template: x:1: too many declarations in range"},
    {"text\n{{3}}\n{{.X\n}}\n\n{{undefinedfn}}",
     "template: x:6: function \"undefinedfn\" not defined"},
    {"x\n\n{{ 1\n\n+ }}",
     "template: x:5: illegal number syntax: \"+\""},
    {"{{ 'a\n' }}",
     "template: x:1: unterminated character constant"},
    {"{{ \"a\n\" }}",
     "template: x:1: unterminated quoted string"},
    {"{{.X}}\n{{if .Y}}\n\n{{.Z",
     "template: x:4: unclosed action"},
    {"\n\n{{if .Y\n\n.Z",
     "template: x:5: unclosed action started at x:3"},
    {"{{if .Y}}\n\n{{.Z",
     "template: x:3: unclosed action"},
    {"{{.X}}\n{{ (\n\n.X }}",
     "template: x:4: unclosed left paren in action started at x:2"},
    {"{{$x := 1}}{{define \"a\"}}{{$x}}{{end}}",
     "template: x:1: undefined variable \"$x\""},
    {"{{block \"a\" .}}A{{end}}{{block \"a\" .}}B{{end}}",
     "template: x:1: template: multiple definition of template \"a\""},
  };
  for (const Row& row : rows) {
    const std::string captured_input = row.input;
    CAPTURE(captured_input);
    CHECK(parse_error(row.input) == std::string(row.want));
  }
}

TEST_CASE("define and block make trees; the named tree comes first") {
  const Row rows[] = {
    {"{{block \"foo\" .}}hello{{end}}",
     "[x] {{template \"foo\" .}} | [foo] hello"},
    {"{{define \"a\"}}A{{end}}{{define \"b\"}}B{{end}}top",
     "[x] top | [a] A | [b] B"},
    {"{{define \"a\"}}  {{end}}{{define \"a\"}}B{{end}}",
     "[x]  | [a] B"},
    {"{{define \"a\"}}A{{end}}{{define \"a\"}} \n {{end}}",
     "[x]  | [a] A"},
    {"{{define `a`}}x{{end}}",
     "[x]  | [a] x"},
    {"{{define \"a\"}}{{block \"b\" .}}B{{end}}A{{end}}",
     "[x]  | [a] {{template \"b\" .}}A | [b] B"},
    {"{{block \"a\" .X}}{{block \"b\" .Y}}B{{end}}A{{end}}",
     "[x] {{template \"a\" .X}} | [a] {{template \"b\" .Y}}A | [b] B"},
    {"{{define \"a\"}}A{{end}}{{define \"b\"}}{{template \"a\" .}}{{end}}{{template \"b\"}}",
     "[x] {{template \"b\"}} | [a] A | [b] {{template \"a\" .}}"},
    {"  {{- define \"a\" -}}  A  {{- end -}}  \n{{define \"b\"}}B{{end}}",
     "[x]  | [a] A | [b] B"},
    {"{{define \"a\"}}{{/* c */}}{{end}}{{define \"a\"}}A{{end}}{{define \"b\"}}B{{end}}",
     "[x]  | [a] A | [b] B"},
    {"{{define \"a\"}}A{{end}}{{define \"b\"}}B{{end}}{{define \"a\"}}{{end}}",
     "[x]  | [a] A | [b] B"},
    {"{{define \"x\"}}A{{end}}{{define \"y\"}}B{{end}}",
     "[x] A | [y] B"},
    {"{{ define \"a\" }}{{ $x := 1 }}{{ $x }}{{ end }}{{ $x := 2 }}{{ $x }}",
     "[x] {{$x := 2}}{{$x}} | [a] {{$x := 1}}{{$x}}"},
    {"{{define \"a\"}}{{end}}{{define \"b\"}} {{end}}",
     "[x]  | [a]  | [b]  "},
    {"{{block \"a\" .}}{{end}}{{block \"a\" .}}A{{end}}",
     "[x] {{template \"a\" .}}{{template \"a\" .}} | [a] A"},
  };
  for (const Row& row : rows) {
    const std::string captured_input = row.input;
    CAPTURE(captured_input);
    CHECK(describe(parse(row.input)) == std::string(row.want));
  }
}

TEST_CASE("trees keep their source order and share the source") {
  auto trees = parse("{{define \"b\"}}B{{end}}{{block \"a\" .}}A{{end}}{{define \"c\"}}C{{end}}");
  REQUIRE(trees.size() == 4);
  CHECK(trees[0]->name == "x");
  CHECK(trees[1]->name == "b");
  CHECK(trees[2]->name == "a");
  CHECK(trees[3]->name == "c");
  for (const auto& t : trees) {
    CHECK(t->parse_name == "x");
    CHECK(t->source == trees[0]->source);
  }
}

TEST_CASE("comments, skipped function checks and custom delimiters") {
  struct ModeRow {
    const char* input;
    const char* left;
    const char* right;
    bool comments;
    bool skip_func_check;
    const char* want;  // trees as in describe(), or "ERR " + message
  };
  const ModeRow rows[] = {
    {"x{{/* a */}}y{{- /* b */ -}} z", "", "", true, false,
     "[x] x{{/* a */}}y{{/* b */}}z"},
    {"x{{/* a\n\n */}}\n{{.X}}{{if}}", "", "", true, false,
     "ERR template: x:2: missing value for if"},
    {"x{{/* a\n\n */}}\n{{.X}}{{if}}", "", "", false, false,
     "ERR template: x:4: missing value for if"},
    {"{{define \"a\"}}{{/* only */}}{{end}}{{define \"a\"}}B{{end}}", "", "", true, false,
     "[x]  | [a] B"},
    {"{{define \"a\"}}{{/* only */}}x{{end}}{{define \"a\"}}B{{end}}", "", "", true, false,
     "ERR template: x:1: template: multiple definition of template \"a\""},
    {"{{unknownFn 1}}{{.X | other}}", "", "", false, true,
     "[x] {{unknownFn 1}}{{.X | other}}"},
    {"{{unknownFn 1}}", "", "", false, false,
     "ERR template: x:1: function \"unknownFn\" not defined"},
    {"<<.X>><<if .Y>>y<<end>>{{.Z}}", "<<", ">>", false, false,
     "[x] {{.X}}{{if .Y}}y{{end}}{{.Z}}"},
    {"<<.X>><<if .Y>>y<<else>>", "<<", ">>", false, false,
     "ERR template: x:1: unexpected EOF"},
    {"$$.X$$ $$- .Y -$$ q", "$$", "$$", false, false,
     "[x] {{.X}}{{.Y}}q"},
    {"[[/* c */]]a[[- /* d */ -]] b", "[[", "]]", true, false,
     "[x] {{/* c */}}a{{/* d */}}b"},
    {"{{/* c */}}", "", "", true, false,
     "[x] {{/* c */}}"},
  };
  for (const ModeRow& row : rows) {
    const std::string captured_input = row.input;
    CAPTURE(captured_input);
    ParseOptions opts;
    opts.left_delim = row.left;
    opts.right_delim = row.right;
    opts.keep_comments = row.comments;
    opts.skip_func_check = row.skip_func_check;
    std::string got;
    try {
      got = describe(parse(row.input, opts));
    } catch (const ParseError& e) {
      got = std::string("ERR ") + e.what();
    }
    CHECK(got == std::string(row.want));
  }
}

TEST_CASE("else with (Go 1.23) nests like else if") {
  // Expected values follow Go 1.23's parseControl: "{{else with}}" opens a with that shares
  // the outer {{end}}; in an if or a range it stays an error.
  const Row rows[] = {
      {"{{with .A}}a{{else with .B}}b{{end}}",
       "{{with .A}}a{{else}}{{with .B}}b{{end}}{{end}}"},
      {"{{with .A}}a{{else with .B}}b{{else}}c{{end}}",
       "{{with .A}}a{{else}}{{with .B}}b{{else}}c{{end}}{{end}}"},
      {"{{with .A}}a{{else with .B}}b{{else with .C}}c{{end}}",
       "{{with .A}}a{{else}}{{with .B}}b{{else}}{{with .C}}c{{end}}{{end}}{{end}}"},
      {"{{with $x := .A}}{{$x}}{{else with $y := .B}}{{$x}}{{$y}}{{end}}",
       "{{with $x := .A}}{{$x}}{{else}}{{with $y := .B}}{{$x}}{{$y}}{{end}}{{end}}"},
      {"{{with .A}}a{{- else with .B -}} b {{end}}",
       "{{with .A}}a{{else}}{{with .B}}b {{end}}{{end}}"},
      {"{{if .A}}a{{else with .B}}b{{end}}", "template: x:1: unexpected <with> in input"},
      {"{{range .A}}a{{else with .B}}b{{end}}", "template: x:1: unexpected <with> in input"},
      {"{{with .A}}a{{else with .B}}b{{end}}{{end}}", "template: x:1: unexpected {{end}}"},
      {"{{with .A}}a{{else with}}b{{end}}", "template: x:1: missing value for with"},
      {"{{with .A}}a{{else with .B}}{{$y}}{{end}}", "template: x:1: undefined variable \"$y\""},
  };
  for (const Row& row : rows) {
    const std::string captured_input = row.input;
    CAPTURE(captured_input);
    std::string got;
    try {
      got = parse(row.input)[0]->root->to_string();
    } catch (const ParseError& e) {
      got = e.what();
    }
    CHECK(got == std::string(row.want));
  }
}

TEST_CASE("number constants hold every exact interpretation") {
  struct NumRow {
    const char* text;
    const char* error;
    bool is_int, is_uint, is_float, is_complex;
    std::int64_t int64;
    std::uint64_t uint64;
    std::uint64_t float_bits, real_bits, imag_bits;
  };
  const NumRow rows[] = {
    {"0", "", true, true, true, false, 0LL, 0ULL, 0x0ULL, 0x0ULL, 0x0ULL},
    {"-0", "", true, true, true, false, 0LL, 0ULL, 0x0ULL, 0x0ULL, 0x0ULL},
    {"+0", "", true, true, true, false, 0LL, 0ULL, 0x0ULL, 0x0ULL, 0x0ULL},
    {"1", "", true, true, true, false, 1LL, 1ULL, 0x3ff0000000000000ULL, 0x0ULL, 0x0ULL},
    {"-1", "", true, false, true, false, -1LL, 0ULL, 0xbff0000000000000ULL, 0x0ULL, 0x0ULL},
    {"+1", "", true, false, true, false, 1LL, 0ULL, 0x3ff0000000000000ULL, 0x0ULL, 0x0ULL},
    {"42", "", true, true, true, false, 42LL, 42ULL, 0x4045000000000000ULL, 0x0ULL, 0x0ULL},
    {"-42", "", true, false, true, false, -42LL, 0ULL, 0xc045000000000000ULL, 0x0ULL, 0x0ULL},
    {"0x1F", "", true, true, true, false, 31LL, 31ULL, 0x403f000000000000ULL, 0x0ULL, 0x0ULL},
    {"0X1f", "", true, true, true, false, 31LL, 31ULL, 0x403f000000000000ULL, 0x0ULL, 0x0ULL},
    {"0o17", "", true, true, true, false, 15LL, 15ULL, 0x402e000000000000ULL, 0x0ULL, 0x0ULL},
    {"0O17", "", true, true, true, false, 15LL, 15ULL, 0x402e000000000000ULL, 0x0ULL, 0x0ULL},
    {"017", "", true, true, true, false, 15LL, 15ULL, 0x402e000000000000ULL, 0x0ULL, 0x0ULL},
    {"0b101", "", true, true, true, false, 5LL, 5ULL, 0x4014000000000000ULL, 0x0ULL, 0x0ULL},
    {"0B11", "", true, true, true, false, 3LL, 3ULL, 0x4008000000000000ULL, 0x0ULL, 0x0ULL},
    {"1_000", "", true, true, true, false, 1000LL, 1000ULL, 0x408f400000000000ULL, 0x0ULL, 0x0ULL},
    {"0x_1F", "", true, true, true, false, 31LL, 31ULL, 0x403f000000000000ULL, 0x0ULL, 0x0ULL},
    {"0b_1", "", true, true, true, false, 1LL, 1ULL, 0x3ff0000000000000ULL, 0x0ULL, 0x0ULL},
    {"0_7", "", true, true, true, false, 7LL, 7ULL, 0x401c000000000000ULL, 0x0ULL, 0x0ULL},
    {"1e3", "", true, true, true, false, 1000LL, 1000ULL, 0x408f400000000000ULL, 0x0ULL, 0x0ULL},
    {"1E3", "", true, true, true, false, 1000LL, 1000ULL, 0x408f400000000000ULL, 0x0ULL, 0x0ULL},
    {"1.5e-3", "", false, false, true, false, 0LL, 0ULL, 0x3f589374bc6a7efaULL, 0x0ULL, 0x0ULL},
    {"1.5e+3", "", true, true, true, false, 1500LL, 1500ULL, 0x4097700000000000ULL, 0x0ULL, 0x0ULL},
    {"0x1p-2", "", false, false, true, false, 0LL, 0ULL, 0x3fd0000000000000ULL, 0x0ULL, 0x0ULL},
    {"0x1.8p1", "", true, true, true, false, 3LL, 3ULL, 0x4008000000000000ULL, 0x0ULL, 0x0ULL},
    {".5", "", false, false, true, false, 0LL, 0ULL, 0x3fe0000000000000ULL, 0x0ULL, 0x0ULL},
    {"5.", "", true, true, true, false, 5LL, 5ULL, 0x4014000000000000ULL, 0x0ULL, 0x0ULL},
    {"1i", "", false, false, false, true, 0LL, 0ULL, 0x0ULL, 0x0ULL, 0x3ff0000000000000ULL},
    {"0i", "", true, true, true, true, 0LL, 0ULL, 0x0ULL, 0x0ULL, 0x0ULL},
    {"-0i", "", true, true, true, true, 0LL, 0ULL, 0x0ULL, 0x0ULL, 0x8000000000000000ULL},
    {"2.5i", "", false, false, false, true, 0LL, 0ULL, 0x0ULL, 0x0ULL, 0x4004000000000000ULL},
    {"1e3i", "", false, false, false, true, 0LL, 0ULL, 0x0ULL, 0x0ULL, 0x408f400000000000ULL},
    {"0x10i", "template: x:1: illegal number syntax: \"0x10i\"",
     false, false, false, false, 0, 0, 0, 0, 0},
    {"1+2i", "", false, false, false, true, 0LL, 0ULL, 0x0ULL, 0x3ff0000000000000ULL, 0x4000000000000000ULL},
    {"-1-2i", "", false, false, false, true, 0LL, 0ULL, 0x0ULL, 0xbff0000000000000ULL, 0xc000000000000000ULL},
    {"1.5+0i", "", false, false, true, true, 0LL, 0ULL, 0x3ff8000000000000ULL, 0x3ff8000000000000ULL, 0x0ULL},
    {"1e3-2.5i", "", false, false, false, true, 0LL, 0ULL, 0x0ULL, 0x408f400000000000ULL, 0xc004000000000000ULL},
    {"0x1p2+1i", "", false, false, false, true, 0LL, 0ULL, 0x0ULL, 0x4010000000000000ULL, 0x3ff0000000000000ULL},
    {"3+0i", "", true, true, true, true, 3LL, 3ULL, 0x4008000000000000ULL, 0x4008000000000000ULL, 0x0ULL},
    {"'a'", "", true, true, true, false, 97LL, 97ULL, 0x4058400000000000ULL, 0x0ULL, 0x0ULL},
    {"'\\n'", "", true, true, true, false, 10LL, 10ULL, 0x4024000000000000ULL, 0x0ULL, 0x0ULL},
    {"'\\x41'", "", true, true, true, false, 65LL, 65ULL, 0x4050400000000000ULL, 0x0ULL, 0x0ULL},
    {"'\\u00e9'", "", true, true, true, false, 233LL, 233ULL, 0x406d200000000000ULL, 0x0ULL, 0x0ULL},
    {"'\\U0001F600'", "", true, true, true, false, 128512LL, 128512ULL, 0x40ff600000000000ULL, 0x0ULL, 0x0ULL},
    {"'\\101'", "", true, true, true, false, 65LL, 65ULL, 0x4050400000000000ULL, 0x0ULL, 0x0ULL},
    {"'\303\251'", "", true, true, true, false, 233LL, 233ULL, 0x406d200000000000ULL, 0x0ULL, 0x0ULL},
    {"'\\''", "", true, true, true, false, 39LL, 39ULL, 0x4043800000000000ULL, 0x0ULL, 0x0ULL},
    {"18446744073709551615", "", false, true, true, false, 0LL, 18446744073709551615ULL, 0x43f0000000000000ULL, 0x0ULL, 0x0ULL},
    {"18446744073709551616", "template: x:1: integer overflow: \"18446744073709551616\"",
     false, false, false, false, 0, 0, 0, 0, 0},
    {"9223372036854775807", "", true, true, true, false, 9223372036854775807LL, 9223372036854775807ULL, 0x43e0000000000000ULL, 0x0ULL, 0x0ULL},
    {"9223372036854775808", "", false, true, true, false, 0LL, 9223372036854775808ULL, 0x43e0000000000000ULL, 0x0ULL, 0x0ULL},
    {"-9223372036854775808", "", true, false, true, false, -9223372036854775807LL - 1LL, 0ULL, 0xc3e0000000000000ULL, 0x0ULL, 0x0ULL},
    {"-9223372036854775809", "template: x:1: integer overflow: \"-9223372036854775809\"",
     false, false, false, false, 0, 0, 0, 0, 0},
    {"1e19", "", false, true, true, false, 0LL, 10000000000000000000ULL, 0x43e158e460913d00ULL, 0x0ULL, 0x0ULL},
    {"1e20", "", false, false, true, false, 0LL, 0ULL, 0x4415af1d78b58c40ULL, 0x0ULL, 0x0ULL},
    {"-1e19", "", false, false, true, false, 0LL, 0ULL, 0xc3e158e460913d00ULL, 0x0ULL, 0x0ULL},
    {"1e400", "template: x:1: illegal number syntax: \"1e400\"",
     false, false, false, false, 0, 0, 0, 0, 0},
    {"1e-400", "", true, true, true, false, 0LL, 0ULL, 0x0ULL, 0x0ULL, 0x0ULL},
    {"4e-324", "", false, false, true, false, 0LL, 0ULL, 0x1ULL, 0x0ULL, 0x0ULL},
    {"2e-324", "", true, true, true, false, 0LL, 0ULL, 0x0ULL, 0x0ULL, 0x0ULL},
    {"1.7976931348623157e308", "", false, false, true, false, 0LL, 0ULL, 0x7fefffffffffffffULL, 0x0ULL, 0x0ULL},
    {"1.7976931348623159e308", "template: x:1: illegal number syntax: \"1.7976931348623159e308\"",
     false, false, false, false, 0, 0, 0, 0, 0},
    {"123456789012345678901234567890.0", "", false, false, true, false, 0LL, 0ULL, 0x45f8ee90ff6c373eULL, 0x0ULL, 0x0ULL},
    {"0.1", "", false, false, true, false, 0LL, 0ULL, 0x3fb999999999999aULL, 0x0ULL, 0x0ULL},
    {"0.30000000000000004", "", false, false, true, false, 0LL, 0ULL, 0x3fd3333333333334ULL, 0x0ULL, 0x0ULL},
    {"3.0", "", true, true, true, false, 3LL, 3ULL, 0x4008000000000000ULL, 0x0ULL, 0x0ULL},
    {"-3.0", "", true, false, true, false, -3LL, 0ULL, 0xc008000000000000ULL, 0x0ULL, 0x0ULL},
    {"1_0.0_1", "", false, false, true, false, 0LL, 0ULL, 0x4024051eb851eb85ULL, 0x0ULL, 0x0ULL},
    {"1e1_0", "", true, true, true, false, 10000000000LL, 10000000000ULL, 0x4202a05f20000000ULL, 0x0ULL, 0x0ULL},
    {"0x1p1_0", "", true, true, true, false, 1024LL, 1024ULL, 0x4090000000000000ULL, 0x0ULL, 0x0ULL},
    {"1__0", "template: x:1: illegal number syntax: \"1__0\"",
     false, false, false, false, 0, 0, 0, 0, 0},
    {"_1", "template: x:1: function \"_1\" not defined",
     false, false, false, false, 0, 0, 0, 0, 0},
    {"089", "template: x:1: integer overflow: \"089\"",
     false, false, false, false, 0, 0, 0, 0, 0},
    {"08.9", "", false, false, true, false, 0LL, 0ULL, 0x4021cccccccccccdULL, 0x0ULL, 0x0ULL},
    {"0x", "template: x:1: illegal number syntax: \"0x\"",
     false, false, false, false, 0, 0, 0, 0, 0},
    {"0x1.8", "template: x:1: illegal number syntax: \"0x1.8\"",
     false, false, false, false, 0, 0, 0, 0, 0},
    {"09e1", "", true, true, true, false, 90LL, 90ULL, 0x4056800000000000ULL, 0x0ULL, 0x0ULL},
    {"0.0", "", true, true, true, false, 0LL, 0ULL, 0x0ULL, 0x0ULL, 0x0ULL},
    {"-0.0", "", true, true, true, false, 0LL, 0ULL, 0x8000000000000000ULL, 0x0ULL, 0x0ULL},
  };
  auto bits = [](double d) {
    std::uint64_t u;
    std::memcpy(&u, &d, sizeof u);
    return u;
  };
  for (const NumRow& row : rows) {
    const std::string captured_text = row.text;
    CAPTURE(captured_text);
    std::string text = std::string("{{print ") + row.text + "}}";
    auto trees = std::vector<std::unique_ptr<Tree>>();
    try {
      trees = parse_template("x", std::make_shared<const std::string>(text),
                             [](std::string_view n) { return n == "print"; });
    } catch (const ParseError& e) {
      CHECK(std::string(e.what()) == std::string(row.error));
      continue;
    }
    REQUIRE(std::string(row.error).empty());
    const auto& action = static_cast<const ActionNode&>(*trees[0]->root->nodes[0]);
    const Node& arg = *action.pipe->cmds[0]->args[1];
    REQUIRE(arg.type == NodeType::Number);
    const auto& n = static_cast<const NumberNode&>(arg);
    CHECK(n.text == std::string(row.text));
    CHECK(n.is_int == row.is_int);
    CHECK(n.is_uint == row.is_uint);
    CHECK(n.is_float == row.is_float);
    CHECK(n.is_complex == row.is_complex);
    CHECK(n.int64 == row.int64);
    CHECK(n.uint64 == row.uint64);
    CHECK(bits(n.float64) == row.float_bits);
    CHECK(bits(n.complex_real) == row.real_bits);
    CHECK(bits(n.complex_imag) == row.imag_bits);
  }
}

TEST_CASE("is_empty_tree as Go's IsEmptyTree") {
  struct EmptyRow {
    const char* input;
    bool comments;
    bool want;
  };
  const EmptyRow rows[] = {
      {"", false, true},
      {"hello", false, false},
      {" \t\n \t\n", false, true},
      {"{{/* comment */}}", false, true},
      {"{{/* comment */}}", true, true},
      {"{{define `x`}}something{{end}}", false, true},
      {"{{define `x`}}something{{end}}\n\n{{define `y`}}something{{end}}\n\n", false, true},
      {"{{define `x`}}something{{end}}\nx\n{{define `y`}}something{{end}}\ny\n", false, false},
      {"{{define `x`}}something{{end}}{{if 3}}foo{{end}}", false, false},
      {"{{.X}}", false, false},
      {"{{range .}}{{end}}", false, false},
      {"{{with .}}{{end}}", false, false},
      {"{{template `y`}}", false, false},
      {"\v\f\r\302\205\302\240\342\200\203\343\200\200", false, true},  // Unicode spaces
      {"\302", false, false},                                        // invalid UTF-8
  };
  for (const EmptyRow& row : rows) {
    const std::string captured_input = row.input;
    CAPTURE(captured_input);
    ParseOptions opts;
    opts.keep_comments = row.comments;
    auto trees = parse_template("top", std::make_shared<const std::string>(row.input), has_func, opts);
    CHECK(is_empty_tree(trees[0]->root.get()) == row.want);
  }
  CHECK(is_empty_tree(nullptr));
}

TEST_CASE("error_context gives Go's NAME:LINE:COL and node text") {
  // From Go 1.19's Tree.ErrorContext on the same template and nodes.
  const std::string text =
      "a\n  {{ .X.Y }}\n{{if .Z}}{{ $x := 1 }}{{end}}{{ (printf \"%d\" 3).Foo }}\303\251{{.W}}";
  auto trees = parse_template("nm", std::make_shared<const std::string>(text), has_func);
  const Tree& t = *trees[0];
  const auto& nodes = t.root->nodes;
  REQUIRE(nodes.size() == 7);
  auto ctx = [&](const Node& n) {
    auto [loc, context] = t.error_context(n);
    return loc + " " + context;
  };
  auto first_arg = [](const Node& n) -> const Node& {
    return *static_cast<const ActionNode&>(n).pipe->cmds[0]->args[0];
  };
  CHECK(ctx(*nodes[0]) == "nm:1:0 a\n  ");
  CHECK(ctx(*nodes[1]) == "nm:2:5 {{.X.Y}}");
  CHECK(ctx(first_arg(*nodes[1])) == "nm:2:7 .X.Y");  // a field chain starts at its 2nd field
  CHECK(ctx(*nodes[2]) == "nm:2:12 \n");
  CHECK(ctx(*nodes[3]) == "nm:3:5 {{if .Z}}{{$x := 1}}{{end}}");
  CHECK(ctx(*static_cast<const IfNode&>(*nodes[3]).list->nodes[0]) == "nm:3:12 {{$x := 1}}");
  CHECK(ctx(*nodes[4]) == "nm:3:32 {{(printf \"%d\" 3).Foo}}");
  CHECK(ctx(first_arg(*nodes[4])) == "nm:3:47 (printf \"%d\" 3).Foo");
  CHECK(ctx(*nodes[5]) == "nm:3:54 \303\251");
  CHECK(ctx(*nodes[6]) == "nm:3:58 {{.W}}");
  CHECK(ctx(first_arg(*nodes[6])) == "nm:3:58 .W");
  CHECK(t.line_col(0) == std::pair{1, 0});
  CHECK(t.line_col(2) == std::pair{2, 0});
}

TEST_CASE("ParseError keeps name and line structured") {
  try {
    parse_template("tpl.yaml", std::make_shared<const std::string>("a\nb\n{{ .X | | }}"), has_func);
    FAIL("no error");
  } catch (const ParseError& e) {
    CHECK(std::string(e.what()) == "template: tpl.yaml:3: unexpected \"|\" in command");
    CHECK(e.name == "tpl.yaml");
    CHECK(e.line == 3);
  }
}

TEST_CASE("node lines and positions for the executor") {
  auto trees = parse("a\n{{if .X}}\n{{range .Y}}{{break}}{{end}}{{template \"t\" .}}{{end}}");
  const auto& node = static_cast<const IfNode&>(*trees[0]->root->nodes[1]);
  CHECK(node.line == 2);
  CHECK(node.pos == 7);  // the pipeline, as Go records it
  const auto& range = static_cast<const RangeNode&>(*node.list->nodes[1]);
  CHECK(range.line == 3);
  const auto& brk = static_cast<const BreakNode&>(*range.list->nodes[0]);
  CHECK(brk.line == 3);
  CHECK(brk.pos == 26);
  const auto& tmpl = static_cast<const TemplateNode&>(*node.list->nodes[2]);
  CHECK(tmpl.name == "t");
  CHECK(tmpl.pos == 51);  // the name
  REQUIRE(tmpl.pipe != nullptr);
  CHECK(tmpl.pipe->to_string() == ".");
}

TEST_CASE("nesting depth is capped instead of overflowing the stack") {
  auto nested_parens = [](int n) {
    return "{{" + std::string(n, '(') + "1" + std::string(n, ')') + "}}";
  };
  auto nested_ifs = [](int n) {
    std::string s;
    for (int i = 0; i < n; i++) s += "{{if 1}}";
    for (int i = 0; i < n; i++) s += "{{end}}";
    return s;
  };
  // Go 1.20+ accepts 10000 nested parentheses and rejects 10001 with this message.
  CHECK(parse_error(nested_parens(10000)) == "no error");
  CHECK(parse_error(nested_parens(10001)) == "template: x:1: max expression depth exceeded");
  CHECK(parse_error("{{" + std::string(100000, '(')) == "template: x:1: max expression depth exceeded");
  // Go has no cap on control nesting; ours is far above real templates.
  CHECK(parse_error(nested_ifs(1000)) == "no error");
  CHECK(parse_error(nested_ifs(1001)) == "template: x:1: max control structure depth exceeded");
}
