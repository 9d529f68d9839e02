// Package simulate replays historical status streams through a notification
// policy and reports, per customer, the messages of two streams: as-is
// (every triggering status sends its template at once) and with the policy.
//
// # Input
//
// CSV (header row; delimiter ',', ';' or tab, the most frequent of the three
// in the header line outside quotes; RFC 4180 quoting as in encoding/csv;
// UTF-8 BOM and CRLF accepted; blank lines skipped) or JSON Lines (one
// object per line; strings, numbers and booleans are taken as written; null
// counts as absent). Gzip is recognized by its magic bytes. Columns:
// customer_id, entity_id (optional: an empty or missing entity is the
// customer itself; entity ids are scoped by customer), timestamp, status,
// timezone (optional IANA name). Names are mapped with [simulate.columns];
// a header name matches exactly, else case-insensitively. Field values are
// trimmed of spaces and tabs. A row whose customer id, entity id or status
// is not valid UTF-8 is a bad row.
//
// XES event logs (IEEE 1849; .xes or .xes.gz, or any file whose first
// character is '<') are read streaming with encoding/xml: a trace is a case,
// its events are the status changes. The case id (the trace's concept:name)
// is the entity and, unless [simulate.columns] customer_id names an event or
// trace attribute (org:resource, say), the customer; the event's
// concept:name is the status and its time:timestamp the time. A column named
// in [simulate.columns] is looked up as an attribute of the event, then
// (customer_id, entity_id, timezone) of its trace; an event that lacks it
// falls back to the standard attribute, and the report notes how many did.
// Only the attributes directly inside a trace or event count; globals,
// nested attributes and log attributes are ignored, and a trace's attributes
// must come before its events. Malformed XML stops the run with file:line;
// an event without a status, a time or a case id is a bad row with the line
// of its <event> tag.
//
// Parquet files (recognized by their magic bytes, PAR1) are read row group
// by row group, page by page, from the top-level columns of the same names;
// a directory is the sorted list of the .parquet files under it (names
// starting with "." or "_" skipped), and a column the files lack may come
// from a key=value directory name (hive partitioning). Strings are
// BYTE_ARRAY; customer and entity ids may be INT32 or INT64; the timestamp
// is a TIMESTAMP (adjusted to UTC: an instant; not adjusted: a wall time
// read in simulate.timezone), INT96, INT64 or INT32 Unix seconds or
// milliseconds (the CSV rule) or a string. A null customer id, timestamp or
// status is a bad row; its number is the row's, from 1.
//
// Timestamps: RFC 3339 with an offset; "YYYY-MM-DD HH:MM:SS[.fff]" and
// "YYYY-MM-DDTHH:MM:SS[.fff]" without one, read as wall time in
// simulate.timezone (default UTC; a wall time in a spring-forward gap moves
// forward by the gap, one in a fall-back fold is the earlier instant);
// digits only are Unix seconds from 100000000 to 99999999999 and
// milliseconds from 100000000000 (seconds may have a fraction). Supported
// years: 1950-2199.
//
// A row with an empty customer, status or timestamp, an unparsable
// timestamp, an unknown time zone, the wrong number of fields or malformed
// quoting is a bad row: skipped and counted (the report lists the first
// five with file and line), or with Options.Strict an error.
//
// # Order
//
// Each customer's events are replayed in timestamp order, ties in input
// order (across several files: the order of the files, then the lines).
// When every customer's rows are already in time order the replay streams:
// memory holds one record per customer and per entity plus the state of the
// customers active within the policy's look-back (see below) and a fixed
// window of events. A row earlier than its customer's previous row makes the
// run start again buffered: all events are held (about 24 bytes each, plus
// the ids), grouped by customer and sorted. Standard input is always
// buffered. In global time order, a customer with no event for longer than
// the horizon (collapse + 26 h + the longest of min_gap, burst window,
// flapping window and, with max_per_day, 52 h) has its short-lived state
// freed.
//
// # Policy stream
//
// A triggering event is an event whose status is listed in a
// [[simulate.trigger]]; it sends that trigger's template (a status may be
// listed in one trigger only; statuses match exactly, case-sensitively).
// The controls are applied in this order, each to the output of the one
// before:
//
//  1. dedupe: a triggering event is dropped when the previous event of the
//     same entity (any status, triggering or not, in time order) has the
//     same status.
//  2. collapse = D (off when 0): among one entity's remaining candidates in
//     time order, a candidate is dropped when the entity's next remaining
//     candidate is at most D later (next.time - time <= D); a survivor is
//     sent at its time + D. Candidates dropped by dedupe do not count.
//  3. quiet_hours = "HH:MM-HH:MM" (start inclusive, end exclusive; start >
//     end wraps midnight) in the zone of the event's row timezone, else
//     simulate.timezone, else UTC, evaluated on the send time from step 2.
//     quiet_action "defer" (default) moves the send time to the next end:
//     the earliest instant after it at which the local clock shows the end
//     time (on a day whose spring-forward gap skips the end time, the instant
//     the clock jumps past it; in a fall-back fold, the next occurrence after
//     the send time). "drop" drops it. Of several deferred messages of one
//     entity with the same new send time only the last (latest event time,
//     then input order) is kept (reason quiet_merge); messages that were not
//     deferred never merge.
//  4. min_gap = G (off when 0): per customer, in send-time order (ties: event
//     time, then input order), a message is dropped when it is less than G
//     after the previous message kept by min_gap (send - previous < G).
//  5. max_per_day = N (off when 0): per customer, in the same order, per
//     local calendar day of the send time (in the message's zone, so days
//     are 23 or 25 hours long on DST changes), messages after the N-th kept
//     one are dropped.
//
// A message kept by min_gap and then dropped by max_per_day still counts as
// the previous kept message for min_gap. Every as-is message ends in exactly
// one state: sent, or dropped by one control (dedupe, collapse, quiet_hours,
// quiet_merge, min_gap, max_per_day); "deferred" counts the sent messages
// that quiet hours moved.
//
// # Keep-alives
//
// A [[simulate.keepalive]] rule (after A, template, optional statuses,
// repeat) adds messages to the policy stream where an entity goes quiet.
// They are computed after the status messages and never change them: a
// keep-alive holds no status message back and does not count for the
// min_gap or max_per_day of a status message.
//
//   - Silence start B of an entity: the send time of its latest policy
//     message (status message or keep-alive), else its first event.
//   - Attempts of a rule fall on B + n·A (n ≥ 1); quiet hours move an
//     attempt due inside them to their end, in the zone of the entity's
//     first row (quiet_action = "drop": the attempt is dropped,
//     quiet_hours). After an attempt that sends nothing, the next is the
//     first B + n·A later than the attempt's send time.
//   - An attempt is made only when its send time is before the entity's span
//     end (its first final status, else its last event): no keep-alive after
//     the final status, none after the data ends.
//   - statuses: the attempt sends nothing unless the entity's status at the
//     send time (its latest event at or before it) is one of them.
//   - min_gap: dropped when less than G after the customer's latest message
//     sent (status message or keep-alive). max_per_day: dropped when the
//     customer already got N messages (both kinds) on that local day.
//   - A keep-alive that is sent becomes the entity's new silence start;
//     without repeat the rule then waits for the entity's next status
//     message.
//   - Order: per customer by send time; at one instant the status messages
//     first (one of the entity at that instant cancels its keep-alives),
//     then keep-alives by due time, entity id and rule order.
//
// Keep-alives count in the policy stream (messages per customer, templates,
// channels, SMS, days and flags; a repeated keep-alive is a repeat) and on
// their own ("keepalive": sent, deferred, dropped attempts by control).
// Deciding whether a keep-alive is due needs the entity's span end, so a
// policy with keep-alives is always replayed from the events held in
// memory by customer, never streaming, whatever the input's size (the
// report says replay "buffered", with a note). With repeat, A plus the
// longest quiet-hours deferral below silent_gap.after, and no min_gap or
// max_per_day drop, no entity of the policy stream has a silent gap (a
// test checks it).
//
// # Several policies
//
// Compare and ReplayMany replay more policies from one read of the input:
// each other policy replays the events the first run holds. Held by
// customer-hash partition (an input that fits in memory), they are
// replayed partition by partition again, each policy interning the
// partition's ids as the first run did; when the first run streamed, it
// keeps its events and each other policy replays them in fresh shards that
// share its ids. Each report is the one Run
// gives for that policy alone. Sweep does the same for the combinations of
// a Grid (ParseGrid), summarizes each as a SweepPoint (objectives, all to be
// minimized), marks the Pareto frontier and chooses a point.
//
// # Flags
//
// Flags are computed on each stream's messages (as-is: at event time;
// policy: at their send time). A message carries its event's entity, status
// and template.
//
//   - burst (counts customers): count or more messages of a customer whose
//     send times lie within a half-open window of the given length (the
//     last minus the first of count consecutive messages < window).
//   - flapping (counts entities): the entity's message statuses in send
//     order, consecutive repeats collapsed (each run keeps the time of its
//     first message), return to a status of an earlier run, the two runs
//     starting at most window apart.
//   - quiet_send (counts messages): messages sent inside quiet hours (needs
//     quiet_hours; the policy stream has none after deferral).
//   - silent_gap (counts entities): a stretch longer than after (strictly)
//     without a message of the entity between its first event and its first
//     final-status event, or its last event if it never reaches one. The
//     boundaries are the first event, each message of the entity sent within
//     [first, end], and the end; a policy message sent after the end (collapse
//     and quiet hours delay messages) does not count.
//   - repeat (counts messages): a message whose template is the same as the
//     previous message of the same entity.
//
// A customer has a flag when any of its messages or entities has it. Each
// flag keeps examples of the three customers with the smallest ids, so
// results of shards merge exactly.
//
// Two diagnostics come with the flags. source_flapping (with flapping on)
// counts the entities whose status, over every event of the input and
// whether it sends or not, consecutive repeats collapsed, returns to the
// status of an earlier run that started at most the flapping window
// before: the source system's behaviour, the same in both streams.
// silence_change (with silent_gap on) counts the entities silent in one
// stream only. A policy message is sent at or after its event and never
// without one, so without a later send the policy's boundaries are a subset
// of today's and every silence of today stays; an entity silent today but
// not with the policy had a message sent later (collapse wait, quiet-hours
// deferral) that split its silence. Entities silent with the policy only
// lost boundaries to messages held back or sent later.
//
// # Report
//
// Messages per customer include customers with zero messages. Percentiles
// use the nearest-rank method on the exact histogram: the pth percentile is
// the smallest count c such that at least p% of customers have at most c
// messages. The noisiest customers are the ten with the most as-is
// messages (then most policy messages, then smallest id). All figures are
// sums or come from the histogram, so runs over disjoint sets of customers
// merge exactly.
//
// Run reads the input once and builds one Report for every printer (the
// printers are in simulate/report): besides the figures, one row per
// customer (built on first use) and the timelines of the customers the
// report names (flag examples, noisiest customers). The timelines come from
// replaying just those customers at the end from the events the run kept:
// a buffered replay holds them anyway, a streaming one keeps 24 bytes per
// event up to 16,777,216 events and beyond that reports the timelines
// missing (Report.TrailsMissing).
//
// # Contacts
//
// With Options.Contacts, Run reads a contact log and attributes each
// contact, against the as-is stream, to the latest message to the customer
// (to the entity, when the contact names one it knows) within
// [simulate.contacts] window (default 72h); else to a silence of one of the
// customer's entities (no message for longer than silent_gap.after since
// its last message or first event, no final status yet; the longest
// silence, then the smallest entity id); else to the background or, outside
// the customer's exposure (first event to last event + window), to neither.
// Report.Contacts holds the counts and the rates, lifts and medians derived
// from them; every count is a sum over customers, so Merge stays exact.
// README.md states every definition and tie rule.
package simulate
