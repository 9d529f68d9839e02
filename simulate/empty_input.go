package simulate

import (
	"errors"
	"fmt"
)

// An input without events (an empty file, or a header row only) is an
// empty part of the stream, not an error: a batch job that replays shards
// must not fail on an empty shard. The report says which file it was.

// emptyInputError is an input with no bytes (or, for CSV, no header row).
type emptyInputError struct{ name string }

func (e *emptyInputError) Error() string {
	return fmt.Sprintf("%s: empty file (no header row and no events)", e.name)
}

// emptyInput records a note for err when it is an emptyInputError and
// reports whether it was one.
func emptyInput(err error, notes *[]string) bool {
	var e *emptyInputError
	if !errors.As(err, &e) {
		return false
	}
	*notes = append(*notes, fmt.Sprintf("%s: empty file, no events", e.name))
	return true
}

// noRowsNote is the note for an input with a header but no rows.
func noRowsNote(name string) string {
	return fmt.Sprintf("%s: no events (a header row only)", name)
}
