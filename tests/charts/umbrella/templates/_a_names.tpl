{{/* Same name as in _z_names.tpl: Helm parses same-depth files in reverse path order, so this one wins. */}}
{{- define "umbrella.who" -}}a-file{{- end -}}

{{/* Overrides the define of the same name in the api subchart: parent templates are parsed last. */}}
{{- define "api.greeting" -}}parent-greeting({{ .Chart.Name }}){{- end -}}

{{- define "umbrella.fullname" -}}
{{- tpl .Values.nameTemplate . | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Renders a tree of arbitrary depth by including itself. */}}
{{- define "umbrella.tree" -}}
{{- $indent := .indent | default 0 -}}
{{ repeat (int $indent) "  " }}- {{ .node.name }}
{{- range .node.children }}
{{ include "umbrella.tree" (dict "node" . "indent" (add1 $indent)) }}
{{- end }}
{{- end -}}

{{/* Converts a nested map to dotted key=value lines, recursively. */}}
{{- define "umbrella.flatten" -}}
{{- $prefix := .prefix -}}
{{- range $k, $v := .map -}}
{{- $key := ternary $k (printf "%s.%s" $prefix $k) (empty $prefix) -}}
{{- if kindIs "map" $v -}}
{{ include "umbrella.flatten" (dict "map" $v "prefix" $key) }}
{{- else }}
{{ $key }}={{ $v }}
{{- end -}}
{{- end -}}
{{- end -}}
