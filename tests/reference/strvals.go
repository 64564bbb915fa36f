package main

// A parser for Helm's --set / --set-string / --set-json / --set-file syntax:
//
//	assignments := assignment { "," assignment }
//	assignment  := key "=" value
//	key         := name { "." name | "[" index "]" }   ("\" escapes any rune)
//	value       := "{" item { "," item } "}" | text up to the next ","
//
// --set types its scalars (true/false/null, base-10 int64 not starting with
// "0", else string); --set-string keeps strings; --set-json decodes one JSON
// value; --set-file reads the named file as a string.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
)

const (
	maxIndex       = 65536
	maxNestedLevel = 30
)

var errNotList = errors.New("not a list")

type valueReader func([]rune) (interface{}, error)

type setParser struct {
	sc     *bytes.Buffer
	data   map[string]interface{}
	reader valueReader
	isJSON bool
}

func parseSet(s string, dest map[string]interface{}, reader valueReader, isJSON bool) error {
	p := &setParser{sc: bytes.NewBufferString(s), data: dest, reader: reader, isJSON: isJSON}
	for {
		err := p.key(p.data, 0)
		if err == nil {
			continue
		}
		if err == io.EOF {
			return nil
		}
		return err
	}
}

// typedValue is --set's scalar typing.
func typedValue(rs []rune) (interface{}, error) {
	v := string(rs)
	switch {
	case strings.EqualFold(v, "true"):
		return true, nil
	case strings.EqualFold(v, "false"):
		return false, nil
	case strings.EqualFold(v, "null"):
		return nil, nil
	case strings.EqualFold(v, "0"):
		return int64(0), nil
	}
	if len(v) != 0 && v[0] != '0' {
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			return n, nil
		}
	}
	return v, nil
}

func stringValue(rs []rune) (interface{}, error) { return string(rs), nil }

// readUntil reads runes up to one of stop (consumed, returned as last),
// resolving backslash escapes; io.EOF when the input ends first.
func readUntil(in *bytes.Buffer, stop string) ([]rune, rune, error) {
	var v []rune
	for {
		r, _, err := in.ReadRune()
		if err != nil {
			return v, r, err
		}
		if r == '\\' {
			next, _, err := in.ReadRune()
			if err != nil {
				return v, next, err
			}
			v = append(v, next)
			continue
		}
		if strings.ContainsRune(stop, r) {
			return v, r, nil
		}
		v = append(v, r)
	}
}

func setKey(data map[string]interface{}, key string, val interface{}) {
	if key == "" {
		return
	}
	data[key] = val
}

func setIndex(list []interface{}, i int, val interface{}) ([]interface{}, error) {
	if i < 0 {
		return list, fmt.Errorf("negative %d index not allowed", i)
	}
	if i > maxIndex {
		return list, fmt.Errorf("index of %d is greater than maximum supported index of %d", i, maxIndex)
	}
	if len(list) <= i {
		grown := make([]interface{}, i+1)
		copy(grown, list)
		list = grown
	}
	list[i] = val
	return list, nil
}

func (p *setParser) key(data map[string]interface{}, level int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("unable to parse key: %s", r)
		}
	}()
	k, last, e := readUntil(p.sc, "=[,.")
	switch {
	case e != nil:
		if len(k) == 0 {
			return e
		}
		return fmt.Errorf("key %q has no value", string(k))
	case last == '[':
		i, err := p.index()
		if err != nil {
			return fmt.Errorf("error parsing index: %w", err)
		}
		list := []interface{}{}
		if cur, ok := data[string(k)]; ok {
			list = cur.([]interface{})
		}
		list, err = p.listItem(list, i, level)
		setKey(data, string(k), list)
		return err
	case last == '=':
		if p.isJSON {
			return p.jsonValue(func(v interface{}) { setKey(data, string(k), v) })
		}
		vl, e := p.list()
		switch e {
		case nil:
			setKey(data, string(k), vl)
			return nil
		case io.EOF:
			setKey(data, string(k), "")
			return e
		case errNotList:
			rs, e := p.scalar()
			if e != nil && e != io.EOF {
				return e
			}
			v, e := p.reader(rs)
			setKey(data, string(k), v)
			return e
		default:
			return e
		}
	case last == ',':
		setKey(data, string(k), "")
		return fmt.Errorf("key %q has no value (cannot end with ,)", string(k))
	default: // '.'
		level++
		if level > maxNestedLevel {
			return fmt.Errorf("value name nested level is greater than maximum supported nested level of %d", maxNestedLevel)
		}
		inner := map[string]interface{}{}
		if cur, ok := data[string(k)]; ok {
			inner = cur.(map[string]interface{})
		}
		e := p.key(inner, level)
		if e == nil && len(inner) == 0 {
			return fmt.Errorf("key map %q has no value", string(k))
		}
		if len(inner) != 0 {
			setKey(data, string(k), inner)
		}
		return e
	}
}

// jsonValue decodes one JSON value (or an empty one, meaning null).
func (p *setParser) jsonValue(set func(interface{})) error {
	empty, err := p.skipBlank()
	if err != nil {
		return err
	}
	if empty {
		set(nil)
		return nil
	}
	var v interface{}
	dec := json.NewDecoder(strings.NewReader(p.sc.String()))
	if err := dec.Decode(&v); err != nil {
		return err
	}
	set(v)
	p.sc.Next(int(dec.InputOffset()))
	_, err = p.skipBlank()
	return err
}

// skipBlank skips spaces; true when the value ends here (",", or the end).
func (p *setParser) skipBlank() (bool, error) {
	for {
		r, _, e := p.sc.ReadRune()
		if e == io.EOF {
			return true, nil
		}
		if e != nil {
			return false, e
		}
		if r == ',' {
			return true, nil
		}
		if !unicode.IsSpace(r) {
			_ = p.sc.UnreadRune()
			return false, nil
		}
	}
}

func (p *setParser) index() (int, error) {
	v, _, err := readUntil(p.sc, "]")
	if err != nil {
		return 0, err
	}
	return strconv.Atoi(string(v))
}

func (p *setParser) listItem(list []interface{}, i, level int) ([]interface{}, error) {
	if i < 0 {
		return list, fmt.Errorf("negative %d index not allowed", i)
	}
	k, last, err := readUntil(p.sc, "[.=")
	switch {
	case len(k) > 0:
		return list, fmt.Errorf("unexpected data at end of array index: %q", k)
	case err != nil:
		return list, err
	case last == '=':
		if p.isJSON {
			var out []interface{}
			var setErr error
			err := p.jsonValue(func(v interface{}) { out, setErr = setIndex(list, i, v) })
			if err != nil {
				return list, err
			}
			return out, setErr
		}
		vl, e := p.list()
		switch e {
		case nil:
			return setIndex(list, i, vl)
		case io.EOF:
			return setIndex(list, i, "")
		case errNotList:
			rs, e := p.scalar()
			if e != nil && e != io.EOF {
				return list, e
			}
			v, e := p.reader(rs)
			if e != nil {
				return list, e
			}
			return setIndex(list, i, v)
		default:
			return list, e
		}
	case last == '[':
		next, err := p.index()
		if err != nil {
			return list, fmt.Errorf("error parsing index: %w", err)
		}
		var cur []interface{}
		if len(list) > i && list[i] != nil {
			cur = list[i].([]interface{})
		}
		inner, err := p.listItem(cur, next, level)
		if err != nil {
			return list, err
		}
		return setIndex(list, i, inner)
	default: // '.'
		inner := map[string]interface{}{}
		if len(list) > i {
			m, ok := list[i].(map[string]interface{})
			if !ok {
				m = map[string]interface{}{}
				list[i] = m
			}
			inner = m
		}
		if err := p.key(inner, level); err != nil {
			return list, err
		}
		return setIndex(list, i, inner)
	}
}

// list reads "{a,b,c}"; errNotList when the value does not start with "{".
func (p *setParser) list() ([]interface{}, error) {
	r, _, e := p.sc.ReadRune()
	if e != nil {
		return []interface{}{}, e
	}
	if r != '{' {
		_ = p.sc.UnreadRune()
		return []interface{}{}, errNotList
	}
	out := []interface{}{}
	for {
		rs, last, err := readUntil(p.sc, ",}")
		switch {
		case err != nil:
			if err == io.EOF {
				err = errors.New("list must terminate with '}'")
			}
			return out, err
		case last == '}':
			if r, _, e := p.sc.ReadRune(); e == nil && r != ',' {
				_ = p.sc.UnreadRune()
			}
			v, e := p.reader(rs)
			out = append(out, v)
			return out, e
		default:
			v, e := p.reader(rs)
			if e != nil {
				return out, e
			}
			out = append(out, v)
		}
	}
}

func (p *setParser) scalar() ([]rune, error) {
	v, _, err := readUntil(p.sc, ",")
	return v, err
}
