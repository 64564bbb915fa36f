// helm-ref is the independent oracle of the differential tests: it renders
// templates and charts the way Helm v3.19's `helm template` does, using Go's
// own text/template and Sprig, so that spark-constructor can be compared
// with it byte for byte. See tests/differential/README.md for the contract.
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: helm-ref eval TEMPLATE [--data JSON] [--data-file FILE] [--ints]\n       helm-ref template [NAME] CHART [flags]")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "eval":
		err = runEval(os.Args[2:])
	case "template":
		err = runTemplate(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q for \"helm-ref\"", os.Args[1])
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "Error: %s\n", err)
		os.Exit(1)
	}
}
