package main

import "math"

type fc struct {
	f    string
	args []interface{}
}

func fmtCases() []fc {
	inf := math.Inf(1)
	nan := math.NaN()
	return []fc{
		// %v on every type
		{"%v", args(nil)}, {"%v", args(true)}, {"%v", args(42)}, {"%v", args(int64(-7))},
		{"%v", args(uint64(18446744073709551615))}, {"%v", args(3.5)}, {"%v", args(1e6)},
		{"%v", args(100000.0)}, {"%v", args(1234567.0)}, {"%v", args(1e-5)}, {"%v", args(0.0001)},
		{"%v", args(1e21)}, {"%v", args(1e20)}, {"%v", args(inf)}, {"%v", args(-inf)}, {"%v", args(nan)},
		{"%v", args(math.Copysign(0, -1))}, {"%v", args(0.1 + 0.2)}, {"%v", args(2.0)},
		{"%v", args(math.MaxFloat64)}, {"%v", args(5e-324)}, {"%v", args("hi")}, {"%v", args([]byte("hi"))},
		{"%v", args(L{"a", 1, nil, 2.5, true})}, {"%v", args(L{})}, {"%v", args(M{})},
		{"%v", args(M{"b": 2, "a": 1, "c": L{1, M{"x": nil}}})}, {"%v", args([]string{"a", "b"})},
		{"%v", args(map[string]string{"k": "v"})}, {"%v", args(L{[]byte("x"), L{}})},
		{"%+v", args(M{"a": 1})}, {"%+v", args(L{"a", nil})},
		// %#v
		{"%#v", args(nil)}, {"%#v", args(true)}, {"%#v", args(42)}, {"%#v", args(int64(42))},
		{"%#v", args(uint64(42))}, {"%#v", args(1.0)}, {"%#v", args(3.5)}, {"%#v", args(1e6)}, {"%#v", args(1e-7)},
		{"%#v", args("a\"b\n")}, {"%#v", args([]byte("hi"))}, {"%#v", args([]byte{})},
		{"%#v", args(L{1, "a", nil, 2.5, L{}, M{}})}, {"%#v", args(M{"a": 1, "b": "x", "c": nil})},
		{"%#v", args([]string{"a"})}, {"%#v", args(map[string]string{"k": "v"})}, {"%#v", args(L{[]byte("a")})},
		{"%#v", args(inf)}, {"%#v", args(nan)}, {"%#v", args([]int{1, 2})},
		// %T
		{"%T", args(nil)}, {"%T", args(1)}, {"%T", args(int64(1))}, {"%T", args(uint64(1))}, {"%T", args(1.5)},
		{"%T", args("s")}, {"%T", args(true)}, {"%T", args([]byte("a"))}, {"%T", args(L{})}, {"%T", args(M{})},
		{"%T", args([]string{})}, {"%T", args(map[string]string{})}, {"%10T|%-8T|%.3T", args(1, "x", 2.0)},
		// integers
		{"%d", args(42)}, {"%d", args(-42)}, {"%5d|%-5d|%05d", args(42, 42, -42)}, {"%+d|% d|%+d", args(5, 5, -5)},
		{"%.3d|%.0d|%5.0d|%08.3d", args(7, 0, 0, 7)}, {"%x|%X|%#x|%#X", args(255, 255, 255, 255)},
		{"%o|%#o|%O|%b|%#b", args(8, 8, 8, 5, 5)}, {"%x", args(-255)}, {"%d", args(int64(math.MinInt64))},
		{"%b", args(int64(math.MinInt64))}, {"%x", args(uint64(18446744073709551615))}, {"%#o", args(0)},
		{"%c|%c|%c", args(65, 0x4E16, 0x1F600)}, {"%c", args(-1)}, {"%c", args(0xD800)},
		{"%q|%q|%q|%q", args(65, int('\''), int('\n'), 0x7f)}, {"%+q|%q", args(0x4E16, 0x10FFFF)}, {"%q", args(0x110000)},
		{"%U|%#U|%#U|%.6U|%#U", args(0x1F600, 0x41, 0x7, 0x41, -1)}, {"%10U|%-10U|%010U", args(0x41, 0x41, 0x41)},
		{"%x", args(L{1, 255})}, {"%05d", args(L{1, 22})}, {"%6.2f", args(L{1.5, "x"})},
		{"%08d|%-08d|%+08d", args(5, 5, 5)}, {"% x", args(255)}, {"%#v", args(int64(-5))},
		// floats
		{"%f|%e|%E|%g|%G|%F", args(3.14159, 3.14159, 3.14159, 3.14159, 3.14159, 3.14159)},
		{"%.2f|%.0f|%.0f|%.0f|%.1f", args(2.675, 0.5, 1.5, 2.5, 0.25)}, {"%8.3f|%-8.3f|%08.3f", args(3.14159, 3.14159, -3.14159)},
		{"%+.2e|% .3g|%+g", args(12345.678, 12345.678, 1.0)}, {"%.3g|%.10g|%.0g|%g", args(1234567.0, 1234567.0, 0.5, 1e-7)},
		{"%g|%g|%G", args(1e100, 123456789.0, 1e-10)}, {"%#g|%#.3g|%#f|%#.0f|%#e", args(1.0, 2.0, 1.0, 3.0, 1.0)},
		{"%#g|%#g|%#.4g", args(123456.0, 1e6, 0.0001234)}, {"%b", args(1.0)}, {"%x|%X|%.3x|%#x", args(1.0, 255.5, 3.14159, 0.0)},
		{"%x", args(-1e-300)}, {"%f|%e|%g", args(inf, -inf, nan)}, {"%05f|%+f|% f|%+v", args(inf, nan, nan, inf)},
		{"%010.2f|%-10.2f|%+010.2f", args(-inf, nan, 3.0)}, {"%.20f", args(0.1)}, {"%.30e", args(1.0 / 3)},
		{"%e", args(0.0)}, {"%e", args(math.Copysign(0, -1))}, {"%.3f", args(-0.0001)}, {"%v|%.2v|%10.4v", args(0.000012345, 3.14159, 3.14159)},
		{"%f", args(1e21)}, {"%.1f", args(0.05)}, {"%.1f", args(0.15)}, {"%.2e", args(9.995)}, {"%.3e", args(5e-324)},
		{"%.17g", args(0.1)}, {"%g", args(float64(1 << 62))}, {"%5.1f%%", args(99.44)},
		// strings
		{"%s|%10s|%-10s|%.2s|%5.1s", args("hello", "hi", "hi", "hello", "hello")}, {"%05s|%.1s|%3s", args("ab", "日本", "日")},
		{"%x|%X|% x|%#x|%# X", args("hi", "hi", "hi", "hi", "hi")}, {"%x|%.1x|%8x|%-8x|", args("", "hello", "ab", "ab")},
		{"%q", args("hello \"world\"\n\t\\")}, {"%q|%+q|%#q|%#q", args("日本\x01", "日本", "back`tick", "raw\tstr")},
		{"%q", args("\x00\x7f\u00a0\u2028\ufeff\U0001F600")}, {"%q", args("bad\xffutf8\xc3")}, {"%#+q", args("é")},
		{"%s", args([]byte("bytes"))}, {"%x|%X|% X", args([]byte("hi"), []byte{1, 171}, []byte{1, 171})}, {"%q", args([]byte("a\"b"))},
		{"%d", args([]byte("hi"))}, {"%5d", args([]byte{1})}, {"%c", args([]byte("hi"))}, {"%t", args([]byte("hi"))},
		{"%s", args(L{"a", 1, nil, true})}, {"%q", args(L{"a", 1})}, {"%s", args(M{"k": "v", "n": 2})},
		{"%x", args(L{"hi", []byte("A")})}, {"%10v|%-4v|", args(L{"a", nil}, M{"k": 1})},
		{"%d", args(M{"a": 1})}, {"%s", args(L{L{"x"}, []byte("y")})}, {"%v", args(L{nil, M{"n": nil}})},
		// bools
		{"%t|%v|%5t|%-6t|", args(true, false, true, false)}, {"%d", args(true)}, {"%s", args(false)},
		// bad verbs and errors
		{"%d", args("hi")}, {"%s", args(5)}, {"%z", args(1.5)}, {"%d", args(nil)}, {"%s", args(nil)}, {"%x", args(nil)},
		{"%!", args(1)}, {"%é", args(1)}, {"%\xff", args(1)}, {"%d", args(2.5)}, {"%f", args(3)}, {"%t", args(1)},
		{"%p", args("x")}, {"%p", args(1)}, {"%5q", args(true)}, {"%10d", args("hi")}, {"%w", args(1)},
		{"%d %d", args(1)}, {"%d", args()}, {"%v", args()}, {"hi", args(1, "x", nil)}, {"%d", args(1, 2.5, []byte("b"))},
		{"%", args()}, {"%", args(1)}, {"abc%", args()}, {"%-", args(1)}, {"%5", args(1)}, {"%.", args(1)}, {"%%|%5%|%-%", args()},
		{"%d%%", args(50)}, {"%[2]d %[1]d", args(1, 2)}, {"%[3]d", args(1, 2)}, {"%[0]d", args(1)}, {"%[x]d", args(1)},
		{"%[1]d %d %[1]d %d", args(1, 2)}, {"%[2]*[1]d", args(12, 5)}, {"%[1]*.[2]*[3]f", args(8, 2, 3.14159)},
		{"%.[2]d", args(7)}, {"%[2]", args(1, 2)}, {"%[1]", args(1)}, {"%[1]2d", args(7)}, {"%[1].2d", args(7)},
		{"%[", args(1)}, {"%[1", args(1)}, {"%[]d", args(1)}, {"%[-1]d", args(1)}, {"%[99999999999]d", args(1)},
		{"%*d|%-*d|%*d", args(5, 1, 5, 1, -5, 1)}, {"%*d", args("x", 1)}, {"%*d", args(1.5, 1)}, {"%*d", args()},
		{"%.*f|%.*f", args(2, 3.14159, -1, 3.14159)}, {"%.*d", args("x", 1)}, {"%*d", args(int64(3), 1)},
		{"%*d", args(uint64(3), 1)}, {"%*d", args(10000000, 1)}, {"%.*d", args(10000000, 1)}, {"%[2]*d", args(1)},
		{"%d %s", args("a", 1)}, {"%!d(string=hi)", args()}, {"%v %v", args(1, nil)}, {"%[2]d", args(1, 2, 3)},
		{"%6.2v|%-6.3v|%q", args("hello", "abcdef", M{"a": "b"})}, {"%.0s|%.s", args("abc", "abc")}, {"%3c|%-3c|", args(int('x'), int('y'))},
		{"%#s|%+s|% s", args("a", "b", "c")}, {"%+d|%+q", args(L{1}, L{"é"})}, {"%#x", args(L{"ab"})}, {"%e", args(L{1.0, 1})},
		{"%v", args(int64(-9223372036854775807))}, {"%-+5d|%+-5d|", args(3, 3)}, {"%0-5d|%-05d|", args(3, 3)},
		// more edge cases
		{"%v|%#v", args(M{"i": []int{1}, "f": L{1e6, -0.0, 1e-7}}, L{1e6, math.Copysign(0, -1)})},
		{"%#v", args(M{"m": map[string]string{"a": "b"}, "s": []string{}})}, {"%x|%X", args(int64(math.MinInt64), -1)},
		{"%+d|% d|%+x", args(uint64(7), uint64(7), -10)}, {"%U|%#U", args(-5, 0x1F600)}, {"%#14U|%-#10U|", args(0x1F600, 0x41)},
		{"%5c|%-5c|%05c", args(0x65E5, 0x65E5, 65)}, {"%08.3e|%-08.2f|%+08.2f", args(-1234.5678, 1.5, -1.5)},
		{"%-010s|%010s|%010q", args("ab", "ab", "ab")}, {"%+q|%#q|%#+q", args("bad\xff", "bad\xff", "\u2028x")},
		{"%x|%X", args([]string{"ab", "c"}, L{"é", 10})}, {"%20.17x|%.20x|%#.0x|%#X", args(1.0, 3.0, 1.0, 1.0)},
		{"%10s|%-10v|%3v|", args(L{nil, "x"}, M{"a": nil}, nil)}, {"%.2q|%.1x|%5.2x", args("héllo", []byte("ab"), "abc")},
		{"% X|%# x", args([]byte{}, "a")}, {"%6.2v|%v|%.3v", args(1e6, 1e-320, int64(12345))}, {"%.0e|%.0g|%#.0e|%#.0g", args(5.5, 5.5, 5.0, 5.0)},
		{"%e|%g|%f", args(1e308, 1e-308, 1e-308)}, {"%.15g|%.16g|%.17g", args(0.1, 0.1, 0.1)}, {"%g|%g", args(100000.0, 999999.0)},
		{"%g|%g|%g", args(0.0001, 0.00001, 123456789.0)}, {"%+.0f|% .0f|%+.1e", args(0.4, -0.4, -0.0)},
		{"%t", args(nil)}, {"%T|%T", args(L{nil}, []byte{})}, {"%[1]T %[1]v %[1]q", args("x")}, {"%[2]v%[1]v%v", args(1, 2)},
		{"%.*[1]d", args(3)}, {"%*[2]d", args(3, 4)}, {"%-*d|", args(3, 4)}, {"%0*d", args(5, -3)}, {"%d%", args(1)},
		{"%[1]d%[1]d extra", args(1, 2)}, {"%v%v", args(true, L{true})}, {"%s %s", args(M{}, L{})}, {"%O", args(-8)},
		{"%#b|%#o|%#X", args(-5, -8, -255)}, {"%08b|%.10b", args(5, 5)}, {"%c|%q|%U", args(uint64(66), uint64(66), uint64(66))},
		{"%x|%X|%o", args(uint64(255), uint64(255), uint64(8))}, {"%q", args("\a\b\f\r\v\x1b")}, {"%+q", args("\U0001F600\u00e9")},
		{"%#q|%#q", args("tab\there", "\ufeff")}, {"%v|%d", args(L{uint64(1), int64(-1)}, L{uint64(1), int64(-1)})},
		{"%#v", args(L{uint64(10), int64(-10), true, []string{"x"}})}, {"%5t|%-5v|", args(L{true}, L{false})},
		{"% +d", args(3)}, {"%+.3e", args(0.0)}, {"%10.3e|%-10.1E|", args(123.456, 123.456)},
	}
}

func printCases() [][]interface{} {
	return [][]interface{}{
		{}, {nil}, {"a", "b"}, {1, 2}, {"a", 1, "b"}, {1, "a", 2}, {1, 2.5, true, nil}, {nil, nil}, {"x", nil, "y"},
		{[]byte("a"), []byte("b")}, {L{1}, L{2}}, {M{"a": 1}, "s", 3}, {1e6, 1e-7, uint64(3)}, {"", ""}, {1, "", 2},
	}
}

type flc struct {
	v float64
	f byte
	p int
}

func floatCases() []flc {
	vals := []float64{0, 1, -1, 0.1, 2.5, 1e6, 1234567.125, 1e-5, 123456789012345678, 1e21, 1e23, 5e-324,
		math.MaxFloat64, math.Inf(1), math.Inf(-1), math.NaN(), 0.000123456, 100, 9.9999, 1.0 / 3}
	out := []flc{}
	for _, v := range vals {
		for _, f := range []byte{'e', 'f', 'g', 'G', 'E'} {
			for _, p := range []int{-1, 0, 3} {
				out = append(out, flc{v, f, p})
			}
		}
	}
	out = append(out, flc{0.1, 'f', 25}, flc{1e-300, 'e', 40}, flc{2.5, 'f', 0}, flc{3.5, 'f', 0}, flc{0.125, 'f', 2},
		flc{0.375, 'f', 2}, flc{1e22, 'f', -1}, flc{123456, 'g', 6}, flc{123456, 'g', 5}, flc{1, 'b', -1}, flc{0.1, 'x', -1},
		flc{0.1, 'X', 2}, flc{1, 'x', 0}, flc{1.5, 'x', 0}, flc{2.5, 'x', 0}, flc{0x1.fffp+0, 'x', 2}, flc{0.1, 'g', 20})
	return out
}
