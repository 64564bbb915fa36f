{{- define "umbrella.who" -}}z-file{{- end -}}
