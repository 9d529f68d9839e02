package message

// TextLoc is where a file range sits in a Text.
type TextLoc struct {
	Start, End int  // text byte range
	Host       Host // syntax of the file bytes
	ValueStart bool // the range starts the text's first span
}

// Locate finds the text range whose file bytes are exactly [fs, fe): both
// must lie in one span that copies the file verbatim, in a syntax --fix
// can write. An empty range (an insertion) must fall inside such a span.
func (t *Text) Locate(fs, fe int) (TextLoc, bool) {
	for i, sp := range t.Spans {
		if !sp.Verbatim || sp.Host.Str == StrNone || fs < sp.FStart || fe > sp.FStart+sp.FLen {
			continue
		}
		return TextLoc{
			Start: sp.TStart + fs - sp.FStart, End: sp.TStart + fe - sp.FStart,
			Host: sp.Host, ValueStart: i == 0 && fs == sp.FStart,
		}, true
	}
	return TextLoc{}, false
}
