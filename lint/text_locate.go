package lint

// textLoc is where a file range sits in a Text.
type textLoc struct {
	start, end int  // text byte range
	host       host // syntax of the file bytes
	valueStart bool // the range starts the text's first span
}

// locate finds the text range whose file bytes are exactly [fs, fe): both
// must lie in one span that copies the file verbatim, in a syntax --fix
// can write. An empty range (an insertion) must fall inside such a span.
func (t *Text) locate(fs, fe int) (textLoc, bool) {
	for i, sp := range t.spans {
		if !sp.verbatim || sp.host.str == strNone || fs < sp.fStart || fe > sp.fStart+sp.fLen {
			continue
		}
		return textLoc{
			start: sp.tStart + fs - sp.fStart, end: sp.tStart + fe - sp.fStart,
			host: sp.host, valueStart: i == 0 && fs == sp.fStart,
		}, true
	}
	return textLoc{}, false
}
