package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"helmref/engine"
)

// runEval renders one template string (named "eval") with JSON data as ".".
func runEval(args []string) error {
	p, err := parseFlags(args, []flagSpec{
		{long: "data"}, {long: "data-file"}, {long: "ints", isBool: true},
	})
	if err != nil {
		return err
	}
	if len(p.positionals) != 1 {
		return fmt.Errorf("eval takes exactly one TEMPLATE argument, got %d", len(p.positionals))
	}
	raw := p.last("data", "")
	if f := p.last("data-file", ""); f != "" {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		raw = string(b)
	}
	var data interface{} = map[string]interface{}{}
	if strings.TrimSpace(raw) != "" {
		if data, err = decodeJSON(raw, p.bools["ints"]); err != nil {
			return fmt.Errorf("invalid --data: %w", err)
		}
	}
	out, err := engine.Eval(p.positionals[0], data)
	if err != nil {
		return err
	}
	_, err = io.WriteString(os.Stdout, out)
	return err
}

// decodeJSON decodes numbers as float64, or as int64 when ints is set and the
// literal is a base-10 integer that fits (what --set would produce).
func decodeJSON(raw string, ints bool) (interface{}, error) {
	dec := json.NewDecoder(bytes.NewReader([]byte(raw)))
	dec.UseNumber()
	var v interface{}
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return convertNumbers(v, ints), nil
}

func convertNumbers(v interface{}, ints bool) interface{} {
	switch x := v.(type) {
	case map[string]interface{}:
		for k, e := range x {
			x[k] = convertNumbers(e, ints)
		}
		return x
	case []interface{}:
		for i, e := range x {
			x[i] = convertNumbers(e, ints)
		}
		return x
	case json.Number:
		if ints {
			if n, err := strconv.ParseInt(string(x), 10, 64); err == nil {
				return n
			}
		}
		f, _ := strconv.ParseFloat(string(x), 64)
		return f
	}
	return v
}
