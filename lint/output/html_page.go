package output

// The check HTML report's page: its template and style sheet.

import "html/template"

var htmlPageTemplate = template.Must(template.New("page").Parse(htmlPageSource))

// htmlPageSource is the page. Inside .sms-bubble and .card-text whitespace
// is significant (white-space: pre-wrap), so those lines trim around
// actions.
const htmlPageSource = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="notelint{{with .Version}} {{.}}{{end}}">
<title>notelint report: {{.Summary}}</title>
<style>
{{.CSS}}
</style>
</head>
<body>
<header id="summary" class="summary">
<h1>notelint report</h1>
<p class="summary-line">{{.Summary}}</p>
<ul class="totals">
<li class="total sev-error"><span class="num">{{.Errors}}</span> <span class="badge">✖ error</span></li>
<li class="total sev-warning"><span class="num">{{.Warnings}}</span> <span class="badge">▲ warning</span></li>
<li class="total sev-info"><span class="num">{{.Infos}}</span> <span class="badge">● info</span></li>
<li class="total"><span class="num">{{.Templates}}</span> templates</li>
<li class="total"><span class="num">{{.Files}}</span> files</li>
<li class="total"><span class="num">{{.Fixable}}</span> fixable with <code>--fix</code></li>
</ul>
{{- if .Rules}}
<table class="by-rule">
<caption>Findings by rule and severity</caption>
<thead><tr><th scope="col">rule</th><th scope="col">✖ error</th><th scope="col">▲ warning</th><th scope="col">● info</th></tr></thead>
<tbody>
{{- range .Rules}}
<tr data-rule="{{.Rule}}"><th scope="row"><code>{{.Rule}}</code></th><td>{{.Errors}}</td><td>{{.Warnings}}</td><td>{{.Infos}}</td></tr>
{{- end}}
</tbody>
</table>
{{- end}}
{{- if .Repeats}}
<section class="repeats" aria-label="Repeated findings">
<h2>Same finding in several files</h2>
<p>One thing to fix in each of these, though it is reported in every file it is in.</p>
<ul>
{{- range .Repeats}}
<li><code>{{.Rule}}</code> {{.Message}} <span class="count">({{.Files}} files: {{.Places}})</span></li>
{{- end}}
</ul>
</section>
{{- end}}
{{- if .Index}}
<nav class="index" aria-label="Templates">
<h2>Templates</h2>
<ul>
{{- range .Index}}
<li><a href="#{{.ID}}">{{.Name}}</a> <span class="channel">{{.Channel}}</span>{{with .Locale}} <span class="locale">{{.}}</span>{{end}}{{template "counts" .}}</li>
{{- end}}
</ul>
</nav>
{{- end}}
<p class="legend">In SMS bubbles: <span class="legend-ph">chip</span> a placeholder shown with its sample, <mark class="legend-ucs2">’</mark> a character that forces UCS-2 (70 instead of 160 characters a segment), <span class="legend-break" data-seg="2"></span> where the next segment starts.</p>
</header>
<main>
{{- range .FileList}}
<section class="file" id="{{.ID}}" data-path="{{.Path}}">
<h2 class="file-path">{{.Path}}</h2>
{{- range .Templates}}
<article class="template" id="{{.ID}}" data-template="{{.Name}}" data-channel="{{.Channel}}">
<header class="template-head">
<h3><a href="#{{.ID}}">{{.Name}}</a></h3>
<p class="meta"><span class="channel">{{.Channel}}</span>{{with .Locale}} · <span class="locale">{{.}}</span>{{end}}{{with .Kind}} · <span class="kind">{{.}}</span>{{end}} · line {{.Line}}{{template "counts" .}}</p>
</header>
<div class="template-grid">
<div class="preview">
{{- with .SMS}}
<div class="phone">
<p class="sms-sender">{{if .Sender}}{{.Sender}}{{else}}SMS{{end}}</p>
<div class="sms-bubble" data-segments="{{.Count}}" data-encoding="{{.Encoding}}">
{{- range $i, $s := .Segments}}{{if $i}}<span class="seg-break" data-seg="{{$s.N}}" role="separator" aria-label="segment {{$s.N}} starts here"></span>{{end}}<span class="seg{{if $s.Alt}} seg-alt{{end}}" data-seg="{{$s.N}}">{{template "pieces" $s.Pieces}}</span>{{end -}}
</div>
<ul class="sms-stats">
<li{{if .Over}} class="over"{{end}}>{{if .Over}}✖ {{end}}<strong>{{.Count}}</strong> {{if eq .Count 1}}segment{{else}}segments{{end}} with the sample values (budget {{.Budget}}){{if .TooLong}}: too long to send as one message{{end}}</li>
<li>{{.Encoding}}: {{.Units}} {{.UnitName}}, {{.PerSegment}} per segment</li>
{{- if .UCS2}}
<li>{{.UCS2}} {{if eq .UCS2 1}}character forces{{else}}characters force{{end}} UCS-2</li>
{{- end}}
{{- if .Worst}}
<li{{if .WorstOver}} class="over"{{end}}>{{if .WorstOver}}✖ {{end}}worst case, placeholders at their maximum: {{.Worst}}</li>
{{- end}}
{{- with .Assumed}}
<li>assumed length for {{range $i, $a := .}}{{if $i}}, {{end}}<code>{{$a}}</code>{{end}}</li>
{{- end}}
</ul>
</div>
{{- end}}
{{- with .Card}}
<div class="card {{.Class}}">
{{- range .Parts}}
<div class="card-part part-{{.Name}}">{{with .Label}}<span class="part-label">{{.}}</span> {{end}}<div class="card-text">{{template "pieces" .Pieces}}</div></div>
{{- end}}
</div>
{{- end}}
</div>
{{template "findings" .Findings}}
</div>
</article>
{{- end}}
{{- if .Loose}}
<div class="loose">
<h3>Findings outside any template</h3>
{{template "findings" .Loose}}
</div>
{{- end}}
</section>
{{- else}}
<p class="empty">{{if .Templates}}No findings.{{else}}No templates checked.{{end}}</p>
{{- end}}
</main>
<footer class="page-footer">Generated by notelint{{with .Version}} {{.}}{{end}}.</footer>
</body>
</html>
{{define "counts"}}{{if .Errors}} <span class="count sev-error">✖ {{.Errors}}</span>{{end}}{{if .Warnings}} <span class="count sev-warning">▲ {{.Warnings}}</span>{{end}}{{if .Infos}} <span class="count sev-info">● {{.Infos}}</span>{{end}}{{end}}
{{- define "pieces"}}{{range .}}{{if .Class}}<span class="{{.Class}}" title="{{.Title}}">{{end}}{{range .Runs}}{{if .Cut}}<span class="cut" title="cut off: the phone does not show this">{{.Text}}</span>{{else if .UCS2}}<mark class="ucs2{{if .Invisible}} invisible{{end}}" data-cp="{{.CP}}" title="{{.Title}}">{{.Text}}</mark>{{else}}{{.Text}}{{end}}{{end}}{{if .Class}}</span>{{end}}{{end}}{{end}}
{{- define "findings"}}
<div class="findings">
{{- if .}}
<ol>
{{- range .}}
<li class="finding sev-{{.Severity}}" data-rule="{{.Rule}}" data-severity="{{.Severity}}">
<p class="finding-head"><span class="loc">{{.Loc}}</span> <span class="badge">{{.Symbol}} {{.Severity}}</span> <code class="rule">{{.Rule}}</code>{{if .Fixable}} <span class="fixable">fixable with --fix</span>{{end}}</p>
{{- if .Points}}
<p class="msg">{{.Message}}</p>
<ul class="points">
{{- range .Points}}
<li class="sev-{{.Severity}}"><span class="badge">{{.Symbol}}</span> {{.Message}}{{with .Hint}}<br><span class="hint"><span class="hint-label">hint:</span> {{.}}</span>{{end}}</li>
{{- end}}
</ul>
{{- else}}
<p class="msg">{{.Message}}</p>
{{- with .Hint}}
<p class="hint"><span class="hint-label">hint:</span> {{.}}</p>
{{- end}}
{{- end}}
</li>
{{- end}}
</ol>
{{- else}}
<p class="ok">✔ No findings.</p>
{{- end}}
</div>
{{- end}}
`

// htmlCSS styles the page. Colors follow the Okabe–Ito palette (safe for
// color-blind readers), darkened where text sits on them; every severity
// also has its own symbol and border style, so nothing depends on color.
// The custom properties ending in -fg and -bg are checked for contrast
// (WCAG AA, 4.5:1) by the tests.
const htmlCSS = `:root {
  --text-fg: #1a1a1a; --page-bg: #ffffff; --muted-fg: #595959; --panel-bg: #f6f2e8;
  --error-fg: #ffffff; --error-bg: #a63d00;
  --warning-fg: #000000; --warning-bg: #e69f00;
  --info-fg: #ffffff; --info-bg: #0072b2;
  --bubble-fg: #1a1a1a; --bubble-bg: #e9e9eb; --segalt-fg: #1a1a1a; --segalt-bg: #d7e9f7;
  --ucs2-fg: #000000; --ucs2-bg: #f0e442;
  --break-fg: #000000; --break-bg: #cc79a7;
  --chip-fg: #0b3d5c; --chip-bg: #ffffff; --chip-border: #56b4e9;
  --over-fg: #7a2e00; --over-bg: #fbe9dc;
}
* { box-sizing: border-box; }
body { margin: 0; padding: 1.5rem; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--text-fg); background: var(--page-bg); }
h1 { margin: 0 0 .25rem; font-size: 1.6rem; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
h3 { font-size: 1.05rem; margin: 0; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
a { color: #005a8c; }
.summary { max-width: 70rem; }
.summary-line { font-size: 1.1rem; margin: 0 0 1rem; }
.totals { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; list-style: none; padding: 0; margin: 0 0 1rem; }
.total .num { font-size: 1.5rem; font-weight: 700; margin-right: .2rem; }
.badge { display: inline-block; padding: 0 .45em; border-radius: .25em; font-size: .85em; font-weight: 600; white-space: nowrap; }
.sev-error .badge, .count.sev-error { color: var(--error-fg); background: var(--error-bg); }
.sev-warning .badge, .count.sev-warning { color: var(--warning-fg); background: var(--warning-bg); }
.sev-info .badge, .count.sev-info { color: var(--info-fg); background: var(--info-bg); }
.count { display: inline-block; padding: 0 .35em; border-radius: .25em; font-size: .8em; font-weight: 600; }
table.by-rule { border-collapse: collapse; margin: 0 0 1rem; }
.by-rule caption { text-align: left; font-weight: 600; padding-bottom: .25rem; }
.by-rule th, .by-rule td { border: 1px solid #bbbbbb; padding: .2rem .6rem; }
.by-rule td { text-align: right; font-variant-numeric: tabular-nums; }
.by-rule thead th { background: var(--panel-bg); }
.by-rule tbody th { text-align: left; font-weight: normal; }
.index ul { columns: 2 22rem; padding-left: 1.2rem; margin: 0; }
.channel { color: var(--muted-fg); font-size: .85em; }
.legend { color: var(--muted-fg); font-size: .9em; }
.file { max-width: 70rem; border-top: 2px solid #bbbbbb; margin-top: 1.5rem; }
.file-path { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 1rem; overflow-wrap: anywhere; }
.template { margin: 1rem 0 1.5rem; padding: 1rem; border: 1px solid #cccccc; border-radius: .5rem; }
.template-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: .25rem 1rem; margin-bottom: .75rem; }
.template-head h3 { overflow-wrap: anywhere; }
.meta { margin: 0; color: var(--muted-fg); font-size: .9em; }
.template-grid { display: grid; grid-template-columns: minmax(16rem, 24rem) 1fr; gap: 1.25rem; align-items: start; }
@media (max-width: 48rem) { .template-grid { grid-template-columns: 1fr; } }
.phone { background: #ffffff; border: 2px solid #1a1a1a; border-radius: 1.25rem; padding: .75rem .9rem 1rem; }
.sms-sender { margin: 0 0 .5rem; text-align: center; font-weight: 600; font-size: .9em; border-bottom: 1px solid #cccccc; padding-bottom: .35rem; }
.sms-bubble { color: var(--bubble-fg); background: var(--bubble-bg); border-radius: 1rem 1rem 1rem .25rem; padding: .5rem .75rem; white-space: pre-wrap; overflow-wrap: anywhere; min-height: 2.2rem; }
.seg-alt { background: var(--segalt-bg); color: var(--segalt-fg); box-decoration-break: clone; -webkit-box-decoration-break: clone; }
.seg-break, .legend-break { display: inline-block; vertical-align: baseline; border-left: 3px solid var(--break-bg); margin: 0 .15rem; line-height: 1; }
.seg-break::before, .legend-break::before { content: "§" attr(data-seg); display: inline-block; color: var(--break-fg); background: var(--break-bg); font-size: .7rem; font-weight: 700; padding: 0 .2rem; border-radius: 0 .2rem .2rem 0; }
mark.ucs2, .legend-ucs2 { color: var(--ucs2-fg); background: var(--ucs2-bg); text-decoration: underline dotted; text-underline-offset: .2em; outline: 1px solid #000000; border-radius: .15em; }
mark.ucs2.invisible::before { content: attr(data-cp); font-size: .65em; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.ph, .legend-ph { color: var(--chip-fg); background: var(--chip-bg); border: 1px solid var(--chip-border); border-radius: .6em; padding: 0 .3em; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
.ph-nosample { font-style: italic; border-style: dashed; }
.ph-control { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .8em; border-style: dotted; }
.sms-stats { list-style: none; padding: 0; margin: .6rem 0 0; font-size: .85em; }
.sms-stats .over { color: var(--over-fg); background: var(--over-bg); font-weight: 600; padding: 0 .25rem; }
.card { border: 1px solid #bbbbbb; border-radius: .5rem; background: #ffffff; overflow: hidden; }
.card-part { padding: .4rem .8rem; border-bottom: 1px solid #dddddd; }
.card-part:last-child { border-bottom: 0; }
.part-label { display: block; color: var(--muted-fg); font-size: .75em; text-transform: uppercase; letter-spacing: .04em; }
.card-text { white-space: pre-wrap; overflow-wrap: anywhere; }
.part-subject .card-text, .part-title .card-text, .part-header .card-text { font-weight: 700; }
.part-body { background: var(--page-bg); }
.part-button .card-text { display: inline-block; border: 1px solid #005a8c; border-radius: 1rem; padding: 0 .8rem; color: #005a8c; }
.push-card { border-radius: 1rem; background: var(--panel-bg); }
.findings ol { list-style: none; margin: 0; padding: 0; }
.finding { margin: 0 0 .6rem; padding: .35rem .6rem; border-left: 5px solid; background: #fafafa; }
.finding.sev-error { border-left-color: var(--error-bg); border-left-style: solid; }
.finding.sev-warning { border-left-color: var(--warning-bg); border-left-style: double; border-left-width: 6px; }
.finding.sev-info { border-left-color: var(--info-bg); border-left-style: dotted; }
.finding p { margin: 0; }
.finding-head { display: flex; flex-wrap: wrap; gap: .5rem; align-items: baseline; }
.loc { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--muted-fg); }
.msg, .hint { white-space: pre-wrap; overflow-wrap: anywhere; }
.hint { color: var(--muted-fg); }
.hint-label { font-weight: 600; }
.fixable { font-size: .8em; color: var(--muted-fg); border: 1px solid #999999; border-radius: .25em; padding: 0 .3em; }
.ok { margin: 0; color: var(--muted-fg); }
.loose { margin: 1rem 0; }
.page-footer { margin-top: 2rem; color: var(--muted-fg); font-size: .85em; }
@media print { body { padding: 0; } .template { break-inside: avoid; } }
.repeats ul { padding-left: 1.2rem; }
.repeats .count { color: var(--muted-fg); font-size: .9em; }
.points { margin: .3rem 0 0; padding-left: 1.2rem; }
.points li { margin: .2rem 0; }
.cut { color: var(--muted-fg); text-decoration: line-through; }
.cut::before { content: "✂"; text-decoration: none; display: inline-block; margin: 0 .15em; }
`
