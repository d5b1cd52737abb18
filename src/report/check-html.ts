// `check --format html`: one self-contained page (inline CSS, no script, no external resource)
// that an officer can print or send. Same content as the text rendering.

import {fileName} from '../checks/locate.js'
import type {CheckReport} from '../checks/run.js'
import type {Diagnostic} from '../checks/types.js'
import {factLines, LEVEL_LABEL} from './check-facts.js'

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

const CSS = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.15rem;border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}
.summary{font-size:1.05rem}.summary .err{color:#b00020;font-weight:600}.summary .warn{color:#8a5a00;font-weight:600}
table{border-collapse:collapse;width:100%;font-size:.92rem}td,th{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
.diag{border-left:4px solid #8a5a00;padding:.4rem .8rem;margin:.8rem 0;background:#fffaf0;break-inside:avoid}
.diag.error{border-color:#b00020;background:#fff5f6}.diag .head{font-weight:600}.diag .id{font-family:monospace;font-size:.85rem;color:#555}
.quote{font-style:italic;color:#444}.suggestion{margin-top:.3rem}.legal{font-size:.85rem;color:#555}
.muted{color:#666;font-size:.9rem}@media print{body{margin:0;max-width:none}.diag{background:none}}
`

function diagnosticHtml(d: Diagnostic): string {
  const where = [d.page !== undefined ? `page ${d.page}` : '', d.article ? `« ${d.article} »` : ''].filter(Boolean).join(', ')
  return `<div class="diag ${d.level}">
<div class="head">${d.level === 'error' ? '✖' : '⚠'} ${LEVEL_LABEL[d.level]}${where ? ` — ${escapeHtml(where)}` : ''} <span class="id">${escapeHtml(d.check)}</span></div>
<div>${escapeHtml(d.message)}</div>
${d.quote ? `<div class="quote">« ${escapeHtml(d.quote)} »</div>` : ''}
<div class="suggestion">→ ${escapeHtml(d.suggestion)}</div>
<div class="legal">Base légale : ${escapeHtml(d.legal.join(', '))}</div>
</div>`
}

function documentSections(report: CheckReport): string {
  const groups = new Map<string, Diagnostic[]>()
  for (const d of report.diagnostics) groups.set(d.path ?? '(dossier)', [...(groups.get(d.path ?? '(dossier)') ?? []), d])
  if (groups.size === 0) return '<p>Aucune anomalie relevée par les contrôles applicables.</p>'
  return [...groups].map(([path, list]) => `<h2>${escapeHtml(fileName(path))}</h2>\n${list.map(diagnosticHtml).join('\n')}`).join('\n')
}

function checksTable(report: CheckReport): string {
  const status = {passed: 'conforme', failed: 'anomalie', 'not-applicable': 'non applicable', undecided: 'non décidé', ignored: 'ignoré'}
  const rows = report.checks.map((c) => `<tr><td class="id">${escapeHtml(c.check)}</td><td>${escapeHtml(c.title)}</td><td>${status[c.status]}</td><td>${escapeHtml(c.reason ?? '')}</td></tr>`)
  return `<table><thead><tr><th>Contrôle</th><th>Exigence</th><th>Résultat</th><th>Motif</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
}

export function renderCheckHtml(report: CheckReport, generatedAt = new Date()): string {
  const {errors, warnings} = report.summary
  const facts = factLines(report.facts).map((f) => `<tr><th>${escapeHtml(f.label)}</th><td>${escapeHtml(f.value)}</td><td class="muted">${escapeHtml(f.origin)}</td></tr>`)
  const docs = report.documents.map((d) => `${escapeHtml(fileName(d.path))} (${escapeHtml(d.kind)})`).join(', ')
  const unread = report.unread.map((u) => `<li>${escapeHtml(fileName(u.path))} — ${escapeHtml(u.reason)}</li>`).join('')
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Vérification du DCE — clausescope</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${CSS}</style></head>
<body>
<h1>Vérification du DCE</h1>
<p class="muted">clausescope check — ${escapeHtml(generatedAt.toISOString().slice(0, 10))} — obligations applicables aux consultations lancées à compter du 21/08/2026</p>
<p class="summary"><span class="err">${errors} erreur(s)</span>, <span class="warn">${warnings} avertissement(s)</span></p>
<h2>Faits retenus</h2>
<table><tbody>${facts.join('')}</tbody></table>
<p class="muted">Documents lus : ${docs || 'aucun'}</p>
${unread ? `<p>Documents non lus :</p><ul>${unread}</ul>` : ''}
${documentSections(report)}
<h2>Contrôles</h2>
${checksTable(report)}
</body></html>
`
}
