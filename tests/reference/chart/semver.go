package chart

import (
	"reflect"

	"github.com/Masterminds/sprig"
)

// Sprig already links Masterminds/semver v3; GOPATH mode cannot import a
// "/v3" path from our own package, so we reach semver through Sprig's own
// template functions instead of importing it.
var sprigFuncs = sprig.GenericFuncMap()

// SemverVersion is the subset of *semver.Version the reference needs.
type SemverVersion interface {
	Major() uint64
	Minor() uint64
	String() string
}

// ParseSemver parses a version string the way semver.NewVersion does.
func ParseSemver(v string) (SemverVersion, error) {
	out := reflect.ValueOf(sprigFuncs["semver"]).Call([]reflect.Value{reflect.ValueOf(v)})
	if err, _ := out[1].Interface().(error); err != nil {
		return nil, err
	}
	return out[0].Interface().(SemverVersion), nil
}

// IsValidSemver reports whether v parses as a semantic version.
func IsValidSemver(v string) bool {
	_, err := ParseSemver(v)
	return err == nil
}

// IsCompatibleRange reports whether version v satisfies the constraint.
func IsCompatibleRange(constraint, v string) bool {
	cmp := sprigFuncs["semverCompare"].(func(string, string) (bool, error))
	ok, err := cmp(constraint, v)
	return err == nil && ok
}
