package simulate

import "testing"

// TestPolicyContactsOfAsIsPolicy checks the policy-stream contact figures
// against the as-is attribution: a policy without controls sends exactly
// the as-is messages, so both must agree.
func TestPolicyContactsOfAsIsPolicy(t *testing.T) {
	base, err := LoadPolicy("../examples/simulate/policy.toml")
	if err != nil {
		t.Fatal(err)
	}
	plain := base.clone()
	plain.Dedupe, plain.Collapse, plain.Quiet, plain.MinGap, plain.MaxPerDay = false, 0, nil, 0, 0
	opts := Options{Inputs: []string{"../examples/simulate/events.csv"}, Contacts: []string{"../examples/simulate/contacts.csv"}, Policy: base}
	rs, err := Compare(opts, []*Policy{plain, base})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, ok := rs[0].PolicyContacts(); ok {
		t.Error("the first report of a comparison has policy-stream contact figures")
	}
	after, silence, ok := rs[1].PolicyContacts()
	if !ok || after != rs[1].Contacts.AfterTemplate || silence != rs[1].Contacts.InSilence || after == 0 || silence == 0 {
		t.Errorf("policy stream: %d after messages, %d in silences (ok %v); as-is: %d, %d", after, silence, ok, rs[1].Contacts.AfterTemplate, rs[1].Contacts.InSilence)
	}
	// The example policy holds messages back: its figures differ.
	a2, s2, _ := rs[2].PolicyContacts()
	if a2 == after && s2 == silence {
		t.Errorf("the example policy's contact figures equal the as-is ones (%d, %d)", a2, s2)
	}
}
