package engine

import (
	"errors"
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"
	"text/template"

	"helmref/chart"
	"helmref/chartutil"
)

// Note: this reference is built with Go 1.19's text/template, which has no
// range-over-int (Go 1.22) and no `{{else with}}` (Go 1.23). Cases using
// those belong in the C++ unit tests, not in the differential suite.

// renderable is one template source plus the "." it executes with.
type renderable struct {
	tpl      string
	vals     chartutil.Values
	basePath string
}

// required and fail wrap their message in these markers so the final error
// can be shortened to "execution error at (file:line:col): message".
const (
	errStart        = "HELM_ERR_START"
	errEnd          = "HELM_ERR_END"
	maxIncludeDepth = 1000
)

var markedMessage = regexp.MustCompile(errStart + `((?s).*)` + errEnd)

func markMessage(s string) string { return errStart + s + errEnd }

// includeFunc executes a named template of t into a string, refusing to
// recurse deeper than maxIncludeDepth into the same name.
func includeFunc(t *template.Template, depth map[string]int) func(string, interface{}) (string, error) {
	return func(name string, data interface{}) (string, error) {
		if depth[name] > maxIncludeDepth {
			return "", fmt.Errorf("rendering template has a nested reference name: %s: %w", name, errors.New("unable to execute template"))
		}
		depth[name]++
		var b strings.Builder
		err := t.ExecuteTemplate(&b, name, data)
		depth[name]--
		return b.String(), err
	}
}

// tplFunc renders a string as a template, in a clone of the current set so
// it can use (and define) named templates.
func tplFunc(parent *template.Template, depth map[string]int) func(string, interface{}) (string, error) {
	return func(text string, vals interface{}) (string, error) {
		t, err := parent.Clone()
		if err != nil {
			return "", fmt.Errorf("cannot clone template: %w", err)
		}
		// Clones lose the missingkey option (golang/go#43022).
		t.Option("missingkey=zero")
		t.Funcs(template.FuncMap{
			"include": includeFunc(t, depth),
			"tpl":     tplFunc(t, depth),
		})
		t, err = t.New(parent.Name()).Parse(text)
		if err != nil {
			return "", fmt.Errorf("cannot parse template %q: %w", text, err)
		}
		var b strings.Builder
		if err := t.Execute(&b, vals); err != nil {
			return "", fmt.Errorf("error during tpl function execution for %q: %w", text, err)
		}
		return strings.ReplaceAll(b.String(), "<no value>", ""), nil
	}
}

// newRoot creates the "gotpl" template set with the complete function map.
func newRoot() *template.Template {
	t := template.New("gotpl")
	t.Option("missingkey=zero")
	f := baseFuncs()
	depth := map[string]int{}
	f["include"] = includeFunc(t, depth)
	f["tpl"] = tplFunc(t, depth)
	// The message is not a format string: "100%" stays "100%".
	f["required"] = func(msg string, v interface{}) (interface{}, error) {
		if v == nil {
			return v, errors.New(markMessage(msg))
		}
		if s, ok := v.(string); ok && s == "" {
			return v, errors.New(markMessage(msg))
		}
		return v, nil
	}
	f["fail"] = func(msg string) (string, error) {
		return "", errors.New(markMessage(msg))
	}
	// DNS lookups are disabled in `helm template`.
	f["getHostByName"] = func(string) string { return "" }
	t.Funcs(f)
	return t
}

// parseError shortens Go's "template: NAME:LINE: msg" to Helm's wording.
func parseError(name string, err error) error {
	parts := strings.Split(err.Error(), ": ")
	if len(parts) == 1 {
		return fmt.Errorf("parse error in (%s): %s", name, err)
	}
	return fmt.Errorf("parse error at (%s): %s", parts[1], parts[len(parts)-1])
}

// execError shortens required/fail messages; other errors pass unchanged.
func execError(name string, err error) error {
	if _, ok := err.(template.ExecError); !ok {
		return err
	}
	parts := strings.SplitN(err.Error(), ": ", 3)
	if len(parts) != 3 {
		return fmt.Errorf("execution error in (%s): %s", name, err)
	}
	if m := markedMessage.FindStringSubmatch(parts[2]); len(m) >= 2 {
		return fmt.Errorf("execution error at (%s): %s", parts[1], m[1])
	}
	return err
}

// byDepth orders template names deepest first, then reverse-lexically: the
// order in which Helm parses (later definitions win) and executes them.
func byDepth(names []string) {
	sort.Slice(names, func(i, j int) bool {
		a, b := names[i], names[j]
		ca, cb := strings.Count(a, "/"), strings.Count(b, "/")
		if ca != cb {
			return ca > cb
		}
		return a > b
	})
}

// render parses every template into one set, then executes the non-partials.
func render(tpls map[string]renderable) (out map[string]string, err error) {
	defer func() {
		if r := recover(); r != nil {
			out = map[string]string{}
			err = fmt.Errorf("rendering template failed: %v", r)
		}
	}()
	t := newRoot()
	names := make([]string, 0, len(tpls))
	for n := range tpls {
		names = append(names, n)
	}
	byDepth(names)
	for _, n := range names {
		if _, err := t.New(n).Parse(tpls[n].tpl); err != nil {
			return map[string]string{}, parseError(n, err)
		}
	}
	out = make(map[string]string, len(names))
	for _, n := range names {
		if strings.HasPrefix(path.Base(n), "_") {
			continue
		}
		vals := tpls[n].vals
		vals["Template"] = chartutil.Values{"Name": n, "BasePath": tpls[n].basePath}
		var b strings.Builder
		if err := t.ExecuteTemplate(&b, n, vals); err != nil {
			return map[string]string{}, execError(n, err)
		}
		out[n] = strings.ReplaceAll(b.String(), "<no value>", "")
	}
	return out, nil
}

// EvalName is the name the eval command gives its single template.
const EvalName = "eval"

// Eval renders one template string named EvalName with data as ".", exactly
// as a chart file would be rendered (same functions, same error wording).
func Eval(text string, data interface{}) (out string, err error) {
	defer func() {
		if r := recover(); r != nil {
			out = ""
			err = fmt.Errorf("rendering template failed: %v", r)
		}
	}()
	t := newRoot()
	if _, err := t.New(EvalName).Parse(text); err != nil {
		return "", parseError(EvalName, err)
	}
	var b strings.Builder
	if err := t.ExecuteTemplate(&b, EvalName, data); err != nil {
		return "", execError(EvalName, err)
	}
	return strings.ReplaceAll(b.String(), "<no value>", ""), nil
}

// Render renders every template of a chart and its enabled subcharts. top is
// the object from chartutil.ToRenderValues.
func Render(c *chart.Chart, top chartutil.Values) (map[string]string, error) {
	tpls := map[string]renderable{}
	collect(c, tpls, top)
	return render(tpls)
}

// collect builds each chart's "." (its own Values section, Chart, Files,
// Subcharts) and registers its templates under "<chart path>/templates/...".
func collect(c *chart.Chart, tpls map[string]renderable, parent chartutil.Values) map[string]interface{} {
	subcharts := map[string]interface{}{}
	meta := struct {
		chart.Metadata
		IsRoot bool
	}{*c.Metadata, c.IsRoot()}
	next := map[string]interface{}{
		"Chart":        meta,
		"Files":        newFiles(c.Files),
		"Release":      parent["Release"],
		"Capabilities": parent["Capabilities"],
		"Values":       chartutil.Values{},
		"Subcharts":    subcharts,
	}
	if c.IsRoot() {
		next["Values"] = parent["Values"]
	} else if vs, err := parent.Table("Values." + c.Name()); err == nil {
		// Helm scopes a subchart to the section named after it.
		next["Values"] = vs
	}
	for _, d := range c.Dependencies() {
		subcharts[d.Name()] = collect(d, tpls, next)
	}
	prefix := c.FullPath()
	library := c.Metadata.Type == "library"
	for _, f := range c.Templates {
		if library && !strings.HasPrefix(path.Base(f.Name), "_") {
			continue
		}
		tpls[path.Join(prefix, f.Name)] = renderable{
			tpl:      string(f.Data),
			vals:     next,
			basePath: path.Join(prefix, "templates"),
		}
	}
	return next
}
