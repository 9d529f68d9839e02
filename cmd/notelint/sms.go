package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/notelint/notelint/cmd/notelint/internal/smsjson"
	"github.com/notelint/notelint/lint/sms"
)

func newSMSCmd() *cobra.Command {
	var asJSON bool
	var split string
	cmd := &cobra.Command{
		Use:   "sms [TEXT|-]",
		Short: "Count the encoding, characters and segments of one SMS text",
		Long: `Count how one literal SMS text is sent: GSM-7 or UCS-2, units (septets or
UTF-16 units), segments (160/153 or 70/67), characters, the characters that
force UCS-2 with a GSM-7 replacement, and the text of each segment.

The text is read from standard input when TEXT is "-" or missing; one final
newline of standard input is not counted. The empty text is 1 segment of 0
units, as carriers and Twilio count it.`,
		Example: `  notelint sms "Your parcel arrives today 14:00-16:00."
  echo "We’re late" | notelint sms --json`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var text string
			if len(args) == 1 && args[0] != "-" {
				text = args[0]
			} else {
				b, err := io.ReadAll(cmd.InOrStdin())
				if err != nil {
					return usageError(fmt.Errorf("reading standard input: %w", err))
				}
				text = strings.TrimSuffix(strings.TrimSuffix(string(b), "\n"), "\r")
			}
			opt := sms.Options{}
			switch split {
			case "graphemes":
			case "minimal":
				opt.Split = sms.Minimal
			default:
				return usageError(fmt.Errorf("unknown --split %q (want graphemes or minimal)", split))
			}
			res := sms.Analyze(text, opt)
			if asJSON {
				return writeSMSJSON(cmd.OutOrStdout(), text, res, split)
			}
			writeSMSText(cmd.OutOrStdout(), text, res)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	enumFlag(cmd, &split, "split", "graphemes", "segment split model: graphemes (Twilio, Android) or minimal (spec minimum)", "graphemes", "minimal")
	return cmd
}

func writeSMSJSON(w io.Writer, text string, res sms.Result, split string) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(smsjson.New(text, res, split))
}

func writeSMSText(w io.Writer, text string, res sms.Result) {
	unit := "septets"
	if res.Encoding == sms.UCS2 {
		unit = "UTF-16 units"
	}
	fmt.Fprintf(w, "encoding:   %s\n", res.Encoding)
	fmt.Fprintf(w, "characters: %d\n", res.Characters)
	fmt.Fprintf(w, "units:      %d %s\n", res.Units, unit)
	fmt.Fprintf(w, "segments:   %d (up to %d %s each)\n", res.Segments, res.PerSegment, unit)
	if res.TooLong {
		fmt.Fprintf(w, "too long:   more than %d parts cannot be sent\n", sms.MaxParts)
	}
	if len(res.Parts) > 1 {
		for i, p := range res.Parts {
			fmt.Fprintf(w, "  part %d: %3d %s  %q\n", i+1, p.Units, unit, text[p.Start:p.End])
		}
	}
	if len(res.NonGSM) > 0 {
		fmt.Fprintf(w, "not GSM-7 (forces UCS-2):\n")
		for _, n := range res.NonGSM {
			rep := "no replacement"
			switch {
			case n.HasReplacement && n.Replacement == "":
				rep = "remove (invisible)"
			case n.HasReplacement:
				rep = fmt.Sprintf("replace with %q", n.Replacement)
			}
			at := fmt.Sprintf("byte %d", n.Offset)
			if n.Count > 1 {
				at += fmt.Sprintf(" (first of %d)", n.Count)
			}
			fmt.Fprintf(w, "  %s: %q U+%04X  %s\n", at, n.Char, []rune(n.Char)[0], rep)
		}
		listed := 0
		for _, n := range res.NonGSM {
			listed += n.Count
		}
		if more := res.NonGSMRunes - listed; more > 0 {
			fmt.Fprintf(w, "  and %d more, of characters not listed\n", more)
		}
	}
}
