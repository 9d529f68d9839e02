package simulate

// SilenceChange says why the silent_gap count of the policy differs from
// today's: entities silent in one stream only. A policy sends no message
// earlier than today's setup; without a later send its message times are a
// subset of today's, so every silence of today stays (or grows). An entity
// silent today but not with the policy therefore had a message sent later
// (after the collapse wait, or deferred out of quiet hours), or a
// keep-alive, that split its silence into shorter gaps.
type SilenceChange struct {
	// AsIsOnly counts entities silent with today's setup but not with the
	// policy; AsIsOnlyDeferred those of them with a message deferred out
	// of quiet hours.
	AsIsOnly         int64 `json:"as_is_only"`
	AsIsOnlyDeferred int64 `json:"as_is_only_deferred"`
	// PolicyOnly counts entities silent with the policy only: messages it
	// held back or sent later left a longer gap.
	PolicyOnly int64 `json:"policy_only"`
}

func (c *SilenceChange) add(b *SilenceChange) {
	c.AsIsOnly += b.AsIsOnly
	c.AsIsOnlyDeferred += b.AsIsOnlyDeferred
	c.PolicyOnly += b.PolicyOnly
}

// entDeferredSend marks an entity with a policy message deferred out of
// quiet hours before its span ended.
const entDeferredSend = entSrcFlapped << 1

// silenceOutcome counts entity ei once its silent_gap span has ended in
// both streams.
func (s *shard) silenceOutcome(ei uint32) {
	if s.pol.silentAfter <= 0 {
		return
	}
	e := s.ent.at(ei)
	asIs, pol := e.bits&entSilent0 != 0, e.bits&entSilent1 != 0
	c := &s.acc.diag.silence
	switch {
	case asIs && !pol:
		c.AsIsOnly++
		if e.bits&entDeferredSend != 0 {
			c.AsIsOnlyDeferred++
		}
	case pol && !asIs:
		c.PolicyOnly++
	}
}
