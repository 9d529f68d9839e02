// Package baseline records the findings of a run so later runs report only
// new ones (`notelint baseline write`, `check --baseline`), and keeps only
// the findings on lines changed since a git revision (`check
// --new-from-rev`, `--new-from-merge-base`).
//
// A finding is matched by its file (relative to the baseline file), rule,
// template id and a fingerprint: a hash of the text the finding points at
// and its message. Line numbers are not part of it, so a finding moved by
// lines added above it stays matched; editing the text it points at (for a
// finding on a whole template: any text of the template) makes it new.
package baseline

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/notelint/notelint/lint"
)

// Version is the format version written to and accepted from a baseline
// file.
const Version = 1

// File is the content of a baseline file.
type File struct {
	// Notelint is the format version (Version).
	Notelint int     `json:"notelint_baseline"`
	Findings []Entry `json:"findings"`
}

// Entry is one recorded finding, or several identical ones (Count).
type Entry struct {
	File        string `json:"file"` // slash-separated, relative to the baseline file
	Rule        string `json:"rule"`
	Template    string `json:"template,omitempty"`
	Fingerprint string `json:"fingerprint"`
	// Message is kept for the reader of the file; matching uses the
	// fingerprint, which covers it.
	Message string `json:"message"`
	Count   int    `json:"count"`
}

type key struct{ file, rule, template, fingerprint string }

// Fingerprint hashes the finding's rule, template, the bytes it points at
// in content (the file as loaded; nil when not known) and its message.
func Fingerprint(f lint.Finding, content []byte) string {
	var text []byte
	if f.Offset >= 0 && f.Offset <= f.EndOffset && f.EndOffset <= len(content) {
		text = content[f.Offset:f.EndOffset]
	}
	text = bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n"))
	h := sha256.New()
	for _, s := range [][]byte{[]byte(f.Rule), []byte(f.Template), text, []byte(f.Message)} {
		fmt.Fprintf(h, "%d:", len(s))
		h.Write(s)
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// relPath returns file relative to dir, slash-separated; file as given
// (slash-separated) when that is not possible.
func relPath(dir, file string) string {
	abs, err := filepath.Abs(file)
	if err != nil {
		return filepath.ToSlash(file)
	}
	if r, err := filepath.Rel(dir, abs); err == nil {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(file)
}

func keyOf(dir string, f lint.Finding, contents map[string][]byte) key {
	return key{relPath(dir, f.File), f.Rule, f.Template, Fingerprint(f, contents[f.File])}
}

// New records findings for a baseline file to be written at path;
// contents holds the files as loaded (lint.Result.Contents).
func New(path string, findings []lint.Finding, contents map[string][]byte) (*File, error) {
	dir, err := baseDir(path)
	if err != nil {
		return nil, err
	}
	byKey := map[key]*Entry{}
	var order []key
	for _, f := range findings {
		k := keyOf(dir, f, contents)
		if e, ok := byKey[k]; ok {
			e.Count++
			continue
		}
		byKey[k] = &Entry{File: k.file, Rule: k.rule, Template: k.template, Fingerprint: k.fingerprint, Message: f.Message, Count: 1}
		order = append(order, k)
	}
	out := &File{Notelint: Version, Findings: make([]Entry, 0, len(order))}
	for _, k := range order {
		out.Findings = append(out.Findings, *byKey[k])
	}
	slices.SortFunc(out.Findings, func(a, b Entry) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Template, b.Template),
			cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Message, b.Message), cmp.Compare(a.Fingerprint, b.Fingerprint))
	})
	return out, nil
}

// Marshal returns the file as indented JSON with a final newline.
func (b *File) Marshal() ([]byte, error) {
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encoding baseline: %w", err)
	}
	return append(data, '\n'), nil
}

// Read loads the baseline file at path.
func Read(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading baseline: %w", err)
	}
	return Parse(path, data)
}

// Parse reads data, the content of the baseline file at path.
func Parse(path string, data []byte) (*File, error) {
	var b File
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line := 1 + bytes.Count(data[:min(int(se.Offset), len(data))], []byte("\n"))
			return nil, fmt.Errorf("%s:%d: not a notelint baseline: %w", path, line, err)
		}
		return nil, fmt.Errorf("%s: not a notelint baseline: %w", path, err)
	}
	if b.Notelint != Version {
		return nil, fmt.Errorf("%s: baseline format %d, want %d (write it again with `notelint baseline write`)", path, b.Notelint, Version)
	}
	for i, e := range b.Findings {
		if e.Rule == "" || e.Fingerprint == "" || e.Count < 1 {
			return nil, fmt.Errorf("%s: finding %d: rule, fingerprint and a count of at least 1 are required", path, i+1)
		}
	}
	return &b, nil
}

// Filter returns the findings the baseline at path (read as b) does not
// record, and how many it hid. Each entry hides at most Count findings, so
// a second copy of a recorded problem is new.
func (b *File) Filter(path string, findings []lint.Finding, contents map[string][]byte) ([]lint.Finding, int, error) {
	dir, err := baseDir(path)
	if err != nil {
		return nil, 0, err
	}
	left := map[key]int{}
	for _, e := range b.Findings {
		left[key{e.File, e.Rule, e.Template, e.Fingerprint}] += e.Count
	}
	var kept []lint.Finding
	hidden := 0
	for _, f := range findings {
		k := keyOf(dir, f, contents)
		if left[k] > 0 {
			left[k]--
			hidden++
			continue
		}
		kept = append(kept, f)
	}
	return kept, hidden, nil
}

func baseDir(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("baseline %s: %w", path, err)
	}
	return filepath.Dir(abs), nil
}
