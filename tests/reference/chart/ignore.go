package chart

import (
	"errors"
	"path/filepath"
	"strings"
)

// ignorePattern is one .helmignore line.
type ignorePattern struct {
	raw     string
	glob    string
	negate  bool
	mustDir bool
	// anchored patterns ("/x" or containing "/") match the whole relative
	// path; the others match only the base name.
	anchored bool
}

// IgnoreRules is a parsed .helmignore.
type IgnoreRules struct {
	patterns []*ignorePattern
}

// ParseIgnore parses .helmignore text with Helm's restrictions (no "**").
func ParseIgnore(text string) (*IgnoreRules, error) {
	r := &IgnoreRules{}
	for _, line := range strings.Split(text, "\n") {
		if err := r.add(line); err != nil {
			return nil, err
		}
	}
	return r, nil
}

func (r *IgnoreRules) addDefaults() { _ = r.add("templates/.?*") }

func (r *IgnoreRules) add(rule string) error {
	rule = strings.TrimSpace(rule)
	if rule == "" || strings.HasPrefix(rule, "#") {
		return nil
	}
	if strings.Contains(rule, "**") {
		return errors.New("double-star (**) syntax is not supported")
	}
	if _, err := filepath.Match(rule, "abc"); err != nil {
		return err
	}
	p := &ignorePattern{raw: rule}
	if strings.HasPrefix(rule, "!") {
		p.negate = true
		rule = rule[1:]
	}
	if strings.HasSuffix(rule, "/") {
		p.mustDir = true
		rule = strings.TrimSuffix(rule, "/")
	}
	if strings.HasPrefix(rule, "/") {
		p.anchored = true
		rule = strings.TrimPrefix(rule, "/")
	} else if strings.Contains(rule, "/") {
		p.anchored = true
	}
	p.glob = rule
	r.patterns = append(r.patterns, p)
	return nil
}

func (p *ignorePattern) match(name string) bool {
	if !p.anchored {
		name = filepath.Base(name)
	}
	ok, err := filepath.Match(p.glob, name)
	return err == nil && ok
}

// Ignore reports whether a chart-relative path is excluded. A negated rule
// that does not match excludes the path, which is Helm's (surprising) logic.
func (r *IgnoreRules) Ignore(name string, isDir bool) bool {
	if name == "" || name == "." || name == "./" {
		return false
	}
	for _, p := range r.patterns {
		if p.negate {
			if p.mustDir && !isDir {
				return true
			}
			if !p.match(name) {
				return true
			}
			continue
		}
		if p.mustDir && !isDir {
			continue
		}
		if p.match(name) {
			return true
		}
	}
	return false
}
