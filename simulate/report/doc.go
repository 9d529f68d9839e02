// Package report prints what notelint simulate found: compact text and
// Markdown tables, JSON (schema notelint.simulate/v1), one CSV row per
// customer, a self-contained HTML page, and one customer's timeline
// (--customer) as text or JSON.
//
// Every printer takes the one *simulate.Report that simulate.Run builds
// and reads nothing else: no printer makes the engine do more work or
// replay again.
package report
