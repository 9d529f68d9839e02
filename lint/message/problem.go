package message

// ProblemKind is what a loader found wrong with its input: a fact about the
// files, not a rule. Rules claim the kinds they report (Rule.Owns) and turn
// each problem into their own finding.
type ProblemKind int

// The kinds of loader problems.
const (
	// FrontMatterProblem: front matter or a catalog table is invalid TOML,
	// has unknown keys or values, or is never closed.
	FrontMatterProblem ProblemKind = iota + 1
	// PlaceholderProblem: placeholder syntax that does not parse.
	PlaceholderProblem
	// EncodingProblem: file hygiene (a byte order mark, mixed line
	// endings, an empty file).
	EncodingProblem
	// TranslationProblem: the state of a translation as its file records
	// it (a gettext entry marked fuzzy).
	TranslationProblem
	// DirectiveProblem: a suppression directive that is malformed, names
	// an unknown rule or suppresses nothing.
	DirectiveProblem
	// InputProblem: a file or directory that cannot be read as templates
	// at all (missing, unreadable, not UTF-8, a syntax error, too large).
	InputProblem
)

// String names the kind.
func (k ProblemKind) String() string {
	switch k {
	case FrontMatterProblem:
		return "front matter"
	case PlaceholderProblem:
		return "placeholder syntax"
	case EncodingProblem:
		return "file encoding"
	case TranslationProblem:
		return "translation state"
	case DirectiveProblem:
		return "suppression directive"
	case InputProblem:
		return "unreadable input"
	}
	return "unknown problem"
}

// Problem is an issue found while loading a template (or, for
// DirectiveProblem and InputProblem, while running), reported later by the
// rules that own its Kind.
type Problem struct {
	Kind       ProblemKind
	Start, End int // file byte range
	Message    string
	Hint       string
	// Severity overrides the owning rule's default severity when not Off.
	Severity Severity
	// Source is the file of Start and End when it is not the template's.
	Source *Source
}
