package chartutil

import (
	"fmt"
	"strings"

	"github.com/mitchellh/copystructure"

	"helmref/chart"
)

// ProcessDependencies drops subcharts disabled by tags/conditions, applies
// aliases, then imports child values into parents (merging, as Helm v3.19's
// ProcessDependenciesWithMerge does).
func ProcessDependencies(c *chart.Chart, vals map[string]interface{}) error {
	if err := processEnabled(c, vals, ""); err != nil {
		return err
	}
	return processImports(c)
}

// aliasedCopy returns the subchart that satisfies dep, renamed to its alias.
func aliasedCopy(charts []*chart.Chart, dep *chart.Dependency) *chart.Chart {
	for _, c := range charts {
		if c == nil || c.Name() != dep.Name || !chart.IsCompatibleRange(dep.Version, c.Metadata.Version) {
			continue
		}
		out := *c
		md := *c.Metadata
		out.Metadata = &md
		if dep.Alias != "" {
			md.Name = dep.Alias
		}
		return &out
	}
	return nil
}

func processEnabled(c *chart.Chart, vals map[string]interface{}, path string) error {
	if c.Metadata.Dependencies == nil {
		return nil
	}
	// Subcharts that no Chart.yaml entry accounts for are always kept.
	var kept []*chart.Chart
outer:
	for _, existing := range c.Dependencies() {
		for _, req := range c.Metadata.Dependencies {
			if existing.Name() == req.Name && chart.IsCompatibleRange(req.Version, existing.Metadata.Version) {
				continue outer
			}
		}
		kept = append(kept, existing)
	}
	for _, req := range c.Metadata.Dependencies {
		if req == nil {
			continue
		}
		if d := aliasedCopy(c.Dependencies(), req); d != nil {
			kept = append(kept, d)
		}
		if req.Alias != "" {
			req.Name = req.Alias
		}
	}
	c.SetDependencies(kept...)

	for _, req := range c.Metadata.Dependencies {
		req.Enabled = true
	}
	cvals, err := CoalesceValues(c, vals)
	if err != nil {
		return err
	}
	applyTags(c.Metadata.Dependencies, cvals)
	applyConditions(c.Metadata.Dependencies, cvals, path)

	disabled := map[string]bool{}
	for _, req := range c.Metadata.Dependencies {
		if !req.Enabled {
			disabled[req.Name] = true
		}
	}
	var deps []*chart.Chart
	for _, d := range c.Dependencies() {
		if !disabled[d.Metadata.Name] {
			deps = append(deps, d)
		}
	}
	var reqs []*chart.Dependency
	for _, req := range c.Metadata.Dependencies {
		if !disabled[req.Name] {
			reqs = append(reqs, req)
		}
	}
	for _, d := range deps {
		if err := processEnabled(d, cvals, path+d.Metadata.Name+"."); err != nil {
			return err
		}
	}
	c.Metadata.Dependencies = reqs
	c.SetDependencies(deps...)
	return nil
}

// applyTags: any true tag enables, otherwise any false tag disables.
func applyTags(reqs []*chart.Dependency, cvals Values) {
	tags, err := cvals.Table("tags")
	if err != nil {
		return
	}
	for _, r := range reqs {
		var hasTrue, hasFalse bool
		for _, k := range r.Tags {
			if b, ok := tags[k].(bool); ok {
				if b {
					hasTrue = true
				} else {
					hasFalse = true
				}
			}
		}
		if !hasTrue && hasFalse {
			r.Enabled = false
		} else {
			r.Enabled = true
		}
	}
}

// applyConditions: the first condition path holding a bool decides.
func applyConditions(reqs []*chart.Dependency, cvals Values, path string) {
	for _, r := range reqs {
		for _, cond := range strings.Split(strings.TrimSpace(r.Condition), ",") {
			if cond == "" {
				continue
			}
			v, err := cvals.PathValue(path + cond)
			if err != nil {
				continue
			}
			if b, ok := v.(bool); ok {
				r.Enabled = b
				break
			}
		}
	}
}

func processImports(c *chart.Chart) error {
	for _, d := range c.Dependencies() {
		if err := processImports(d); err != nil {
			return err
		}
	}
	if c.Metadata.Dependencies == nil {
		return nil
	}
	cvals, err := MergeValues(c, nil)
	if err != nil {
		return err
	}
	imported := map[string]interface{}{}
	for _, r := range c.Metadata.Dependencies {
		var normalized []interface{}
		for _, riv := range r.ImportValues {
			switch iv := riv.(type) {
			case map[string]interface{}:
				child := fmt.Sprintf("%v", iv["child"])
				parent := fmt.Sprintf("%v", iv["parent"])
				normalized = append(normalized, map[string]string{"child": child, "parent": parent})
				table, err := cvals.Table(r.Name + "." + child)
				if err != nil {
					continue
				}
				imported = MergeTables(imported, nestUnder(parent, table.AsMap()))
			case string:
				child := "exports." + iv
				normalized = append(normalized, map[string]string{"child": child, "parent": "."})
				table, err := cvals.Table(r.Name + "." + child)
				if err != nil {
					continue
				}
				imported = MergeTables(imported, table.AsMap())
			}
		}
		r.ImportValues = normalized
	}
	cp, err := copystructure.Copy(map[string]interface{}(cvals))
	if err != nil {
		return err
	}
	c.Values = MergeTables(cp.(map[string]interface{}), imported)
	return nil
}

// nestUnder builds {a: {b: data}} for the dotted path "a.b" ("." is the root).
func nestUnder(path string, data map[string]interface{}) map[string]interface{} {
	if path == "." {
		return data
	}
	parts := strings.Split(path, ".")
	out := data
	for i := len(parts) - 1; i >= 0; i-- {
		out = map[string]interface{}{parts[i]: out}
	}
	return out
}

// ReleaseOptions is what .Release is built from.
type ReleaseOptions struct {
	Name      string
	Namespace string
	Revision  int
	IsUpgrade bool
	IsInstall bool
}

// ToRenderValues builds the top-level object: Chart, Capabilities, Release, Values.
func ToRenderValues(c *chart.Chart, vals map[string]interface{}, opts ReleaseOptions, caps *Capabilities) (Values, error) {
	top := map[string]interface{}{
		"Chart":        c.Metadata,
		"Capabilities": caps,
		"Release": map[string]interface{}{
			"Name":      opts.Name,
			"Namespace": opts.Namespace,
			"Revision":  opts.Revision,
			"Service":   "Helm",
			"IsUpgrade": opts.IsUpgrade,
			"IsInstall": opts.IsInstall,
		},
	}
	v, err := CoalesceValues(c, vals)
	if err != nil {
		return top, err
	}
	top["Values"] = v
	return top, nil
}
