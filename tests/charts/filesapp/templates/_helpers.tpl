{{/* Comma-separated sorted paths of a .Files.Glob result (keys needs a plain map). */}}
{{- define "filesapp.paths" -}}
{{- $first := true }}
{{- range $path, $_ := . }}{{ if not $first }},{{ end }}{{ $path }}{{ $first = false }}{{ end -}}
{{- end -}}
