// Package tomlkey finds the line where a TOML document sets a key, so that
// errors about a decoded value can name the line a user has to edit.
//
// It reads the document with the TOML parser rather than scanning lines,
// so comments, quoted keys, dotted keys, inline tables and multi-line
// strings are all understood. Lines are 1-based; when nothing matches, the
// answer is 1 (the top of the file is the best guess left).
package tomlkey

import (
	"bytes"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// entry is where one key path or table header is written.
type entry struct {
	path   string // dotted: "simulate.flags.burst"
	offset int    // byte offset of the key (or header)
	header bool   // a [table] or [[table]] header
}

// Line returns the line where key is set inside table: table "simulate"
// and key "collapse" match `collapse = …` under [simulate], `simulate.collapse
// = …` at the top and `simulate = { collapse = … }`. Table and key may be
// dotted; table "" is the top level. With key "", or when the key is not
// set, Line returns the line of the table: its first [table] or [[table]]
// header, else the first key that is written inside it. A key that is
// itself a table (key "burst" of table "simulate.flags") is found at its
// header, [simulate.flags.burst], or at its first dotted key.
func Line(data []byte, table, key string) int {
	entries := scan(data)
	if key != "" {
		want := key
		if table != "" {
			want = table + "." + key
		}
		if n := first(data, entries, want); n > 0 {
			return n
		}
	}
	if table == "" {
		return 1
	}
	for _, e := range entries {
		if e.header && e.path == table {
			return lineAt(data, e.offset)
		}
	}
	if n := first(data, entries, table); n > 0 {
		return n
	}
	return 1
}

// first returns the line of the first header or key that is path or lies
// inside it, 0 when there is none.
func first(data []byte, entries []entry, path string) int {
	for _, e := range entries {
		if e.path == path || strings.HasPrefix(e.path, path+".") {
			return lineAt(data, e.offset)
		}
	}
	return 0
}

// ArrayLine returns the line of the i-th (0-based) [[table]] header, or
// Line(data, table, "") when there are not that many.
func ArrayLine(data []byte, table string, i int) int {
	n := 0
	for _, e := range scan(data) {
		if e.header && e.path == table {
			if n == i {
				return lineAt(data, e.offset)
			}
			n++
		}
	}
	return Line(data, table, "")
}

// scan lists the headers and keys of data in document order. It stops at
// the first syntax error and returns what came before it.
func scan(data []byte) []entry {
	var p unstable.Parser
	p.Reset(data)
	var out []entry
	var table []string
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			parts, off := keyParts(e.Key())
			table = parts
			out = append(out, entry{path: strings.Join(parts, "."), offset: off, header: true})
		case unstable.KeyValue:
			out = walk(e, table, out)
		}
	}
	return out
}

// walk adds a key-value and, for an inline table, its keys.
func walk(kv *unstable.Node, prefix []string, out []entry) []entry {
	parts, off := keyParts(kv.Key())
	full := append(append([]string(nil), prefix...), parts...)
	out = append(out, entry{path: strings.Join(full, "."), offset: off})
	if v := kv.Value(); v.Kind == unstable.InlineTable {
		it := v.Children()
		for it.Next() {
			out = walk(it.Node(), full, out)
		}
	}
	return out
}

// keyParts returns the parts of a dotted key and the offset of its first part.
func keyParts(it unstable.Iterator) (parts []string, offset int) {
	offset = -1
	for it.Next() {
		n := it.Node()
		parts = append(parts, string(n.Data))
		if offset < 0 {
			offset = int(n.Raw.Offset)
		}
	}
	return parts, max(offset, 0)
}

// lineAt returns the 1-based line of byte offset off.
func lineAt(data []byte, off int) int {
	return bytes.Count(data[:min(off, len(data))], []byte("\n")) + 1
}
