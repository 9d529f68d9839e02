package simulate

import (
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// hiveDefault is the value Hive and Spark write for a null partition value.
const hiveDefault = "__HIVE_DEFAULT_PARTITION__"

// expandInputs replaces each directory among the inputs by the Parquet
// files under it (hive-style partitioned datasets: bucket=3/part-0.parquet),
// sorted by path. Files and directories whose names start with "." or "_"
// (_SUCCESS, _metadata, .crc files) are skipped, as Spark and Hive do.
func expandInputs(inputs []string, fsys fs.FS) ([]string, error) {
	var out []string
	for _, name := range inputs {
		if name == "-" || !isDir(fsys, name) {
			out = append(out, name)
			continue
		}
		files, err := parquetFiles(fsys, name)
		if err != nil {
			return nil, err
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("%s is a directory without .parquet files", name)
		}
		out = append(out, files...)
	}
	return out, nil
}

func isDir(fsys fs.FS, name string) bool {
	var st fs.FileInfo
	var err error
	if fsys != nil {
		st, err = fs.Stat(fsys, name)
	} else {
		st, err = os.Stat(name)
	}
	return err == nil && st.IsDir()
}

// parquetFiles lists the .parquet files under dir, sorted.
func parquetFiles(fsys fs.FS, dir string) ([]string, error) {
	var files []string
	visit := func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("reading directory %s: %w", dir, err)
		}
		if p == dir {
			return nil
		}
		if base := d.Name(); strings.HasPrefix(base, ".") || strings.HasPrefix(base, "_") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() && strings.EqualFold(path.Ext(d.Name()), ".parquet") {
			files = append(files, p)
		}
		return nil
	}
	var err error
	if fsys != nil {
		err = fs.WalkDir(fsys, dir, visit)
	} else {
		err = filepath.WalkDir(dir, visit)
	}
	if err != nil {
		return nil, err
	}
	slices.Sort(files)
	return files, nil
}

// hivePartitions returns the key=value directory names in the path of a
// file (values unescaped as Hive escapes them; the innermost wins).
func hivePartitions(name string) map[string]string {
	segs := strings.Split(filepath.ToSlash(name), "/")
	var m map[string]string
	for _, s := range segs[:len(segs)-1] {
		k, v, ok := strings.Cut(s, "=")
		if !ok || k == "" {
			continue
		}
		if u, err := url.PathUnescape(v); err == nil {
			v = u
		}
		if m == nil {
			m = map[string]string{}
		}
		if v == hiveDefault {
			v = "" // null: an empty value, a bad row in a required column
		}
		m[k] = v
	}
	return m
}
