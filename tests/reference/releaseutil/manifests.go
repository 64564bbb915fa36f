// Package releaseutil splits rendered files into manifests and hooks and puts
// them in Helm's install order.
package releaseutil

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"sigs.k8s.io/yaml"
)

// separator matches a "---" document line, with the blank space around it.
var separator = regexp.MustCompile("(?:^|\\s*\n)---\\s*")

// SplitManifests splits a multi-document YAML stream into documents, keyed
// "manifest-N" in stream order. Blank documents are dropped.
func SplitManifests(big string) map[string]string {
	res := map[string]string{}
	count := 0
	for _, d := range separator.Split(strings.TrimSpace(big), -1) {
		if d == "" {
			continue
		}
		res[fmt.Sprintf("manifest-%d", count)] = strings.TrimSpace(d)
		count++
	}
	return res
}

// SortedKeys returns SplitManifests keys in stream order.
func SortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	num := func(k string) int {
		n, _ := strconv.Atoi(strings.TrimPrefix(k, "manifest-"))
		return n
	}
	sort.Slice(keys, func(i, j int) bool { return num(keys[i]) < num(keys[j]) })
	return keys
}

// head is the part of a document needed to classify it.
type head struct {
	Version  string `json:"apiVersion"`
	Kind     string `json:"kind,omitempty"`
	Metadata *struct {
		Name        string            `json:"name"`
		Annotations map[string]string `json:"annotations"`
	} `json:"metadata,omitempty"`
}

// Manifest is one document of a rendered file.
type Manifest struct {
	Name    string
	Content string
	Kind    string
}

// Hook is a document carrying a helm.sh/hook annotation.
type Hook struct {
	Path     string
	Manifest string
	Kind     string
	Events   []string
}

// IsTest reports whether the hook runs on `helm test`.
func (h *Hook) IsTest() bool {
	for _, e := range h.Events {
		if e == "test" {
			return true
		}
	}
	return false
}

var hookEvents = map[string]string{
	"pre-install": "pre-install", "post-install": "post-install",
	"pre-delete": "pre-delete", "post-delete": "post-delete",
	"pre-upgrade": "pre-upgrade", "post-upgrade": "post-upgrade",
	"pre-rollback": "pre-rollback", "post-rollback": "post-rollback",
	"test": "test", "test-success": "test",
}

// installOrder is the kind order Helm installs (and `helm template` prints) in.
var installOrder = []string{
	"PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange",
	"PodSecurityPolicy", "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList",
	"ConfigMap", "StorageClass", "PersistentVolume", "PersistentVolumeClaim",
	"CustomResourceDefinition", "ClusterRole", "ClusterRoleList", "ClusterRoleBinding",
	"ClusterRoleBindingList", "Role", "RoleList", "RoleBinding", "RoleBindingList",
	"Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment",
	"HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress",
	"APIService", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
}

var kindRank = func() map[string]int {
	m := map[string]int{}
	for i, k := range installOrder {
		m[k] = i
	}
	return m
}()

// lessByKind: known kinds by rank, unknown kinds last and alphabetically.
func lessByKind(a, b string) bool {
	ra, oka := kindRank[a]
	rb, okb := kindRank[b]
	switch {
	case !oka && !okb:
		return a < b
	case !oka:
		return false
	case !okb:
		return true
	}
	return ra < rb
}

// SortManifests classifies the rendered files (by sorted file name, then
// document order) into hooks and plain manifests, each stably sorted by kind.
// Partials and whitespace-only files are skipped.
func SortManifests(files map[string]string) ([]*Hook, []Manifest, error) {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var hooks []*Hook
	var generic []Manifest
	for _, name := range names {
		content := files[name]
		base := name[strings.LastIndex(name, "/")+1:]
		if strings.HasPrefix(base, "_") || strings.TrimSpace(content) == "" {
			continue
		}
		docs := SplitManifests(content)
		for _, key := range SortedKeys(docs) {
			doc := docs[key]
			var h head
			if err := yaml.Unmarshal([]byte(doc), &h); err != nil {
				return hooks, generic, fmt.Errorf("YAML parse error on %s: %w", name, err)
			}
			var hookTypes string
			isHook := false
			if h.Metadata != nil && len(h.Metadata.Annotations) > 0 {
				hookTypes, isHook = h.Metadata.Annotations["helm.sh/hook"]
			}
			if !isHook {
				generic = append(generic, Manifest{Name: name, Content: doc, Kind: h.Kind})
				continue
			}
			hook := &Hook{Path: name, Manifest: doc, Kind: h.Kind}
			known := true
			for _, ht := range strings.Split(hookTypes, ",") {
				ev, ok := hookEvents[strings.ToLower(strings.TrimSpace(ht))]
				if !ok {
					known = false
					break
				}
				hook.Events = append(hook.Events, ev)
			}
			if known {
				hooks = append(hooks, hook)
			}
		}
	}
	sort.SliceStable(hooks, func(i, j int) bool { return lessByKind(hooks[i].Kind, hooks[j].Kind) })
	sort.SliceStable(generic, func(i, j int) bool { return lessByKind(generic[i].Kind, generic[j].Kind) })
	return hooks, generic, nil
}
