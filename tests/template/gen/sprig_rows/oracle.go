package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"text/template"

	"github.com/Masterminds/sprig"
)

func main() {
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		row := sc.Text()
		if strings.TrimSpace(row) == "" || strings.HasPrefix(row, "#") {
			continue
		}
		src := `{{ $r := (` + row + `) }}{{ printf "%T %v" $r $r }}`
		if strings.HasPrefix(row, "{{") {
			src = row
		}
		t, err := template.New("t").Funcs(sprig.TxtFuncMap()).Parse(src)
		if err != nil {
			fmt.Printf("%s\tPARSE\t%v\n", row, err)
			continue
		}
		var b strings.Builder
		err = t.Execute(&b, map[string]interface{}{})
		if err != nil {
			fmt.Printf("%s\tERR\t%q\n", row, err.Error())
			continue
		}
		fmt.Printf("%s\tOK\t%q\n", row, b.String())
	}
}
