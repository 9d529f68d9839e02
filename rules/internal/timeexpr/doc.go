// Package timeexpr recognises times in message text, in every language
// with data (lint/lang, time.toml): concrete time expressions (clock
// times, dates, weekdays, relative days, durations), vague time phrases
// ("soon", "in Kürze", "bientôt"), and placeholders that stand for a time
// ("{{eta}}", "{{zustelltermin}}", "on %s"). The rules missing-eta,
// vague-eta and missing-next-step read it.
package timeexpr
