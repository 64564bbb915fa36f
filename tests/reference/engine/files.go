package engine

import (
	"encoding/base64"
	"path"
	"regexp"
	"strings"

	"helmref/chart"
)

// files is .Files: the chart's non-template files by relative path.
type files map[string][]byte

func newFiles(from []*chart.File) files {
	f := files{}
	for _, x := range from {
		f[x.Name] = x.Data
	}
	return f
}

// GetBytes returns a file's bytes, or an empty slice.
func (f files) GetBytes(name string) []byte {
	if v, ok := f[name]; ok {
		return v
	}
	return []byte{}
}

// Get returns a file's content as a string ("" when absent).
func (f files) Get(name string) string { return string(f.GetBytes(name)) }

// Glob keeps the files whose path matches a gobwas-style glob with "/" as
// separator ("*" stays within a segment, "**" crosses segments).
func (f files) Glob(pattern string) files {
	re, err := globToRegexp(pattern)
	if err != nil {
		re = regexp.MustCompile(`^.*$`)
	}
	out := files{}
	for name, data := range f {
		if re.MatchString(name) {
			out[name] = data
		}
	}
	return out
}

// AsConfig renders the files as a ConfigMap data block (base names as keys).
func (f files) AsConfig() string {
	if f == nil {
		return ""
	}
	m := map[string]string{}
	for k, v := range f {
		m[path.Base(k)] = string(v)
	}
	return toYAML(m)
}

// AsSecrets renders the files base64-encoded, as a Secret data block.
func (f files) AsSecrets() string {
	if f == nil {
		return ""
	}
	m := map[string]string{}
	for k, v := range f {
		m[path.Base(k)] = base64.StdEncoding.EncodeToString(v)
	}
	return toYAML(m)
}

// Lines splits a file into lines, ignoring one trailing newline.
func (f files) Lines(p string) []string {
	if f == nil || f[p] == nil {
		return []string{}
	}
	s := string(f[p])
	if len(s) > 0 && s[len(s)-1] == '\n' {
		s = s[:len(s)-1]
	}
	return strings.Split(s, "\n")
}

// globToRegexp translates the glob syntax charts use with .Files.Glob.
func globToRegexp(g string) (*regexp.Regexp, error) {
	var b strings.Builder
	b.WriteString("^")
	inClass := false
	depth := 0
	for i := 0; i < len(g); i++ {
		c := g[i]
		switch {
		case inClass:
			if c == ']' {
				inClass = false
			}
			if c == '!' && g[i-1] == '[' {
				b.WriteByte('^')
				continue
			}
			b.WriteByte(c)
		case c == '\\' && i+1 < len(g):
			i++
			b.WriteString(regexp.QuoteMeta(string(g[i])))
		case c == '*' && i+1 < len(g) && g[i+1] == '*':
			b.WriteString(".*")
			i++
		case c == '*':
			b.WriteString("[^/]*")
		case c == '?':
			b.WriteString("[^/]")
		case c == '[':
			inClass = true
			b.WriteByte('[')
		case c == '{':
			depth++
			b.WriteString("(?:")
		case c == '}' && depth > 0:
			depth--
			b.WriteString(")")
		case c == ',' && depth > 0:
			b.WriteString("|")
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString("$")
	return regexp.Compile(b.String())
}
