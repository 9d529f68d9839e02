package simulate

import (
	"fmt"
	"time"
)

// DefaultContactWindow is how long after a message a contact is attributed
// to it when [simulate.contacts] window is not set.
const DefaultContactWindow = 72 * time.Hour

// ContactSettings are the [simulate.contacts] table: the attribution window
// and the contact file's column names.
type ContactSettings struct {
	Window  time.Duration // 0: DefaultContactWindow
	Columns ContactColumns
}

// ContactColumns names the columns of a contacts file; empty names take the
// defaults (customer_id, timestamp, entity_id, channel, reason).
type ContactColumns struct {
	CustomerID, Timestamp, EntityID, Channel, Reason string
}

// WindowOrDefault returns the attribution window.
func (c ContactSettings) WindowOrDefault() time.Duration {
	if c.Window > 0 {
		return c.Window
	}
	return DefaultContactWindow
}

func (c ContactColumns) names() [nContactCols]string {
	out := [nContactCols]string{"customer_id", "timestamp", "entity_id", "channel", "reason"}
	for i, v := range []string{c.CustomerID, c.Timestamp, c.EntityID, c.Channel, c.Reason} {
		if v != "" {
			out[i] = v
		}
	}
	return out
}

type contactsSection struct {
	Window  any                     `toml:"window"`
	Columns *contactsColumnsSection `toml:"columns"`
}

type contactsColumnsSection struct {
	CustomerID *string `toml:"customer_id"`
	Timestamp  *string `toml:"timestamp"`
	EntityID   *string `toml:"entity_id"`
	Channel    *string `toml:"channel"`
	Reason     *string `toml:"reason"`
}

func compileContacts(s *contactsSection, at func(table, key string) string) (ContactSettings, error) {
	var out ContactSettings
	if s == nil {
		return out, nil
	}
	if s.Window != nil {
		d, err := policyDuration(s.Window, at, "simulate.contacts", "window")
		if err != nil {
			return out, err
		}
		if d <= 0 {
			return out, fmt.Errorf("%s: simulate.contacts.window: want a positive duration", at("simulate.contacts", "window"))
		}
		out.Window = d
	}
	if c := s.Columns; c != nil {
		for _, f := range []struct {
			dst *string
			v   *string
			key string
		}{
			{&out.Columns.CustomerID, c.CustomerID, "customer_id"},
			{&out.Columns.Timestamp, c.Timestamp, "timestamp"},
			{&out.Columns.EntityID, c.EntityID, "entity_id"},
			{&out.Columns.Channel, c.Channel, "channel"},
			{&out.Columns.Reason, c.Reason, "reason"},
		} {
			if f.v == nil {
				continue
			}
			if *f.v == "" {
				return out, fmt.Errorf("%s: simulate.contacts.columns.%s: empty column name", at("simulate.contacts.columns", f.key), f.key)
			}
			*f.dst = *f.v
		}
	}
	return out, nil
}
