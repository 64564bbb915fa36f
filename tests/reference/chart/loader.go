package chart

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"sigs.k8s.io/yaml"
)

// BufferedFile is a file name relative to the chart root plus its bytes.
type BufferedFile struct {
	Name string
	Data []byte
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// Load reads a chart from a directory or a .tgz archive.
func Load(name string) (*Chart, error) {
	fi, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return LoadDir(name)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return LoadArchive(data)
}

// LoadDir walks a chart directory in lexical order, honouring .helmignore
// (plus Helm's built-in rule that hides templates/.* files).
func LoadDir(dir string) (*Chart, error) {
	top, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	rules := &IgnoreRules{}
	if data, err := os.ReadFile(filepath.Join(top, ".helmignore")); err == nil {
		if rules, err = ParseIgnore(string(data)); err != nil {
			return nil, err
		}
	}
	rules.addDefaults()

	var files []*BufferedFile
	var walk func(abs, rel string) error
	walk = func(abs, rel string) error {
		entries, err := os.ReadDir(abs)
		if err != nil {
			return err
		}
		names := make([]string, 0, len(entries))
		for _, e := range entries {
			names = append(names, e.Name())
		}
		sort.Strings(names)
		for _, n := range names {
			childAbs := filepath.Join(abs, n)
			childRel := n
			if rel != "" {
				childRel = rel + "/" + n
			}
			// Symlinks are followed, as Helm's own walker does.
			fi, err := os.Stat(childAbs)
			if err != nil {
				return err
			}
			if fi.IsDir() {
				if rules.Ignore(childRel, true) {
					continue
				}
				if err := walk(childAbs, childRel); err != nil {
					return err
				}
				continue
			}
			if rules.Ignore(childRel, false) {
				continue
			}
			if !fi.Mode().IsRegular() {
				return fmt.Errorf("cannot load irregular file %s as it has file mode type bits set", childAbs)
			}
			data, err := os.ReadFile(childAbs)
			if err != nil {
				return err
			}
			files = append(files, &BufferedFile{Name: childRel, Data: bytes.TrimPrefix(data, utf8BOM)})
		}
		return nil
	}
	if err := walk(top, ""); err != nil {
		return nil, err
	}
	return LoadFiles(files)
}

// LoadArchive reads a gzipped tar whose entries live under one top directory.
func LoadArchive(data []byte) (*Chart, error) {
	gz, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	defer gz.Close()
	tr := tar.NewReader(gz)
	var files []*BufferedFile
	for {
		hd, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if hd.Typeflag != tar.TypeReg && hd.Typeflag != tar.TypeRegA {
			continue
		}
		parts := strings.SplitN(path.Clean(filepath.ToSlash(hd.Name)), "/", 2)
		if len(parts) < 2 {
			if parts[0] == "Chart.yaml" {
				return nil, errors.New("chart yaml not in base directory")
			}
			continue
		}
		body, err := io.ReadAll(tr)
		if err != nil {
			return nil, err
		}
		files = append(files, &BufferedFile{Name: parts[1], Data: bytes.TrimPrefix(body, utf8BOM)})
	}
	if len(files) == 0 {
		return nil, errors.New("no files in chart archive")
	}
	return LoadFiles(files)
}

// LoadFiles sorts already-read files into a Chart, the way Helm's loader does:
// Chart.yaml, values.yaml, requirements.yaml, templates/, charts/ (subcharts,
// directories or archives) and everything else as .Files.
func LoadFiles(files []*BufferedFile) (*Chart, error) {
	c := &Chart{}
	subcharts := map[string][]*BufferedFile{}
	var subchartOrder []string
	for _, f := range files {
		switch {
		case f.Name == "Chart.yaml":
			if c.Metadata == nil {
				c.Metadata = new(Metadata)
			}
			if err := yaml.Unmarshal(f.Data, c.Metadata); err != nil {
				return c, fmt.Errorf("cannot load Chart.yaml: %w", err)
			}
			if c.Metadata.APIVersion == "" {
				c.Metadata.APIVersion = "v1"
			}
		case f.Name == "Chart.lock", f.Name == "requirements.lock", f.Name == "values.schema.json":
			// Locks and schemas do not take part in rendering here.
		case f.Name == "values.yaml":
			c.Values = map[string]interface{}{}
			if err := yaml.Unmarshal(f.Data, &c.Values); err != nil {
				return c, fmt.Errorf("cannot load values.yaml: %w", err)
			}
			if c.Values == nil {
				c.Values = map[string]interface{}{}
			}
		case f.Name == "requirements.yaml":
			if c.Metadata == nil {
				c.Metadata = new(Metadata)
			}
			if err := yaml.Unmarshal(f.Data, c.Metadata); err != nil {
				return c, fmt.Errorf("cannot load requirements.yaml: %w", err)
			}
			if c.Metadata.APIVersion == "v1" {
				c.Files = append(c.Files, &File{Name: f.Name, Data: f.Data})
			}
		case strings.HasPrefix(f.Name, "templates/"):
			c.Templates = append(c.Templates, &File{Name: f.Name, Data: f.Data})
		case strings.HasPrefix(f.Name, "charts/"):
			if filepath.Ext(f.Name) == ".prov" {
				c.Files = append(c.Files, &File{Name: f.Name, Data: f.Data})
				continue
			}
			rest := strings.TrimPrefix(f.Name, "charts/")
			if strings.IndexAny(rest, "._") == 0 {
				continue
			}
			parts := strings.SplitN(rest, "/", 2)
			if _, ok := subcharts[parts[0]]; !ok {
				subchartOrder = append(subchartOrder, parts[0])
			}
			if len(parts) == 2 {
				subcharts[parts[0]] = append(subcharts[parts[0]], &BufferedFile{Name: parts[1], Data: f.Data})
			} else {
				subcharts[parts[0]] = append(subcharts[parts[0]], &BufferedFile{Name: parts[0], Data: f.Data})
			}
		default:
			c.Files = append(c.Files, &File{Name: f.Name, Data: f.Data})
		}
	}
	if c.Metadata == nil {
		return c, errors.New("Chart.yaml file is missing")
	}
	if err := c.Metadata.Validate(); err != nil {
		return c, err
	}
	for _, n := range subchartOrder {
		sub := subcharts[n]
		var sc *Chart
		var err error
		if filepath.Ext(n) == ".tgz" {
			sc, err = LoadArchive(sub[0].Data)
		} else {
			sc, err = LoadFiles(sub)
		}
		if err != nil {
			return c, fmt.Errorf("error unpacking subchart %s in %s: %w", n, c.Name(), err)
		}
		c.AddDependency(sc)
	}
	return c, nil
}

// Validate applies Helm's Chart.yaml checks, with its "validation: " wording.
func (md *Metadata) Validate() error {
	fail := func(format string, args ...interface{}) error {
		return fmt.Errorf("validation: "+format, args...)
	}
	if md.APIVersion == "" {
		return fail("chart.metadata.apiVersion is required")
	}
	if md.Name == "" {
		return fail("chart.metadata.name is required")
	}
	if md.Name != filepath.Base(md.Name) {
		return fail("chart.metadata.name %q is invalid", md.Name)
	}
	if md.Version == "" {
		return fail("chart.metadata.version is required")
	}
	if !IsValidSemver(md.Version) {
		return fail("chart.metadata.version %q is invalid", md.Version)
	}
	if md.Type != "" && md.Type != "application" && md.Type != "library" {
		return fail("chart.metadata.type must be application or library")
	}
	seen := map[string]bool{}
	for _, d := range md.Dependencies {
		if d == nil {
			return fail("dependencies must not contain empty or null nodes")
		}
		key := d.Name
		if d.Alias != "" {
			key = d.Alias
		}
		if seen[key] {
			return fail("more than one dependency with name or alias %q", key)
		}
		seen[key] = true
	}
	return nil
}
