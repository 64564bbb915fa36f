{{- define "api.greeting" -}}api-greeting{{- end -}}
{{- define "umbrella.who" -}}api-file{{- end -}}
