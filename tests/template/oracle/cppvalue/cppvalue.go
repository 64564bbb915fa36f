// Package cppvalue spells Go values as C++ sparkc::Value literals, so that the oracle
// programs beside it (fmt/, builtins/) can print test rows the C++ tables include verbatim.
// Shared through a local import: the programs run in GOPATH mode outside any GOPATH.
package cppvalue

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

var _ = strconv.Itoa

func Str(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c >= 0x20 && c < 0x7f:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "\\%03o", c)
		}
	}
	b.WriteString("\"s")
	return b.String()
}

func Float(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "kInf"
	case math.IsInf(f, -1):
		return "-kInf"
	case math.IsNaN(f):
		return "kNaN"
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eE") {
		s += ".0"
	}
	return s
}

func Val(v interface{}) string {
	switch x := v.(type) {
	case nil:
		return "Value()"
	case bool:
		return fmt.Sprintf("Value(%v)", x)
	case int:
		return fmt.Sprintf("Value::integer(%d)", x)
	case int64:
		if x == math.MinInt64 {
			return "Value::int64(std::numeric_limits<std::int64_t>::min())"
		}
		return fmt.Sprintf("Value::int64(%dLL)", x)
	case uint64:
		return fmt.Sprintf("Value::uint64(%dULL)", x)
	case float64:
		return "Value::float64(" + Float(x) + ")"
	case string:
		return "Value(" + Str(x) + ")"
	case []byte:
		return "Value::bytes(" + Str(string(x)) + ")"
	case []interface{}:
		return "Value::list(" + List(x) + ")"
	case []string:
		l := []interface{}{}
		for _, e := range x {
			l = append(l, e)
		}
		return "Value::list(" + List(l) + ", ElemType::String)"
	case []int:
		l := []interface{}{}
		for _, e := range x {
			l = append(l, e)
		}
		return "Value::list(" + List(l) + ", ElemType::Int)"
	case map[string]interface{}:
		return "Value::map(" + Map(x) + ")"
	case map[string]string:
		m := map[string]interface{}{}
		for k, e := range x {
			m[k] = e
		}
		return "Value::map(" + Map(m) + ", ElemType::String)"
	}
	panic(fmt.Sprintf("type %T", v))
}

func List(l []interface{}) string {
	parts := []string{}
	for _, e := range l {
		parts = append(parts, Val(e))
	}
	return "List{" + strings.Join(parts, ", ") + "}"
}

func Map(m map[string]interface{}) string {
	keys := []string{}
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := []string{}
	for _, k := range keys {
		parts = append(parts, "{"+Str(k)+", "+Val(m[k])+"}")
	}
	return "Map{" + strings.Join(parts, ", ") + "}"
}

func Args(a ...interface{}) []interface{} { return a }

type L = []interface{}
type M = map[string]interface{}
