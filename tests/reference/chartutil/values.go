// Package chartutil holds the values model handed to templates. Its name is
// part of the contract: `typeOf .Values` prints "chartutil.Values" in Helm.
package chartutil

import (
	"fmt"
	"strings"

	"sigs.k8s.io/yaml"
)

// Values is the map type Helm gives templates for ".", ".Values" and ".Template".
type Values map[string]interface{}

// YAML renders the values as YAML.
func (v Values) YAML() (string, error) {
	b, err := yaml.Marshal(v)
	return string(b), err
}

// AsMap returns the values as a plain map (never nil).
func (v Values) AsMap() map[string]interface{} {
	if len(v) == 0 {
		return map[string]interface{}{}
	}
	return v
}

// Table walks a dotted path of nested tables.
func (v Values) Table(name string) (Values, error) {
	table := v
	for _, key := range strings.Split(name, ".") {
		next, ok := table[key]
		if !ok {
			return table, fmt.Errorf("%q is not a table", key)
		}
		switch t := next.(type) {
		case map[string]interface{}:
			table = t
		case Values:
			table = t
		default:
			return Values{}, fmt.Errorf("%q is not a table", key)
		}
	}
	return table, nil
}

// errNoValue marks a missing (or table-valued) leaf in PathValue.
type errNoValue struct{ key string }

func (e errNoValue) Error() string { return fmt.Sprintf("%q is not a value", e.key) }

// PathValue returns the non-table value at a dotted path.
func (v Values) PathValue(path string) (interface{}, error) {
	if path == "" {
		return nil, fmt.Errorf("YAML path cannot be empty")
	}
	parts := strings.Split(path, ".")
	if len(parts) == 1 {
		if val, ok := v[parts[0]]; ok && !isTable(val) {
			return val, nil
		}
		return nil, errNoValue{parts[0]}
	}
	last := parts[len(parts)-1]
	t, err := v.Table(strings.Join(parts[:len(parts)-1], "."))
	if err != nil {
		return nil, errNoValue{last}
	}
	if val, ok := t[last]; ok && !isTable(val) {
		return val, nil
	}
	return nil, errNoValue{last}
}

func isTable(v interface{}) bool {
	_, ok := v.(map[string]interface{})
	return ok
}
