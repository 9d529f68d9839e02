package output

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestPrintersArePure fails when a printer source imports a package that
// reaches the file system or the network: printers get findings and the
// facts the run computed, and return bytes.
func TestPrintersArePure(t *testing.T) {
	banned := map[string]bool{"os": true, "io/ioutil": true, "io/fs": true, "net/http": true, "os/exec": true}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		af, err := parser.ParseFile(fset, f, src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range af.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); banned[p] {
				t.Errorf("%s imports %s: printers must not read files", f, p)
			}
		}
	}
}
