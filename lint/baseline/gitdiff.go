package baseline

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
)

// Changes are the lines changed in the working tree since a git revision.
type Changes struct {
	top, rev string
	// files maps an absolute path to its changed lines (new numbering);
	// a nil set means the whole file is new (untracked or added).
	files map[string]*fileChanges
}

type fileChanges struct {
	old     string // path at the revision, relative to the top; "" when new
	whole   bool
	lines   map[int]bool // added or modified lines
	deleted map[int]bool // lines after which lines were removed
}

// git runs git in dir and returns its standard output; the error carries
// git's own message.
func git(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-C", dir, "-c", "core.quotePath=false"}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		var ee *exec.ExitError
		if msg != "" && errors.As(err, &ee) {
			return nil, fmt.Errorf("git %s: %s", args[0], msg)
		}
		return nil, fmt.Errorf("git %s: %w", args[0], err)
	}
	return out, nil
}

// MergeBase returns the best common ancestor of ref and HEAD in the
// repository holding dir.
func MergeBase(ctx context.Context, dir, ref string) (string, error) {
	out, err := git(ctx, dir, "merge-base", "--", ref, "HEAD")
	if err != nil {
		return "", fmt.Errorf("merge base of %s and HEAD: %w", ref, err)
	}
	return strings.TrimSpace(string(out)), nil
}

// ChangedSince returns the lines of the working tree (staged or not, and
// untracked files not ignored) that differ from rev, in the repository
// holding dir. Renamed files are followed: only their changed lines count.
func ChangedSince(ctx context.Context, dir, rev string) (*Changes, error) {
	if strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("revision %q: a revision cannot start with '-'", rev)
	}
	topOut, err := git(ctx, dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, err
	}
	top := resolve(strings.TrimSpace(string(topOut)))
	if _, err := git(ctx, dir, "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("revision %q is not a commit in %s", rev, top)
	}
	diff, err := git(ctx, top, "diff", "--no-color", "--no-ext-diff", "--find-renames", "-U0",
		"--src-prefix=a/", "--dst-prefix=b/", rev, "--")
	if err != nil {
		return nil, err
	}
	c, err := parseDiff(top, diff)
	if err != nil {
		return nil, err
	}
	c.top, c.rev = top, rev
	untracked, err := git(ctx, top, "ls-files", "--others", "--exclude-standard", "-z")
	if err != nil {
		return nil, err
	}
	for _, p := range strings.Split(string(untracked), "\x00") {
		if p != "" {
			c.files[filepath.Join(top, filepath.FromSlash(p))] = &fileChanges{whole: true}
		}
	}
	return c, nil
}

// parseDiff reads a unified diff with zero context whose paths are
// relative to top.
func parseDiff(top string, diff []byte) (*Changes, error) {
	c := &Changes{files: map[string]*fileChanges{}}
	var cur *fileChanges
	newFile := false
	old := ""
	// Inside a hunk, the lines left to read of the old and new side, and
	// the number of the next new line: a hunk line that looks like a
	// header ("--- x" removes "-- x") is still a hunk line.
	oldLeft, newLeft, next := 0, 0, 0
	sc := bufio.NewScanner(bytes.NewReader(diff))
	sc.Buffer(make([]byte, 64*1024), 64*1024*1024)
	for sc.Scan() {
		line := sc.Text()
		if oldLeft > 0 || newLeft > 0 {
			switch {
			case strings.HasPrefix(line, "+") && newLeft > 0:
				cur.lines[next] = true
				next++
				newLeft--
				continue
			case strings.HasPrefix(line, "-") && oldLeft > 0:
				oldLeft--
				continue
			case strings.HasPrefix(line, " ") && oldLeft > 0 && newLeft > 0:
				oldLeft, newLeft, next = oldLeft-1, newLeft-1, next+1 // context
				continue
			case strings.HasPrefix(line, `\`):
				continue // "\ No newline at end of file"
			}
			return nil, fmt.Errorf("git diff: hunk shorter than its header says, at %q", line)
		}
		switch {
		case strings.HasPrefix(line, `\`):
		case strings.HasPrefix(line, "diff --git "):
			cur, newFile, old = nil, false, ""
		case strings.HasPrefix(line, "new file mode"):
			newFile = true
		case strings.HasPrefix(line, "--- "):
			name, err := diffPath(strings.TrimPrefix(line, "--- "), "a/")
			if err != nil {
				return nil, err
			}
			old = name
		case strings.HasPrefix(line, "+++ "):
			name, err := diffPath(strings.TrimPrefix(line, "+++ "), "b/")
			if err != nil {
				return nil, err
			}
			if name == "" {
				cur = nil
				continue
			}
			cur = &fileChanges{old: old, whole: newFile, lines: map[int]bool{}, deleted: map[int]bool{}}
			c.files[filepath.Join(top, filepath.FromSlash(name))] = cur
		case strings.HasPrefix(line, "@@ "):
			o, start, n, err := hunkHeader(line)
			if err != nil {
				return nil, err
			}
			if n == 0 {
				if cur != nil {
					cur.deleted[start] = true
				}
			}
			oldLeft, newLeft, next = o, n, start
			if cur == nil {
				// A hunk of a deleted file: its lines are read and dropped.
				cur = &fileChanges{lines: map[int]bool{}, deleted: map[int]bool{}}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading git diff: %w", err)
	}
	if oldLeft > 0 || newLeft > 0 {
		return nil, errors.New("git diff: the last hunk is cut short")
	}
	return c, nil
}

// diffPath reads the path of a "---" or "+++" line: "" for /dev/null,
// else the path without prefix, unquoted when git quoted it.
func diffPath(name, prefix string) (string, error) {
	if name == "/dev/null" {
		return "", nil
	}
	if strings.HasPrefix(name, `"`) {
		u, err := strconv.Unquote(name)
		if err != nil {
			return "", fmt.Errorf("git diff: cannot read path %s", name)
		}
		name = u
	}
	return strings.TrimPrefix(name, prefix), nil
}

// Previous returns the content of file at the revision (followed through
// a rename); ok is false when the file is unchanged or new since.
func (c *Changes) Previous(ctx context.Context, file string) (data []byte, ok bool, err error) {
	fc := c.files[resolve(file)]
	if fc == nil || fc.whole || fc.old == "" {
		return nil, false, nil
	}
	out, err := git(ctx, c.top, "show", c.rev+":"+fc.old)
	if err != nil {
		return nil, false, fmt.Errorf("reading %s at %s: %w", fc.old, c.rev, err)
	}
	return out, true, nil
}

// hunkHeader reads the line counts of a hunk header "@@ -a,b +c,d @@":
// b, c and d (a count left out is 1).
func hunkHeader(h string) (oldN, start, n int, err error) {
	fields := strings.Fields(h)
	if len(fields) < 3 || !strings.HasPrefix(fields[1], "-") || !strings.HasPrefix(fields[2], "+") {
		return 0, 0, 0, fmt.Errorf("git diff: bad hunk header %q", h)
	}
	_, oldN, err = hunkRange(fields[1][1:])
	if err != nil {
		return 0, 0, 0, fmt.Errorf("git diff: bad hunk header %q", h)
	}
	start, n, err = hunkRange(fields[2][1:])
	if err != nil {
		return 0, 0, 0, fmt.Errorf("git diff: bad hunk header %q", h)
	}
	return oldN, start, n, nil
}

// hunkRange reads "start,count" or "start" (count 1).
func hunkRange(s string) (start, n int, err error) {
	a, b, found := strings.Cut(s, ",")
	if start, err = strconv.Atoi(a); err != nil || start < 0 {
		return 0, 0, fmt.Errorf("bad range %q", s)
	}
	n = 1
	if found {
		if n, err = strconv.Atoi(b); err != nil || n < 0 {
			return 0, 0, fmt.Errorf("bad range %q", s)
		}
	}
	return start, n, nil
}

// resolve makes p absolute with symbolic links resolved, so paths from git
// and from the command line compare equal; p cleaned when that fails.
func resolve(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	// The file may be gone; resolve its directory.
	if r, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(r, filepath.Base(abs))
	}
	return abs
}

// Filter returns the findings on changed lines and how many it left out.
// A finding on a whole template (its range covers the template) or on a
// whole file (no line) counts when any line of the template or file
// changed. So does a finding elsewhere in a template with a changed line
// when before, the findings of its file at the revision, has none of the
// same rule, template and message: a problem the change brought (a delay
// SMS that lost its time is reported at its first sentence, which did not
// change). templates are the templates of the run, for their ranges.
func (c *Changes) Filter(findings []lint.Finding, templates []*message.Template, before map[string][]lint.Finding) ([]lint.Finding, int) {
	type span struct{ start, end int }
	whole := map[string]map[span][2]int{} // file → template byte range → line range
	type tmplKey struct{ file, id string }
	tmplLines := map[tmplKey][][2]int{} // every line range of templates with that id
	type oldKey struct{ file, rule, template, message string }
	existed := map[oldKey]bool{}
	for file, fs := range before {
		for _, f := range fs {
			existed[oldKey{file, f.Rule, f.Template, f.Message}] = true
		}
	}
	for _, t := range templates {
		if t.Source == nil {
			continue
		}
		m := whole[t.Source.Path]
		if m == nil {
			m = map[span][2]int{}
			whole[t.Source.Path] = m
		}
		end := t.End
		if end > t.Start && end <= len(t.Source.Content) && t.Source.Content[end-1] == '\n' {
			end-- // a template ending with its line break ends on that line
		}
		lines := [2]int{t.Source.Position(t.Start).Line, t.Source.Position(end).Line}
		m[span{t.Start, t.End}] = lines
		k := tmplKey{t.Source.Path, t.ID}
		tmplLines[k] = append(tmplLines[k], lines)
	}
	var kept []lint.Finding
	hidden := 0
	resolved := map[string]string{}
	for _, f := range findings {
		abs, ok := resolved[f.File]
		if !ok {
			abs = resolve(f.File)
			resolved[f.File] = abs
		}
		fc := c.files[abs]
		lines, isWhole := whole[f.File][span{f.Offset, f.EndOffset}]
		first, last := f.Line, max(f.EndLine, f.Line)
		if isWhole {
			first, last = lines[0], lines[1]
		}
		if fc != nil && (fc.whole || f.Line == 0 || fc.touches(first, last, isWhole)) {
			kept = append(kept, f)
			continue
		}
		if fc != nil && f.Template != "" && !existed[oldKey{f.File, f.Rule, f.Template, f.Message}] {
			changed := false
			for _, l := range tmplLines[tmplKey{f.File, f.Template}] {
				changed = changed || fc.touches(l[0], l[1], true)
			}
			if changed {
				kept = append(kept, f)
				continue
			}
		}
		hidden++
	}
	return kept, hidden
}

// touches reports whether a line in [first, last] changed; with deletions,
// also whether lines were removed inside the range.
func (fc *fileChanges) touches(first, last int, deletions bool) bool {
	for l := first; l <= last; l++ {
		if fc.lines[l] || (deletions && l < last && fc.deleted[l]) {
			return true
		}
	}
	return false
}
