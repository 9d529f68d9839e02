package lint

import "sync"

// RunState holds values shared by all templates of one run, computed once
// (for example a landing page parsed once however many templates link to
// it). It is safe for concurrent use.
type RunState struct {
	mu     sync.Mutex
	values map[string]*onceValue
}

type onceValue struct {
	once sync.Once
	v    any
}

// NewRunState returns an empty RunState.
func NewRunState() *RunState { return &RunState{values: map[string]*onceValue{}} }

// Once returns the value stored under key, computing it with f the first
// time. Concurrent callers for the same key wait for the first computation.
func (s *RunState) Once(key string, f func() any) any {
	s.mu.Lock()
	ov, ok := s.values[key]
	if !ok {
		ov = &onceValue{}
		s.values[key] = ov
	}
	s.mu.Unlock()
	ov.once.Do(func() { ov.v = f() })
	return ov.v
}
