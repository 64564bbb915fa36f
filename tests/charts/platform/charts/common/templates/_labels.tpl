{{- define "common.labels" -}}
app.kubernetes.io/part-of: platform
app.kubernetes.io/component: {{ .Chart.Name }}
{{- range $k, $v := .Values.global.labels }}
{{ $k }}: {{ $v | quote }}
{{- end }}
{{- end -}}
{{- define "common.image" -}}
{{ .Values.global.registry }}/{{ .image }}
{{- end -}}
