package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// ApplyFixes writes the fixes of findings into their files and returns how
// many edits were applied per file. Overlapping edits are skipped (the
// first wins); files are replaced atomically.
func ApplyFixes(findings []Finding, contents map[string][]byte) (map[string]int, error) {
	byFile := map[string][]Edit{}
	for _, f := range findings {
		if f.Fix == nil {
			continue
		}
		byFile[f.File] = append(byFile[f.File], f.Fix.Edits...)
	}
	applied := map[string]int{}
	files := make([]string, 0, len(byFile))
	for f := range byFile {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, file := range files {
		data, ok := contents[file]
		if !ok {
			var err error
			if data, err = os.ReadFile(file); err != nil {
				return applied, fmt.Errorf("applying fixes: %w", err)
			}
		}
		out, n := applyEdits(data, byFile[file])
		if n == 0 {
			continue
		}
		if err := writeFileAtomic(file, out); err != nil {
			return applied, fmt.Errorf("applying fixes to %s: %w", file, err)
		}
		applied[file] = n
	}
	return applied, nil
}

// applyEdits applies non-overlapping edits to data.
func applyEdits(data []byte, edits []Edit) ([]byte, int) {
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].Start < edits[j].Start })
	var out []byte
	last, n := 0, 0
	for _, e := range edits {
		if e.Start < last || e.End < e.Start || e.End > len(data) {
			continue
		}
		out = append(out, data[last:e.Start]...)
		out = append(out, e.New...)
		last = e.End
		n++
	}
	out = append(out, data[last:]...)
	return out, n
}

func writeFileAtomic(path string, data []byte) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".notelint-fix-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), st.Mode().Perm()); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
