package main

import (
	"fmt"
	"strings"
)

// flagSpec describes one option the way pflag would accept it.
type flagSpec struct {
	long, short string
	isBool      bool
	// split values on commas, like pflag's StringSlice
	csv bool
}

// parsedFlags holds option values (in command-line order) and positionals.
type parsedFlags struct {
	values      map[string][]string
	bools       map[string]bool
	positionals []string
}

// parseFlags accepts "--name value", "--name=value", "-n value", "-nvalue",
// "-n=value", flags interspersed with positionals, and "--" to end flags.
func parseFlags(args []string, specs []flagSpec) (*parsedFlags, error) {
	out := &parsedFlags{values: map[string][]string{}, bools: map[string]bool{}}
	find := func(name string, short bool) *flagSpec {
		for i := range specs {
			if (!short && specs[i].long == name) || (short && specs[i].short != "" && specs[i].short == name) {
				return &specs[i]
			}
		}
		return nil
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			out.positionals = append(out.positionals, args[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			out.positionals = append(out.positionals, a)
			continue
		}
		var spec *flagSpec
		var value string
		hasValue := false
		if strings.HasPrefix(a, "--") {
			name := a[2:]
			if eq := strings.IndexByte(name, '='); eq >= 0 {
				name, value, hasValue = name[:eq], name[eq+1:], true
			}
			if spec = find(name, false); spec == nil {
				return nil, fmt.Errorf("unknown flag: --%s", name)
			}
		} else {
			name := a[1:2]
			if spec = find(name, true); spec == nil {
				return nil, fmt.Errorf("unknown shorthand flag: '%s' in %s", name, a)
			}
			if len(a) > 2 {
				value, hasValue = strings.TrimPrefix(a[2:], "="), true
			}
		}
		if spec.isBool {
			b := true
			if hasValue {
				b = value == "true" || value == "1" || value == "t" || value == "T" || value == "TRUE" || value == "True"
			}
			out.bools[spec.long] = b
			continue
		}
		if !hasValue {
			if i+1 >= len(args) {
				return nil, fmt.Errorf("flag needs an argument: --%s", spec.long)
			}
			i++
			value = args[i]
		}
		if spec.csv {
			for _, v := range strings.Split(value, ",") {
				out.values[spec.long] = append(out.values[spec.long], v)
			}
		} else {
			out.values[spec.long] = append(out.values[spec.long], value)
		}
	}
	return out, nil
}

// last returns the final value of a single-valued flag, or def.
func (p *parsedFlags) last(name, def string) string {
	if v := p.values[name]; len(v) > 0 {
		return v[len(v)-1]
	}
	return def
}
