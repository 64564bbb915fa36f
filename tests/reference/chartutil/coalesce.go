package chartutil

import (
	"fmt"

	"github.com/mitchellh/copystructure"

	"helmref/chart"
)

// Coalescing rules, as `helm template` applies them (user values win):
//   - a key only in the chart's values.yaml is copied in;
//   - a user null deletes the key (when coalescing; merging keeps the null);
//   - tables merge recursively; a table never replaces a scalar or vice versa;
//   - each subchart gets the section named after it, with the parent's
//     "global" table merged into the subchart's own "global";
//   - sections that belong to a subchart always merge (nulls survive there,
//     to be removed when that subchart is coalesced in turn).
// Helm logs warnings for type conflicts; the reference drops them silently,
// so chart cases must not rely on them.

const globalKey = "global"

// CoalesceValues merges the chart's defaults (and its subcharts') under vals.
func CoalesceValues(c *chart.Chart, vals map[string]interface{}) (Values, error) {
	cp, err := copystructure.Copy(vals)
	if err != nil {
		return vals, err
	}
	m, _ := cp.(map[string]interface{})
	if m == nil {
		m = map[string]interface{}{}
	}
	return coalesce(c, m, "", false)
}

// MergeValues is CoalesceValues that keeps nulls instead of deleting keys.
func MergeValues(c *chart.Chart, vals map[string]interface{}) (Values, error) {
	cp, err := copystructure.Copy(vals)
	if err != nil {
		return vals, err
	}
	m, _ := cp.(map[string]interface{})
	if m == nil {
		m = map[string]interface{}{}
	}
	return coalesce(c, m, "", true)
}

func coalesce(c *chart.Chart, dest map[string]interface{}, prefix string, merge bool) (map[string]interface{}, error) {
	coalesceValues(c, dest, prefix, merge)
	return coalesceDeps(c, dest, prefix, merge)
}

func coalesceDeps(c *chart.Chart, dest map[string]interface{}, prefix string, merge bool) (map[string]interface{}, error) {
	for _, sub := range c.Dependencies() {
		cur, ok := dest[sub.Name()]
		if !ok {
			dest[sub.Name()] = map[string]interface{}{}
		} else if !isTable(cur) {
			return dest, fmt.Errorf("type mismatch on %s: %t", sub.Name(), cur)
		}
		dv := dest[sub.Name()].(map[string]interface{})
		subPrefix := joinPrefix(prefix, c.Metadata.Name)
		coalesceGlobals(dv, dest)
		res, err := coalesce(sub, dv, subPrefix, merge)
		if err != nil {
			return dest, err
		}
		dest[sub.Name()] = res
	}
	return dest, nil
}

// coalesceGlobals copies src's globals into dest's, parent values winning
// over the subchart's for scalars and merging tables top-down.
func coalesceGlobals(dest, src map[string]interface{}) {
	var dg, sg map[string]interface{}
	if g, ok := dest[globalKey]; !ok {
		dg = map[string]interface{}{}
	} else if dg, ok = g.(map[string]interface{}); !ok {
		return
	}
	if g, ok := src[globalKey]; !ok {
		sg = map[string]interface{}{}
	} else if sg, ok = g.(map[string]interface{}); !ok {
		return
	}
	for key, val := range sg {
		if isTable(val) {
			vv := copyMap(val.(map[string]interface{}))
			if cur, ok := dg[key]; !ok {
				dg[key] = vv
			} else if curMap, ok := cur.(map[string]interface{}); ok {
				coalesceTables(vv, curMap, true)
				dg[key] = vv
			}
		} else if cur, ok := dg[key]; ok && isTable(cur) {
			continue
		} else {
			dg[key] = val
		}
	}
	dest[globalKey] = dg
}

func copyMap(src map[string]interface{}) map[string]interface{} {
	cp, err := copystructure.Copy(src)
	if err != nil {
		return src
	}
	return cp.(map[string]interface{})
}

// coalesceValues folds chart c's own values.yaml under v.
func coalesceValues(c *chart.Chart, v map[string]interface{}, prefix string, merge bool) {
	var defaults map[string]interface{}
	if cp, err := copystructure.Copy(c.Values); err == nil {
		defaults, _ = cp.(map[string]interface{})
	}
	if defaults == nil {
		defaults = c.Values
	}
	for key, val := range defaults {
		cur, ok := v[key]
		if !ok {
			v[key] = val
			continue
		}
		if cur == nil && !merge {
			delete(v, key)
			continue
		}
		dst, ok := cur.(map[string]interface{})
		if !ok {
			continue
		}
		src, ok := val.(map[string]interface{})
		if !ok {
			continue
		}
		coalesceTables(dst, src, merge || isSubchartName(c, key))
	}
}

func isSubchartName(c *chart.Chart, key string) bool {
	for _, sub := range c.Dependencies() {
		if sub.Name() == key {
			return true
		}
	}
	return false
}

// CoalesceTables folds src under dst (dst wins), deleting keys dst nulls.
func CoalesceTables(dst, src map[string]interface{}) map[string]interface{} {
	return coalesceTables(dst, src, false)
}

// MergeTables folds src under dst (dst wins), keeping nulls.
func MergeTables(dst, src map[string]interface{}) map[string]interface{} {
	return coalesceTables(dst, src, true)
}

func coalesceTables(dst, src map[string]interface{}, merge bool) map[string]interface{} {
	if src == nil {
		return dst
	}
	if dst == nil {
		return src
	}
	for key, val := range dst {
		if val == nil {
			src[key] = nil
		}
	}
	for key, val := range src {
		cur, ok := dst[key]
		switch {
		case ok && !merge && cur == nil:
			delete(dst, key)
		case !ok:
			dst[key] = val
		case isTable(val):
			if isTable(cur) {
				coalesceTables(cur.(map[string]interface{}), val.(map[string]interface{}), merge)
			}
		}
	}
	return dst
}

func joinPrefix(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}
