// Lexer tests: input -> whole token list, as Go's text/template/parse lex_test.go does.
// Every expected token list was produced by Go 1.19's own lexer (lex.go run on the same
// input), printed as Type"value" with the value quoted like Go's %q; the position table
// adds @offset:line. Literal helpers (Unquote, Quote, %#U) are checked the same way.
#include <doctest/doctest.h>

#include <string>

#include "template/go_fmt.h"
#include "template/go_strconv.h"
#include "template/go_unicode.h"
#include "template/lexer.h"

using namespace sparkc::gotmpl;
using sparkc::Value;

namespace {

struct LexRow {
  const char* input;
  const char* left;
  const char* right;
  bool comments;
  const char* want;
};

std::string lex_to_string(const LexRow& row, bool with_positions) {
  Lexer lexer(row.input, LexOptions{row.left, row.right, row.comments});
  std::string out;
  for (const Token& t : lexer.tokens()) {
    if (!out.empty()) out += ' ';
    out += token_type_name(t.type);
    if (with_positions) out += "@" + std::to_string(t.pos) + ":" + std::to_string(t.line);
    out += go_quote(t.val);
  }
  return out;
}

}  // namespace

TEST_CASE("lexer produces Go's tokens") {
  const LexRow rows[] = {
    {"", "", "", false,
     R"~(Eof"")~"},
    {"now is the time", "", "", false,
     R"~(Text"now is the time" Eof"")~"},
    {"{{}}", "", "", false,
     R"~(LeftDelim"{{" RightDelim"}}" Eof"")~"},
    {"hello-{{/* this is a comment */}}-world", "", "", false,
     R"~(Text"hello-" Text"-world" Eof"")~"},
    {"hello-{{/* this is a comment */}}-world", "", "", true,
     R"~(Text"hello-" Comment"/* this is a comment */" Text"-world" Eof"")~"},
    {"{{/* unclosed", "", "", false,
     R"~(Error"unclosed comment")~"},
    {"{{/* c */ .X}}", "", "", false,
     R"~(Error"comment ends before closing delimiter")~"},
    {"{{,@% }}", "", "", false,
     R"~(LeftDelim"{{" Char"," Char"@" Char"%" Space" " RightDelim"}}" Eof"")~"},
    {"{{((3))}}", "", "", false,
     R"~(LeftDelim"{{" LeftParen"(" LeftParen"(" Number"3" RightParen")" RightParen")" RightDelim"}}" Eof"")~"},
    {"{{for}}", "", "", false,
     R"~(LeftDelim"{{" Identifier"for" RightDelim"}}" Eof"")~"},
    {"{{block}}{{break}}{{continue}}{{define}}{{else}}{{end}}{{if}}{{range}}{{nil}}{{template}}{{with}}", "", "", false,
     R"~(LeftDelim"{{" Block"block" RightDelim"}}" LeftDelim"{{" Break"break" RightDelim"}}" LeftDelim"{{" Continue"continue" RightDelim"}}" LeftDelim"{{" Define"define" RightDelim"}}" LeftDelim"{{" Else"else" RightDelim"}}" LeftDelim"{{" End"end" RightDelim"}}" LeftDelim"{{" If"if" RightDelim"}}" LeftDelim"{{" Range"range" RightDelim"}}" LeftDelim"{{" Nil"nil" RightDelim"}}" LeftDelim"{{" Template"template" RightDelim"}}" LeftDelim"{{" With"with" RightDelim"}}" Eof"")~"},
    {"{{\"abc \\n\\t\\\" \"}}", "", "", false,
     R"~(LeftDelim"{{" String"\"abc \\n\\t\\\" \"" RightDelim"}}" Eof"")~"},
    {"{{\"abc", "", "", false,
     R"~(LeftDelim"{{" Error"unterminated quoted string")~"},
    {"{{\"abc\n\"}}", "", "", false,
     R"~(LeftDelim"{{" Error"unterminated quoted string")~"},
    {"{{`abc\n\\t`}}", "", "", false,
     R"~(LeftDelim"{{" RawString"`abc\n\\t`" RightDelim"}}" Eof"")~"},
    {"{{`abc", "", "", false,
     R"~(LeftDelim"{{" Error"unterminated raw quoted string")~"},
    {"{{1 02 0x14 0X14 -7.2i 1e3 1E3 +1.2e-4 4.2i 1+2i 1_2 0x1.e_fp4 0X1.E_FP4}}", "", "", false,
     R"~(LeftDelim"{{" Number"1" Space" " Number"02" Space" " Number"0x14" Space" " Number"0X14" Space" " Number"-7.2i" Space" " Number"1e3" Space" " Number"1E3" Space" " Number"+1.2e-4" Space" " Number"4.2i" Space" " Complex"1+2i" Space" " Number"1_2" Space" " Number"0x1.e_fp4" Space" " Number"0X1.E_FP4" RightDelim"}}" Eof"")~"},
    {"{{0b101 0o17 0x_1f .5 5. 0i}}", "", "", false,
     R"~(LeftDelim"{{" Number"0b101" Space" " Number"0o17" Space" " Number"0x_1f" Space" " Number".5" Space" " Number"5." Space" " Number"0i" RightDelim"}}" Eof"")~"},
    {"{{3k}}", "", "", false,
     R"~(LeftDelim"{{" Error"bad number syntax: \"3k\"")~"},
    {"{{1+2}}", "", "", false,
     R"~(LeftDelim"{{" Error"bad number syntax: \"1+2\"")~"},
    {"{{'a' '\\n' '\\'' '\\\\' '\\u00FF' '\\xFF' '\346\234\254'}}", "", "", false,
     R"~(LeftDelim"{{" CharConstant"'a'" Space" " CharConstant"'\\n'" Space" " CharConstant"'\\''" Space" " CharConstant"'\\\\'" Space" " CharConstant"'\\u00FF'" Space" " CharConstant"'\\xFF'" Space" " CharConstant"'本'" RightDelim"}}" Eof"")~"},
    {"{{'a}}", "", "", false,
     R"~(LeftDelim"{{" Error"unterminated character constant")~"},
    {"{{'\n'}}", "", "", false,
     R"~(LeftDelim"{{" Error"unterminated character constant")~"},
    {"{{true false}}", "", "", false,
     R"~(LeftDelim"{{" Bool"true" Space" " Bool"false" RightDelim"}}" Eof"")~"},
    {"{{.}}", "", "", false,
     R"~(LeftDelim"{{" Dot"." RightDelim"}}" Eof"")~"},
    {"{{nil}}", "", "", false,
     R"~(LeftDelim"{{" Nil"nil" RightDelim"}}" Eof"")~"},
    {"{{.x . .2 .x.y.z}}", "", "", false,
     R"~(LeftDelim"{{" Field".x" Space" " Dot"." Space" " Number".2" Space" " Field".x" Field".y" Field".z" RightDelim"}}" Eof"")~"},
    {"{{$c := printf $ $hello $23 $ $var.Field .Method}}", "", "", false,
     R"~(LeftDelim"{{" Variable"$c" Space" " Declare":=" Space" " Identifier"printf" Space" " Variable"$" Space" " Variable"$hello" Space" " Variable"$23" Space" " Variable"$" Space" " Variable"$var" Field".Field" Space" " Field".Method" RightDelim"}}" Eof"")~"},
    {"{{$x = 3}}", "", "", false,
     R"~(LeftDelim"{{" Variable"$x" Space" " Assign"=" Space" " Number"3" RightDelim"}}" Eof"")~"},
    {"{{$x : 3}}", "", "", false,
     R"~(LeftDelim"{{" Variable"$x" Space" " Error"expected :=")~"},
    {"{{$x+2}}", "", "", false,
     R"~(LeftDelim"{{" Error"bad character U+002B '+'")~"},
    {"{{.X#}}", "", "", false,
     R"~(LeftDelim"{{" Error"bad character U+0023 '#'")~"},
    {"{{$x|printf}}", "", "", false,
     R"~(LeftDelim"{{" Variable"$x" Pipe"|" Identifier"printf" RightDelim"}}" Eof"")~"},
    {"{{range $i, $e := .}}", "", "", false,
     R"~(LeftDelim"{{" Range"range" Space" " Variable"$i" Char"," Space" " Variable"$e" Space" " Declare":=" Space" " Dot"." RightDelim"}}" Eof"")~"},
    {"{{.X|.Y}}", "", "", false,
     R"~(LeftDelim"{{" Field".X" Pipe"|" Field".Y" RightDelim"}}" Eof"")~"},
    {"{{ \t \n }}", "", "", false,
     R"~(LeftDelim"{{" Space" \t \n " RightDelim"}}" Eof"")~"},
    {"{{ .X \n\n .Y }}", "", "", false,
     R"~(LeftDelim"{{" Space" " Field".X" Space" \n\n " Field".Y" Space" " RightDelim"}}" Eof"")~"},
    {"{{3}}\n{{- 4 -}}\n  x", "", "", false,
     R"~(LeftDelim"{{" Number"3" RightDelim"}}" LeftDelim"{{" Number"4" RightDelim"}}" Text"x" Eof"")~"},
    {"{{- 3}}", "", "", false,
     R"~(LeftDelim"{{" Number"3" RightDelim"}}" Eof"")~"},
    {"{{-3}}", "", "", false,
     R"~(LeftDelim"{{" Number"-3" RightDelim"}}" Eof"")~"},
    {"{{3 -}}", "", "", false,
     R"~(LeftDelim"{{" Number"3" RightDelim"}}" Eof"")~"},
    {"{{3-}}", "", "", false,
     R"~(LeftDelim"{{" Error"bad number syntax: \"3-\"")~"},
    {"{{ 3  -}}", "", "", false,
     R"~(LeftDelim"{{" Space" " Number"3" Space" " RightDelim"}}" Eof"")~"},
    {"{{ - }}", "", "", false,
     R"~(LeftDelim"{{" Space" " Number"-" Space" " RightDelim"}}" Eof"")~"},
    {"x  \n{{- /* hi */ -}}\n  y", "", "", false,
     R"~(Text"x" Text"y" Eof"")~"},
    {"x  \n{{- /* hi */ -}}\n  y", "", "", true,
     R"~(Text"x" Comment"/* hi */" Text"y" Eof"")~"},
    {"{{/* c */x}}", "", "", false,
     R"~(Error"comment ends before closing delimiter")~"},
    {"{{.X", "", "", false,
     R"~(LeftDelim"{{" Field".X" Error"unclosed action")~"},
    {"{{.X\n\n", "", "", false,
     R"~(LeftDelim"{{" Field".X" Space"\n\n" Error"unclosed action")~"},
    {"{{(3}}", "", "", false,
     R"~(LeftDelim"{{" LeftParen"(" Number"3" Error"unclosed left paren")~"},
    {"{{3)}}", "", "", false,
     R"~(LeftDelim"{{" Number"3" RightParen")" Error"unexpected right paren U+0029 ')'")~"},
    {"{{3))}}", "", "", false,
     R"~(LeftDelim"{{" Number"3" RightParen")" Error"unexpected right paren U+0029 ')'")~"},
    {"{{\001}}", "", "", false,
     R"~(LeftDelim"{{" Error"unrecognized character in action: U+0001")~"},
    {"{{\342\202\254}}", "", "", false,
     R"~(LeftDelim"{{" Error"unrecognized character in action: U+20AC '€'")~"},
    {"{{.\303\251t\303\251 \331\241\331\242 \303\251}}", "", "", false,
     R"~(LeftDelim"{{" Field".été" Space" " Identifier"١٢" Space" " Identifier"é" RightDelim"}}" Eof"")~"},
    {"{{.X\342\202\254}}", "", "", false,
     R"~(LeftDelim"{{" Error"bad character U+20AC '€'")~"},
    {"$$.X$$ $$- .Y -$$ z", "$$", "$$", false,
     R"~(LeftDelim"$$" Field".X" RightDelim"$$" LeftDelim"$$" Field".Y" RightDelim"$$" Text"z" Eof"")~"},
    {"<<.X>>{{.Y}}<<- /* c */ ->>z", "<<", ">>", true,
     R"~(LeftDelim"<<" Field".X" RightDelim">>" Text"{{.Y}}" Comment"/* c */" Text"z" Eof"")~"},
    {"a\n{{.X}}\nb{{/*\n\n*/}}\nc{{.Y}}", "", "", false,
     R"~(Text"a\n" LeftDelim"{{" Field".X" RightDelim"}}" Text"\nb" Text"\nc" LeftDelim"{{" Field".Y" RightDelim"}}" Eof"")~"},
    {"a\n{{.X}}\nb{{/*\n\n*/}}\nc{{.Y}}", "", "", true,
     R"~(Text"a\n" LeftDelim"{{" Field".X" RightDelim"}}" Text"\nb" Comment"/*\n\n*/" Text"\nc" LeftDelim"{{" Field".Y" RightDelim"}}" Eof"")~"},
  };
  for (const LexRow& row : rows) {
    const std::string captured_input = row.input;
    CAPTURE(captured_input);
    CHECK(lex_to_string(row, false) == std::string(row.want));
  }
}

TEST_CASE("lexer positions and line numbers follow Go") {
  // Includes Go's quirk: with comments kept, the newlines inside a comment are not counted.
  const LexRow rows[] = {
    {"hello-{{/* this is a comment */}}-world", "", "", true,
     R"~(Text@0:1"hello-" Comment@8:1"/* this is a comment */" Text@33:1"-world" Eof@39:1"")~"},
    {"{{\"abc\n\"}}", "", "", false,
     R"~(LeftDelim@0:1"{{" Error@2:1"unterminated quoted string")~"},
    {"{{`abc\n\\t`}}", "", "", false,
     R"~(LeftDelim@0:1"{{" RawString@2:1"`abc\n\\t`" RightDelim@10:2"}}" Eof@12:2"")~"},
    {"{{'\n'}}", "", "", false,
     R"~(LeftDelim@0:1"{{" Error@2:1"unterminated character constant")~"},
    {"{{ \t \n }}", "", "", false,
     R"~(LeftDelim@0:1"{{" Space@2:1" \t \n " RightDelim@7:2"}}" Eof@9:2"")~"},
    {"{{ .X \n\n .Y }}", "", "", false,
     R"~(LeftDelim@0:1"{{" Space@2:1" " Field@3:1".X" Space@5:1" \n\n " Field@9:3".Y" Space@11:3" " RightDelim@12:3"}}" Eof@14:3"")~"},
    {"{{3}}\n{{- 4 -}}\n  x", "", "", false,
     R"~(LeftDelim@0:1"{{" Number@2:1"3" RightDelim@3:1"}}" LeftDelim@6:2"{{" Number@10:2"4" RightDelim@13:2"}}" Text@18:3"x" Eof@19:3"")~"},
    {"x  \n{{- /* hi */ -}}\n  y", "", "", false,
     R"~(Text@0:1"x" Text@23:3"y" Eof@24:3"")~"},
    {"x  \n{{- /* hi */ -}}\n  y", "", "", true,
     R"~(Text@0:1"x" Comment@8:2"/* hi */" Text@23:3"y" Eof@24:3"")~"},
    {"{{.X\n\n", "", "", false,
     R"~(LeftDelim@0:1"{{" Field@2:1".X" Space@4:1"\n\n" Error@6:3"unclosed action")~"},
    {"<<.X>>{{.Y}}<<- /* c */ ->>z", "<<", ">>", true,
     R"~(LeftDelim@0:1"<<" Field@2:1".X" RightDelim@4:1">>" Text@6:1"{{.Y}}" Comment@16:1"/* c */" Text@27:1"z" Eof@28:1"")~"},
    {"a\n{{.X}}\nb{{/*\n\n*/}}\nc{{.Y}}", "", "", false,
     R"~(Text@0:1"a\n" LeftDelim@2:2"{{" Field@4:2".X" RightDelim@6:2"}}" Text@8:2"\nb" Text@20:5"\nc" LeftDelim@22:6"{{" Field@24:6".Y" RightDelim@26:6"}}" Eof@28:6"")~"},
    {"a\n{{.X}}\nb{{/*\n\n*/}}\nc{{.Y}}", "", "", true,
     R"~(Text@0:1"a\n" LeftDelim@2:2"{{" Field@4:2".X" RightDelim@6:2"}}" Text@8:2"\nb" Comment@12:3"/*\n\n*/" Text@20:3"\nc" LeftDelim@22:4"{{" Field@24:4".Y" RightDelim@26:4"}}" Eof@28:4"")~"},
  };
  for (const LexRow& row : rows) {
    const std::string captured_input = row.input;
    CAPTURE(captured_input);
    CHECK(lex_to_string(row, true) == std::string(row.want));
  }
}

TEST_CASE("the token list always ends with one Eof or Error") {
  for (const char* input : {"", "x", "{{", "{{.X}}", "{{\"", "a{{/*"}) {
    CAPTURE(input);
    Lexer lexer(input);
    REQUIRE(!lexer.tokens().empty());
    TokenType last = lexer.tokens().back().type;
    CHECK((last == TokenType::Eof || last == TokenType::Error));
  }
}

TEST_CASE("tokens print as Go's item.String in parse errors") {
  struct Row {
    Token token;
    const char* want;
  };
  const Row rows[] = {
      {{TokenType::Eof, 0, 1, ""}, "EOF"},
      {{TokenType::Error, 0, 1, "unclosed action"}, "unclosed action"},
      {{TokenType::If, 0, 1, "if"}, "<if>"},
      {{TokenType::Dot, 0, 1, "."}, "<.>"},
      {{TokenType::Field, 0, 1, ".X"}, "\".X\""},
      {{TokenType::Text, 0, 1, "0123456789"}, "\"0123456789\""},
      {{TokenType::Text, 0, 1, "0123456789a"}, "\"0123456789\"..."},
      {{TokenType::Text, 0, 1, "\303\251\303\251\303\251\303\251\303\251\303\251x"}, "\"\303\251\303\251\303\251\303\251\303\251\303\251x\"..."},  // 13 bytes
      {{TokenType::Text, 0, 1, "\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251"},
       "\"\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\"..."},
      {{TokenType::Text, 0, 1, "a\nb"}, "\"a\\nb\""},
  };
  for (const Row& row : rows) {
    const std::string captured_want = row.want;
    CAPTURE(captured_want);
    CHECK(token_to_string(row.token) == std::string(row.want));
  }
}

TEST_CASE("go_unquote matches strconv.Unquote") {
  struct Row {
    const char* in;
    bool ok;
    const char* want;
  };
  const Row rows[] = {
    {"\"abc\"", true, "abc"},
    {"\"\"", true, ""},
    {"\"a\\nb\\t\\\"c\\\\\"", true, "a\nb\011\"c\\"},
    {"\"\\x41\\101\\u00e9\\U0001F600\"", true, "AA\303\251\360\237\230\200"},
    {"\"\\xff\"", true, "\377"},
    {"\"\377\"", true, "\357\277\275"},
    {"\"\\q\"", false, ""},
    {"\"\\400\"", false, ""},
    {"\"\\ud800\"", false, ""},
    {"\"\\U00110000\"", false, ""},
    {"`raw\\n`", true, "raw\\n"},
    {"`a\015\nb`", true, "a\nb"},
    {"`a`b`", false, ""},
    {"'a'", true, "a"},
    {"'ab'", false, ""},
    {"''", true, ""},
    {"\"a\"b\"", false, ""},
    {"\"a", false, ""},
    {"a\"", false, ""},
    {"\"a\nb\"", false, ""},
    {"\"\\'\"", false, ""},
    {"'\\\"'", false, ""},
    {"'\\''", true, "'"},
    {"'\377'", true, "\357\277\275"},
    {"\"\303\251\"", true, "\303\251"},
    {"'\303\251'", true, "\303\251"},
    {"\"\\x\"", false, ""},
    {"\"\\u12\"", false, ""},
    {"x", false, ""},
  };
  for (const Row& row : rows) {
    const std::string captured_in = row.in;
    CAPTURE(captured_in);
    std::optional<std::string> got = go_unquote(row.in);
    CHECK(got.has_value() == row.ok);
    if (got) CHECK(*got == std::string(row.want));
  }
}

TEST_CASE("go_quote matches strconv.Quote") {
  struct Row {
    const char* in;
    const char* want;
  };
  const Row rows[] = {
    {"abc", "\"abc\""},
    {"", "\"\""},
    {"a\"b\\c", "\"a\\\"b\\\\c\""},
    {"\n\011\015\007\010\014\013", "\"\\n\\t\\r\\a\\b\\f\\v\""},
    {"\037\177", "\"\\x1f\\x7f\""},
    {"\303\251\342\202\254\360\237\230\200", "\"\303\251\342\202\254\360\237\230\200\""},
    {"\377", "\"\\xff\""},
    {"a\303", "\"a\\xc3\""},
    {"\302\255\342\200\250\357\273\277", "\"\\u00ad\\u2028\\ufeff\""},
    {"\363\240\200\201", "\"\\U000e0001\""},
    {"\302\240", "\"\\u00a0\""},
  };
  for (const Row& row : rows) {
    const std::string captured_want = row.want;
    CAPTURE(captured_want);
    CHECK(go_quote(row.in) == std::string(row.want));
  }
  // An embedded NUL byte needs an explicit length.
  CHECK(go_quote(std::string_view("a\0b", 3)) == "\"a\\x00b\"");
}

TEST_CASE("%#U names runes as the lexer's errors do") {
  struct Row {
    char32_t r;
    const char* want;
  };
  const Row rows[] = {
    {0x41, "U+0041 'A'"},
    {0x0, "U+0000"},
    {0x7F, "U+007F"},
    {0xE9, "U+00E9 '\303\251'"},
    {0x20AC, "U+20AC '\342\202\254'"},
    {0x1F600, "U+1F600 '\360\237\230\200'"},
    {0xFFFD, "U+FFFD '\357\277\275'"},
    {0x10FFFF, "U+10FFFF"},
    {0x2028, "U+2028"},
  };
  for (const Row& row : rows) {
    const std::string captured_want = row.want;
    CAPTURE(captured_want);
    Value v = Value::integer(row.r);
    CHECK(go_sprintf("%#U", std::span<const Value>(&v, 1)) == std::string(row.want));
  }
}

TEST_CASE("utf8_decode rejects what Go's utf8 rejects") {
  struct Row {
    std::string_view in;
    char32_t rune;
    std::size_t width;
  };
  const Row rows[] = {
      {"", kRuneError, 0},
      {"a", 'a', 1},
      {"\303\251", 0xE9, 2},
      {"\342\202\254", 0x20AC, 3},
      {"\360\237\230\200", 0x1F600, 4},
      {"\377", kRuneError, 1},
      {"\303(", kRuneError, 1},
      {"\300\200", kRuneError, 1},      // overlong
      {"\355\240\200", kRuneError, 1},  // surrogate
      {"\364\220\200\200", kRuneError, 1},  // above U+10FFFF
      {"\342\202", kRuneError, 1},      // truncated
  };
  for (const Row& row : rows) {
    CAPTURE(row.rune);
    DecodedRune d = utf8_decode(row.in);
    CHECK(d.rune == row.rune);
    CHECK(d.size == row.width);
  }
}
