{{- define "redislite.fullname" -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- define "redislite.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}
{{- define "redislite.storageClass" -}}
{{- $sc := coalesce .Values.global.storageClass .Values.persistence.storageClass -}}
{{- if $sc }}
storageClassName: {{ if eq "-" $sc }}""{{ else }}{{ $sc | quote }}{{ end }}
{{- end -}}
{{- end -}}
