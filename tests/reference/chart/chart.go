// Package chart models a loaded Helm chart the way templates see it.
//
// The package is named "chart" on purpose: `typeOf .Chart` and `toYaml .Chart`
// in a template must print the same type names and keys as Helm does.
package chart

import (
	"path"
	"strings"
)

// Maintainer is one entry of Chart.yaml's maintainers list.
type Maintainer struct {
	Name  string `json:"name,omitempty"`
	Email string `json:"email,omitempty"`
	URL   string `json:"url,omitempty"`
}

// Dependency is one entry of Chart.yaml's (or requirements.yaml's) dependencies.
type Dependency struct {
	Name         string        `json:"name"`
	Version      string        `json:"version,omitempty"`
	Repository   string        `json:"repository"`
	Condition    string        `json:"condition,omitempty"`
	Tags         []string      `json:"tags,omitempty"`
	Enabled      bool          `json:"enabled,omitempty"`
	ImportValues []interface{} `json:"import-values,omitempty"`
	Alias        string        `json:"alias,omitempty"`
}

// Metadata is the content of Chart.yaml; field names and JSON keys are Helm's
// because templates reach them as .Chart.Name, .Chart.AppVersion, ...
type Metadata struct {
	Name         string            `json:"name,omitempty"`
	Home         string            `json:"home,omitempty"`
	Sources      []string          `json:"sources,omitempty"`
	Version      string            `json:"version,omitempty"`
	Description  string            `json:"description,omitempty"`
	Keywords     []string          `json:"keywords,omitempty"`
	Maintainers  []*Maintainer     `json:"maintainers,omitempty"`
	Icon         string            `json:"icon,omitempty"`
	APIVersion   string            `json:"apiVersion,omitempty"`
	Condition    string            `json:"condition,omitempty"`
	Tags         string            `json:"tags,omitempty"`
	AppVersion   string            `json:"appVersion,omitempty"`
	Deprecated   bool              `json:"deprecated,omitempty"`
	Annotations  map[string]string `json:"annotations,omitempty"`
	KubeVersion  string            `json:"kubeVersion,omitempty"`
	Dependencies []*Dependency     `json:"dependencies,omitempty"`
	Type         string            `json:"type,omitempty"`
}

// File is a chart file that is not a template, values file or Chart.yaml.
type File struct {
	Name string
	Data []byte
}

// Chart is a loaded chart with its (possibly nested) dependencies.
type Chart struct {
	Metadata  *Metadata
	Templates []*File
	Values    map[string]interface{}
	Files     []*File
	parent    *Chart
	deps      []*Chart
}

// Name returns the chart's name (after an alias was applied, if any).
func (c *Chart) Name() string {
	if c.Metadata == nil {
		return ""
	}
	return c.Metadata.Name
}

// IsRoot reports whether the chart has no parent.
func (c *Chart) IsRoot() bool { return c.parent == nil }

// Parent returns the chart that holds this one in charts/.
func (c *Chart) Parent() *Chart { return c.parent }

// Dependencies returns the subcharts currently attached to the chart.
func (c *Chart) Dependencies() []*Chart { return c.deps }

// SetDependencies replaces the subcharts and re-parents them.
func (c *Chart) SetDependencies(charts ...*Chart) {
	c.deps = nil
	for _, d := range charts {
		c.AddDependency(d)
	}
}

// AddDependency attaches one subchart.
func (c *Chart) AddDependency(d *Chart) {
	d.parent = c
	c.deps = append(c.deps, d)
}

// FullPath is the template-name prefix: "parent/charts/child".
func (c *Chart) FullPath() string {
	if !c.IsRoot() {
		return c.parent.FullPath() + "/charts/" + c.Name()
	}
	return c.Name()
}

// CRD is a file from a chart's crds/ directory.
type CRD struct {
	Filename string
	Data     []byte
}

// CRDObjects lists crds/*.{yaml,yml,json} of the chart, then of its subcharts.
func (c *Chart) CRDObjects() []CRD {
	var out []CRD
	for _, f := range c.Files {
		ext := path.Ext(f.Name)
		if strings.HasPrefix(f.Name, "crds/") && (ext == ".yaml" || ext == ".yml" || ext == ".json") {
			out = append(out, CRD{Filename: path.Join(c.FullPath(), f.Name), Data: f.Data})
		}
	}
	for _, d := range c.deps {
		out = append(out, d.CRDObjects()...)
	}
	return out
}
