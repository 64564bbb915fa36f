// Prints the rows of tests/template/go_fmt_test.cpp: each case run through Go 1.19 fmt and
// strconv, with its operands spelled as C++ Values. Run in GOPATH mode:
//
//	GO111MODULE=off go run .
package main

import (
	"fmt"
	"strconv"
	"strings"
)

func main() {
	for _, c := range fmtCases() {
		parts := []string{}
		for _, a := range c.args {
			parts = append(parts, cppVal(a))
		}
		fmt.Printf("    {%s, {%s}, %s},\n", cppStr(c.f), strings.Join(parts, ", "), cppStr(fmt.Sprintf(c.f, c.args...)))
	}
	fmt.Println("// SPRINT")
	for _, a := range printCases() {
		parts := []string{}
		for _, x := range a {
			parts = append(parts, cppVal(x))
		}
		fmt.Printf("    {{%s}, %s, %s},\n", strings.Join(parts, ", "), cppStr(fmt.Sprint(a...)), cppStr(fmt.Sprintln(a...)))
	}
	fmt.Println("// FLOAT")
	for _, c := range floatCases() {
		fmt.Printf("    {%s, '%c', %d, %s},\n", cppFloat(c.v), c.f, c.p, cppStr(strconv.FormatFloat(c.v, c.f, c.p, 64)))
	}
}
