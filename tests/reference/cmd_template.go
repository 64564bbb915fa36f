package main

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"sigs.k8s.io/yaml"

	"helmref/chart"
	"helmref/chartutil"
	"helmref/engine"
	"helmref/releaseutil"
)

var templateFlags = []flagSpec{
	{long: "values", short: "f", csv: true},
	{long: "set"}, {long: "set-string"}, {long: "set-json"}, {long: "set-file"},
	{long: "namespace", short: "n"},
	{long: "show-only", short: "s"},
	{long: "kube-version"},
	{long: "api-versions", short: "a", csv: true},
	{long: "include-crds", isBool: true},
	{long: "skip-tests", isBool: true},
	{long: "no-hooks", isBool: true},
	{long: "is-upgrade", isBool: true},
	{long: "release-name", isBool: true},
	{long: "output-dir"},
}

var validReleaseName = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`)

// renderFailed marks errors after which `helm template` adds its --debug hint.
type renderFailed struct{ err error }

func (r renderFailed) Error() string {
	return r.err.Error() + "\n\nUse --debug flag to render out invalid YAML"
}

// runTemplate mirrors `helm template [NAME] CHART [flags]` without a cluster.
func runTemplate(args []string) error {
	p, err := parseFlags(args, templateFlags)
	if err != nil {
		return err
	}
	caps := chartutil.DefaultCapabilities()
	if kv := p.last("kube-version", ""); kv != "" {
		v, err := chart.ParseSemver(kv)
		if err != nil {
			return fmt.Errorf("invalid kube version '%s': %s", kv, err)
		}
		caps.KubeVersion = chartutil.KubeVersion{
			Version: "v" + v.String(), Major: fmt.Sprint(v.Major()), Minor: fmt.Sprint(v.Minor()),
		}
	}
	caps.APIVersions = append(caps.APIVersions, p.values["api-versions"]...)

	pos := p.positionals
	if len(pos) == 0 {
		return fmt.Errorf("\"helm template\" requires at least 1 argument")
	}
	if len(pos) > 2 {
		return fmt.Errorf("expected at most two arguments, unexpected arguments: %v", strings.Join(pos[2:], ", "))
	}
	releaseName, chartPath := "release-name", pos[0]
	if len(pos) == 2 {
		releaseName, chartPath = pos[0], pos[1]
	}
	if _, err := os.Stat(chartPath); err != nil {
		return fmt.Errorf("path %q not found", chartPath)
	}
	vals, err := userValues(p)
	if err != nil {
		return err
	}
	c, err := chart.Load(chartPath)
	if err != nil {
		return err
	}
	if t := c.Metadata.Type; t != "" && t != "application" {
		return fmt.Errorf("%s charts are not installable", t)
	}
	if c.Metadata.Deprecated {
		fmt.Fprintln(os.Stderr, "WARNING: This chart is deprecated")
	}
	if err := checkDependencies(c); err != nil {
		return err
	}
	if releaseName == "" || len(releaseName) > 53 || !validReleaseName.MatchString(releaseName) {
		return fmt.Errorf("release name %q: invalid release name, must match regex %s and the length must not be longer than 53", releaseName, validReleaseName.String())
	}
	if err := chartutil.ProcessDependencies(c, vals); err != nil {
		return err
	}
	upgrade := p.bools["is-upgrade"]
	top, err := chartutil.ToRenderValues(c, vals, chartutil.ReleaseOptions{
		Name: releaseName, Namespace: p.last("namespace", "default"), Revision: 1,
		IsInstall: !upgrade, IsUpgrade: upgrade,
	}, caps)
	if err != nil {
		return err
	}
	// CRDs go to the output directory itself; manifests and hooks under the release name
	// when --release-name is set (Helm's renderResources and template command).
	baseDir := p.last("output-dir", "")
	outDir := baseDir
	if p.bools["release-name"] && outDir != "" {
		outDir = filepath.Join(outDir, releaseName)
	}
	hooks, manifest, err := renderResources(c, top, caps, baseDir, outDir, p.bools["include-crds"])
	if err != nil {
		return renderFailed{err}
	}
	return printRelease(p, hooks, manifest, outDir)
}

// userValues merges -f files, then --set-json, --set, --set-string and
// --set-file, in that fixed order (not command-line order), as Helm does.
func userValues(p *parsedFlags) (map[string]interface{}, error) {
	base := map[string]interface{}{}
	for _, f := range p.values["values"] {
		raw, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		cur := map[string]interface{}{}
		if err := yaml.Unmarshal(raw, &cur); err != nil {
			return nil, fmt.Errorf("failed to parse %s: %w", f, err)
		}
		base = mergeMaps(base, cur)
	}
	for _, v := range p.values["set-json"] {
		if err := parseSet(v, base, nil, true); err != nil {
			return nil, fmt.Errorf("failed parsing --set-json data %s", v)
		}
	}
	for _, v := range p.values["set"] {
		if err := parseSet(v, base, typedValue, false); err != nil {
			return nil, fmt.Errorf("failed parsing --set data: %w", err)
		}
	}
	for _, v := range p.values["set-string"] {
		if err := parseSet(v, base, stringValue, false); err != nil {
			return nil, fmt.Errorf("failed parsing --set-string data: %w", err)
		}
	}
	readFile := func(rs []rune) (interface{}, error) {
		b, err := os.ReadFile(string(rs))
		return string(b), err
	}
	for _, v := range p.values["set-file"] {
		if err := parseSet(v, base, readFile, false); err != nil {
			return nil, fmt.Errorf("failed parsing --set-file data: %w", err)
		}
	}
	return base, nil
}

// mergeMaps overlays b on a, merging nested maps.
func mergeMaps(a, b map[string]interface{}) map[string]interface{} {
	out := make(map[string]interface{}, len(a))
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		if vm, ok := v.(map[string]interface{}); ok {
			if cur, ok := out[k].(map[string]interface{}); ok {
				out[k] = mergeMaps(cur, vm)
				continue
			}
		}
		out[k] = v
	}
	return out
}

func checkDependencies(c *chart.Chart) error {
	var missing []string
outer:
	for _, r := range c.Metadata.Dependencies {
		for _, d := range c.Dependencies() {
			if d.Name() == r.Name {
				continue outer
			}
		}
		missing = append(missing, r.Name)
	}
	if len(missing) > 0 {
		return fmt.Errorf("An error occurred while checking for chart dependencies. You may need to run `helm dependency build` to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: %s", strings.Join(missing, ", "))
	}
	return nil
}

// renderResources renders, drops NOTES.txt, sorts, and prints (or writes)
// CRDs and manifests; hooks are returned for the caller to print.
func renderResources(c *chart.Chart, top chartutil.Values, caps *chartutil.Capabilities, baseDir, outDir string, includeCRDs bool) ([]*releaseutil.Hook, string, error) {
	if kv := c.Metadata.KubeVersion; kv != "" && !chart.IsCompatibleRange(kv, caps.KubeVersion.Version) {
		return nil, "", fmt.Errorf("chart requires kubeVersion: %s which is incompatible with Kubernetes %s", kv, caps.KubeVersion.Version)
	}
	files, err := engine.Render(c, top)
	if err != nil {
		return nil, "", err
	}
	for name := range files {
		if strings.HasSuffix(name, "NOTES.txt") {
			delete(files, name)
		}
	}
	hooks, manifests, err := releaseutil.SortManifests(files)
	if err != nil {
		return nil, "", err
	}
	var b bytes.Buffer
	written := map[string]bool{}
	if includeCRDs {
		for _, crd := range c.CRDObjects() {
			if outDir == "" {
				fmt.Fprintf(&b, "---\n# Source: %s\n%s\n", crd.Filename, crd.Data)
				continue
			}
			if err := writeToFile(baseDir, crd.Filename, string(crd.Data), written[crd.Filename]); err != nil {
				return nil, "", err
			}
			written[crd.Filename] = true
		}
	}
	for _, m := range manifests {
		if outDir == "" {
			fmt.Fprintf(&b, "---\n# Source: %s\n%s\n", m.Name, m.Content)
			continue
		}
		if err := writeToFile(outDir, m.Name, m.Content, written[m.Name]); err != nil {
			return nil, "", err
		}
		written[m.Name] = true
	}
	return hooks, b.String(), nil
}

// writeToFile appends (or creates) DIR/NAME with a Source header.
func writeToFile(dir, name, data string, appendData bool) error {
	file := strings.Join([]string{dir, name}, string(filepath.Separator))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	mode := os.O_CREATE | os.O_WRONLY | os.O_TRUNC
	if appendData {
		mode = os.O_APPEND | os.O_WRONLY
	}
	f, err := os.OpenFile(file, mode, 0o644)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := fmt.Fprintf(f, "---\n# Source: %s\n%s\n", name, data); err != nil {
		return err
	}
	fmt.Printf("wrote %s\n", file)
	return nil
}

var sourceLine = regexp.MustCompile("# Source: [^/]+/(.+)")

// printRelease prints the manifests, then hooks, honouring --show-only.
func printRelease(p *parsedFlags, hooks []*releaseutil.Hook, manifest, outDir string) error {
	var all bytes.Buffer
	fmt.Fprintln(&all, strings.TrimSpace(manifest))
	if !p.bools["no-hooks"] {
		written := map[string]bool{}
		for _, h := range hooks {
			if p.bools["skip-tests"] && h.IsTest() {
				continue
			}
			if outDir == "" {
				fmt.Fprintf(&all, "---\n# Source: %s\n%s\n", h.Path, h.Manifest)
				continue
			}
			if _, err := os.Stat(filepath.Join(outDir, h.Path)); err == nil {
				written[h.Path] = true
			}
			if err := writeToFile(outDir, h.Path, h.Manifest, written[h.Path]); err != nil {
				return err
			}
		}
	}
	show := p.values["show-only"]
	if len(show) == 0 {
		fmt.Print(all.String())
		return nil
	}
	docs := releaseutil.SplitManifests(all.String())
	keys := releaseutil.SortedKeys(docs)
	var picked []string
	for _, f := range show {
		f = filepath.ToSlash(f)
		found := false
		for _, k := range keys {
			m := sourceLine.FindStringSubmatch(docs[k])
			if len(m) == 0 {
				continue
			}
			if ok, _ := path.Match(f, m[1]); !ok {
				continue
			}
			picked = append(picked, docs[k])
			found = true
		}
		if !found {
			return fmt.Errorf("could not find template %s in chart", f)
		}
	}
	for _, m := range picked {
		fmt.Printf("---\n%s\n", m)
	}
	return nil
}
