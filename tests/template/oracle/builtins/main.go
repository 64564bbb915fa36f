// Prints the rows of tests/template/builtins_test.cpp: each builtin called from a Go 1.19
// template on data of the same Go types, its result shown as printf "%T|%#v" or its error.
// gen.go binds the C++ value spelling of ../cppvalue. Run: GO111MODULE=off go run .
package main

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"text/template"
)

type bc struct {
	name string
	args []interface{}
}

func a(v ...interface{}) []interface{} { return v }

func cases() []bc {
	l3 := L{"a", "b", "c"}
	m := M{"a": 1, "n": nil, "sub": M{"b": "deep"}}
	return []bc{
		{"and", a(1, 0, 2)}, {"and", a(1, 2)}, {"and", a(nil, 1)}, {"and", a("x")}, {"or", a(0, "", 3, 4)},
		{"or", a(0, "")}, {"or", a(L{}, M{"k": 1})}, {"and", a(true, L{1})},
		{"not", a(0)}, {"not", a(1)}, {"not", a("")}, {"not", a(nil)}, {"not", a(L{})}, {"not", a(M{"a": 1})}, {"not", a(0.0)},
		{"len", a("héllo")}, {"len", a(L{1, 2})}, {"len", a(M{"a": 1})}, {"len", a([]byte("abc"))}, {"len", a(3)},
		{"len", a(nil)}, {"len", a(2.5)}, {"len", a(true)},
		{"index", a(l3, 1)}, {"index", a(l3, 5)}, {"index", a(l3, 3)}, {"index", a(l3, -1)}, {"index", a(l3, nil)},
		{"index", a(l3, "a")}, {"index", a(l3, 1.0)}, {"index", a(l3, int64(2))}, {"index", a(l3, uint64(0))},
		{"index", a(l3)}, {"index", a(m, "a")}, {"index", a(m, "zz")}, {"index", a(m, "n")}, {"index", a(m, 1)},
		{"index", a(m, nil)}, {"index", a(m, "sub", "b")}, {"index", a(m, "zz", "b")}, {"index", a(m, "a", 0)},
		{"index", a(nil, 1)}, {"index", a(nil)}, {"index", a("abc", 1)}, {"index", a("abc", 3)}, {"index", a(5, 1)},
		{"index", a(map[string]string{"k": "v"}, "zz")}, {"index", a(L{L{1, 2}}, 0, 1)}, {"index", a([]byte("hi"), 0)},
		{"index", a(true, 0)}, {"index", a(L{nil}, 0)},
		{"slice", a(l3, 1)}, {"slice", a(l3, 1, 2)}, {"slice", a(l3, 0, 1, 2)}, {"slice", a(l3)}, {"slice", a("abc", 1, 2)},
		{"slice", a("abc", 1)}, {"slice", a("abc", 1, 2, 3)}, {"slice", a(l3, 2, 1)}, {"slice", a(l3, 5)}, {"slice", a(nil, 1)},
		{"slice", a(5, 1)}, {"slice", a(l3, 1, 2, 3, 4)}, {"slice", a(l3, 0, 2, 1)}, {"slice", a(l3, 3)}, {"slice", a(l3, "x")}, {"slice", a(l3, 1.5)},
		{"slice", a([]byte("hey"), 1)}, {"slice", a(l3, 1, 1)}, {"slice", a(l3, 0, 3, 3)},
		{"eq", a(1, 1)}, {"eq", a(1, 2, 3, 1)}, {"eq", a(1, 2, 3)}, {"eq", a(1, int64(1))}, {"eq", a(1, 1.0)},
		{"eq", a("a", "a")}, {"eq", a("a", 1)}, {"eq", a(nil, nil)}, {"eq", a(1, nil)}, {"eq", a(nil, 1)}, {"eq", a(true, true)},
		{"eq", a(L{1}, L{1})}, {"eq", a(M{"a": 1}, M{"a": 1})}, {"eq", a(L{1}, M{"a": 1})}, {"eq", a(1)},
		{"eq", a(uint64(1), 1)}, {"eq", a(-1, uint64(18446744073709551615))}, {"eq", a(2.5, 2.5)}, {"eq", a(L{1}, nil)},
		{"eq", a(nil, L{1})}, {"eq", a([]byte("a"), []byte("a"))}, {"eq", a(1, 2, "x")}, {"eq", a(1, 1, "x")}, {"eq", a(int64(5), 5)},
		{"eq", a("a", nil)}, {"eq", a(1.5, 1)}, {"eq", a(true, 1)},
		{"ne", a(1, 2)}, {"ne", a(1, 1)}, {"ne", a(1, "a")}, {"ne", a(nil, nil)}, {"ne", a("a", "b")},
		{"lt", a(1, 2)}, {"lt", a(2, 1)}, {"lt", a(1.5, 2.5)}, {"lt", a("a", "b")}, {"lt", a(1, 2.0)}, {"lt", a(true, false)},
		{"lt", a(nil, 1)}, {"lt", a(1, nil)}, {"lt", a(L{}, L{})}, {"lt", a(int64(1), 2)}, {"lt", a(-1, uint64(1))},
		{"lt", a(uint64(1), -1)}, {"lt", a(uint64(1), 2)},
		{"le", a(2, 2)}, {"le", a(3, 2)}, {"le", a("a", 1)}, {"le", a(1.0, 1.0)},
		{"gt", a(3, 2)}, {"gt", a(2, 2)}, {"gt", a("b", "a")}, {"gt", a(1, "a")}, {"gt", a(nil, nil)},
		{"ge", a(2, 3)}, {"ge", a(2, 2)}, {"ge", a(2.5, 1.0)}, {"ge", a(true, true)},
		{"print", a(1, 2, "a", nil, 2.5)}, {"print", a()}, {"printf", a("%d-%s|%v", 1, "a")}, {"printf", a("%d")},
		{"println", a(1, "a", nil)}, {"println", a()},
		{"html", a("<a href=\"x\">'&'</a>\x00")}, {"html", a(1, "<")}, {"html", a(nil)}, {"html", a("plain")}, {"html", a(L{"<"})},
		{"js", a("a'b\"c<>&=\\\n\t\u2028é\x01\x7f")}, {"js", a("bad\xffbyte")}, {"js", a(1, "<")}, {"js", a("plain")},
		{"urlquery", a("a b&c=d/é~-_.*")}, {"urlquery", a(1, 2)}, {"urlquery", a("x", "y")}, {"urlquery", a(M{"k": "v w"})},
		{"call", a(1)}, {"call", a(nil)}, {"call", a("x", 1)},
	}
}

func main() {
	_ = math.Pi
	for _, c := range cases() {
		data := map[string]interface{}{}
		refs := []string{}
		parts := []string{}
		for i, arg := range c.args {
			k := fmt.Sprintf("a%d", i)
			data[k] = arg
			if c.name == "slice" && i > 0 {
				// Go 1.19's slice does not unwrap interface indexes, so pass literals as templates do.
				refs = append(refs, fmt.Sprintf("%#v", arg))
			} else {
				refs = append(refs, "."+k)
			}
			parts = append(parts, cppVal(arg))
		}
		src := fmt.Sprintf(`{{ $x := (%s %s) }}{{ printf "%%T|%%#v" $x $x }}`, c.name, strings.Join(refs, " "))
		t := template.Must(template.New("t").Parse(src))
		var b bytes.Buffer
		err := t.Execute(&b, data)
		want, werr := b.String(), ""
		if err != nil {
			msg := err.Error()
			k := strings.Index(msg, "error calling "+c.name+": ")
			if k < 0 {
				panic(msg)
			}
			want, werr = "", msg[k+len("error calling "+c.name+": "):]
		}
		fmt.Printf("    {%s, {%s}, %s, %s},\n", cppStr(c.name), strings.Join(parts, ", "), cppStr(want), cppStr(werr))
	}
}
