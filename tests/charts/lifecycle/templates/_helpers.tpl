{{- define "lc.name" -}}{{ .Release.Name }}-lc{{- end -}}
{{- define "lc.meta" -}}
name: {{ include "lc.name" . }}
labels:
  app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}
