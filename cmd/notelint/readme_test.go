package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// readmeCLIEnv makes the test binary act as notelint, so README commands
// run without building a binary (see TestMain).
const readmeCLIEnv = "NOTELINT_TEST_AS_CLI"

func TestMain(m *testing.M) {
	if os.Getenv(readmeCLIEnv) == "1" {
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// readmeMarker is the comment that marks the next fenced block of a
// README as runnable: `<!-- runnable -->` (every command exits 0),
// `<!-- runnable exit=1 -->` (every command exits 1), or
// `<!-- runnable file=PATH -->` (the block is written to PATH for the
// commands after it).
var readmeMarker = regexp.MustCompile(`^<!-- runnable(?: exit=(\d))?(?: file=(\S+))? -->$`)

type readmeBlock struct {
	line     int // of the opening fence
	exit     int
	file     string
	commands []string
}

// readmeBlocks returns the marked blocks of a Markdown file, in order.
func readmeBlocks(t *testing.T, path string) []readmeBlock {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []readmeBlock
	var cur *readmeBlock
	var body []string
	pending := (*readmeBlock)(nil)
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case cur != nil && strings.HasPrefix(line, "```"):
			if cur.file != "" {
				cur.commands = []string{strings.Join(body, "\n") + "\n"}
			} else {
				cur.commands = shellCommands(body)
			}
			out = append(out, *cur)
			cur, body = nil, nil
		case cur != nil:
			body = append(body, line)
		case strings.HasPrefix(line, "```") && pending != nil:
			pending.line = n
			cur, pending = pending, nil
		case strings.HasPrefix(line, "<!-- runnable"):
			m := readmeMarker.FindStringSubmatch(line)
			if m == nil {
				t.Fatalf("%s:%d: bad marker %q (want <!-- runnable [exit=N] [file=PATH] -->)", path, n, line)
			}
			pending = &readmeBlock{file: m[2]}
			if m[1] != "" {
				pending.exit, _ = strconv.Atoi(m[1])
			}
		case pending != nil && strings.TrimSpace(line) != "":
			t.Fatalf("%s:%d: a runnable marker must come right before a fence", path, n)
		}
	}
	return out
}

// shellCommands joins continuation lines and drops blank and comment lines.
func shellCommands(lines []string) []string {
	var out []string
	cmd := ""
	for _, l := range lines {
		if strings.HasSuffix(l, "\\") {
			cmd += strings.TrimSuffix(l, "\\") + " "
			continue
		}
		cmd += l
		if s := strings.TrimSpace(cmd); s != "" && !strings.HasPrefix(s, "#") {
			out = append(out, s)
		}
		cmd = ""
	}
	return out
}

// TestREADMECommandsRun runs every runnable command of the README against
// a copy of examples/ (also copied as templates/, the placeholder of the
// CI snippets), with notelint on PATH: a README command that stops
// working fails the suite.
func TestREADMECommandsRun(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the README's commands")
	}
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Join("..", "..")
	blocks := readmeBlocks(t, filepath.Join(root, "README.md"))
	if len(blocks) < 8 {
		t.Fatalf("only %d runnable blocks in README.md", len(blocks))
	}
	work := t.TempDir()
	copyTree(t, filepath.Join(root, "examples"), filepath.Join(work, "examples"))
	copyTree(t, filepath.Join(root, "examples", "templates"), filepath.Join(work, "templates"))
	bin := t.TempDir()
	wrapper := fmt.Sprintf("#!/bin/sh\n%s=1 exec %q \"$@\"\n", readmeCLIEnv, exe)
	if err := os.WriteFile(filepath.Join(bin, "notelint"), []byte(wrapper), 0o755); err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"), "NO_COLOR=1")
	env = append(env, "NOTELINT_CONFIG=") // no config from the environment
	for _, b := range blocks {
		if b.file != "" {
			p := filepath.Join(work, filepath.FromSlash(b.file))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(b.commands[0]), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		for _, c := range b.commands {
			script := strings.ReplaceAll(c, "go run ./cmd/notelint", "notelint")
			if !strings.Contains(script, "notelint") {
				t.Errorf("README.md:%d: %q runs no notelint command; leave the block unmarked", b.line, c)
				continue
			}
			cmd := exec.Command("sh", "-c", script)
			cmd.Dir, cmd.Env = work, env
			out, err := cmd.CombinedOutput()
			code := 0
			if err != nil {
				var ee *exec.ExitError
				if !errors.As(err, &ee) {
					t.Fatalf("README.md:%d: %s: %v", b.line, c, err)
				}
				code = ee.ExitCode()
			}
			if code != b.exit {
				t.Errorf("README.md:%d: %s\nexit %d, want %d; output:\n%s", b.line, c, code, b.exit, out)
			}
		}
	}
}

// copyTree copies the regular files under src to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
