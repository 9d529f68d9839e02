package load

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// xgettextPluralForms is the Plural-Forms value xgettext writes into a
// new template (.pot) for translators to replace.
const xgettextPluralForms = "nplurals=INTEGER; plural=EXPRESSION;"

// maxPluralForms bounds nplurals (CLDR languages use at most 6), and
// maxPluralExpr the length of the plural expression (real ones are under
// 200 characters).
const (
	maxPluralForms = 100
	maxPluralExpr  = 1000
)

// CheckPluralForms validates the value of a gettext Plural-Forms header,
// "nplurals=2; plural=(n != 1);": nplurals a number from 1 to 100, plural
// a C expression in n (the grammar of gettext's plural.y) whose value,
// for n from 0 to 1000, is a form below nplurals.
func CheckPluralForms(v string) error {
	if strings.Join(strings.Fields(v), " ") == xgettextPluralForms {
		return nil // the placeholder of a template not yet filled in
	}
	nplurals, expr := -1, ""
	hasPlural := false
	for _, field := range strings.Split(v, ";") {
		field = strings.TrimSpace(field)
		if field == "" {
			continue
		}
		k, val, ok := strings.Cut(field, "=")
		k, val = strings.TrimSpace(k), strings.TrimSpace(val)
		switch {
		case !ok:
			return fmt.Errorf("%q is not key=value", field)
		case k == "nplurals":
			n, err := strconv.Atoi(val)
			if err != nil || n < 1 || n > maxPluralForms {
				return fmt.Errorf("nplurals=%s is not a number from 1 to %d", val, maxPluralForms)
			}
			nplurals = n
		case k == "plural":
			expr, hasPlural = val, true
		default:
			return fmt.Errorf("unknown field %q (want nplurals and plural)", k)
		}
	}
	if nplurals < 0 || !hasPlural {
		return errors.New("want nplurals=N; plural=EXPRESSION;")
	}
	if len(expr) > maxPluralExpr {
		return fmt.Errorf("the plural expression is longer than %d characters", maxPluralExpr)
	}
	p := &pluralParser{s: expr}
	e, err := p.parse()
	if err != nil {
		return fmt.Errorf("plural=%s: %w", expr, err)
	}
	for n := 0; n <= 1000; n++ {
		form, err := e(n)
		if err != nil {
			return fmt.Errorf("plural=%s: %w for n = %d", expr, err, n)
		}
		if form < 0 || form >= nplurals {
			return fmt.Errorf("plural=%s gives form %d for n = %d, but nplurals=%d", expr, form, n, nplurals)
		}
	}
	return nil
}

// pluralExpr evaluates a plural expression for n.
type pluralExpr func(n int) (int, error)

// pluralParser reads a plural expression by recursive descent, from the
// lowest precedence (?:) to the highest (!, n, numbers, parentheses).
type pluralParser struct {
	s     string
	i     int
	depth int
}

// maxPluralDepth bounds the nesting of a plural expression.
const maxPluralDepth = 64

func (p *pluralParser) parse() (pluralExpr, error) {
	e, err := p.ternary()
	if err != nil {
		return nil, err
	}
	if p.skip(); p.i < len(p.s) {
		return nil, fmt.Errorf("unexpected %q at column %d", p.s[p.i:], p.i+1)
	}
	return e, nil
}

func (p *pluralParser) skip() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t' || p.s[p.i] == '\n' || p.s[p.i] == '\r') {
		p.i++
	}
}

// eat consumes op when it comes next. Operators that start with another
// one ("<=" and "<") are tried longest first by their callers.
func (p *pluralParser) eat(op string) bool {
	p.skip()
	if !strings.HasPrefix(p.s[p.i:], op) {
		return false
	}
	p.i += len(op)
	return true
}

func (p *pluralParser) ternary() (pluralExpr, error) {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxPluralDepth {
		return nil, errors.New("too deeply nested")
	}
	cond, err := p.binary(0)
	if err != nil {
		return nil, err
	}
	if !p.eat("?") {
		return cond, nil
	}
	a, err := p.ternary()
	if err != nil {
		return nil, err
	}
	if !p.eat(":") {
		return nil, fmt.Errorf("missing : at column %d", p.i+1)
	}
	b, err := p.ternary()
	if err != nil {
		return nil, err
	}
	return func(n int) (int, error) {
		c, err := cond(n)
		if err != nil {
			return 0, err
		}
		if c != 0 {
			return a(n)
		}
		return b(n)
	}, nil
}

// pluralLevels are the binary operators from the lowest precedence up.
var pluralLevels = [][]string{{"||"}, {"&&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"+", "-"}, {"*", "/", "%"}}

func (p *pluralParser) binary(level int) (pluralExpr, error) {
	if level == len(pluralLevels) {
		return p.unary()
	}
	left, err := p.binary(level + 1)
	if err != nil {
		return nil, err
	}
	for {
		op := ""
		for _, o := range pluralLevels[level] {
			if p.eat(o) {
				op = o
				break
			}
		}
		if op == "" {
			return left, nil
		}
		right, err := p.binary(level + 1)
		if err != nil {
			return nil, err
		}
		left = pluralOp(op, left, right)
	}
}

func pluralOp(op string, l, r pluralExpr) pluralExpr {
	return func(n int) (int, error) {
		a, err := l(n)
		if err != nil {
			return 0, err
		}
		b, err := r(n)
		if err != nil {
			return 0, err
		}
		t := func(c bool) int {
			if c {
				return 1
			}
			return 0
		}
		switch op {
		case "||":
			return t(a != 0 || b != 0), nil
		case "&&":
			return t(a != 0 && b != 0), nil
		case "==":
			return t(a == b), nil
		case "!=":
			return t(a != b), nil
		case "<=":
			return t(a <= b), nil
		case ">=":
			return t(a >= b), nil
		case "<":
			return t(a < b), nil
		case ">":
			return t(a > b), nil
		case "+":
			return a + b, nil
		case "-":
			return a - b, nil
		case "*":
			return a * b, nil
		}
		if b == 0 {
			return 0, errors.New("division by zero")
		}
		if op == "/" {
			return a / b, nil
		}
		return a % b, nil
	}
}

func (p *pluralParser) unary() (pluralExpr, error) {
	p.skip()
	if p.i >= len(p.s) {
		return nil, errors.New("the expression ends too early")
	}
	switch c := p.s[p.i]; {
	case c == '!' && !strings.HasPrefix(p.s[p.i:], "!="):
		p.i++
		p.depth++
		defer func() { p.depth-- }()
		if p.depth > maxPluralDepth {
			return nil, errors.New("too deeply nested")
		}
		e, err := p.unary()
		if err != nil {
			return nil, err
		}
		return func(n int) (int, error) {
			v, err := e(n)
			if v == 0 {
				return 1, err
			}
			return 0, err
		}, nil
	case c == 'n':
		p.i++
		return func(n int) (int, error) { return n, nil }, nil
	case c >= '0' && c <= '9':
		j := p.i
		for j < len(p.s) && p.s[j] >= '0' && p.s[j] <= '9' {
			j++
		}
		v, err := strconv.Atoi(p.s[p.i:j])
		if err != nil || v > 1<<20 {
			return nil, fmt.Errorf("number %s is too large", p.s[p.i:j])
		}
		p.i = j
		return func(int) (int, error) { return v, nil }, nil
	case c == '(':
		p.i++
		e, err := p.ternary()
		if err != nil {
			return nil, err
		}
		if !p.eat(")") {
			return nil, fmt.Errorf("missing ) at column %d", p.i+1)
		}
		return e, nil
	}
	return nil, fmt.Errorf("unexpected %q at column %d", p.s[p.i:p.i+1], p.i+1)
}
