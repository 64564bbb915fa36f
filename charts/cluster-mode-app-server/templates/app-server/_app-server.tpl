{{/*
Helpers of the app-server block. Files come from appServer.files (text given at render time,
e.g. with --set-file) and from the chart's apps/ folder; a bucket can be served too. The
submit command in NOTES is built from the same helpers as the chart's Spark settings.
*/}}

{{/* Object name of the Deployment, Service and ConfigMap. */}}
{{- define "sc.appServer.name" -}}
{{- include "sc.componentName" (dict "root" . "component" "app-server") -}}
{{- end -}}

{{/* The in-cluster base URL of the server (what the Spark driver pod downloads from). */}}
{{- define "sc.appServer.url" -}}
{{- printf "http://%s.%s.svc.cluster.local:%v" (include "sc.appServer.name" .) .Release.Namespace .Values.appServer.service.port -}}
{{- end -}}

{{/* Names of the served files, sorted JSON list: appServer.files keys and apps/* base names. */}}
{{- define "sc.appServer.fileNames" -}}
{{- $names := keys (.Values.appServer.files | default dict) -}}
{{- range $path, $_ := .Files.Glob "apps/*" -}}
{{- $names = append $names (base $path) -}}
{{- end -}}
{{- $names | uniq | sortAlpha | toJson -}}
{{- end -}}

{{/* "true" when a bucket is served; fails when the chart has no S3 endpoint or credentials. */}}
{{- define "sc.appServer.bucketEnabled" -}}
{{- if .Values.appServer.bucket.name -}}
{{- if not (and (include "sc.s3.endpoint" .) (include "sc.s3.secretName" .)) -}}
{{- fail "appServer.bucket.name needs an S3 endpoint and credentials: add the minio block (--with minio) or set spark.s3.endpoint and spark.s3.existingSecret" -}}
{{- end -}}
true
{{- end -}}
{{- end -}}

{{/* The ServiceAccount submitted drivers run as: the spark-connect server's (it already may
     manage executor pods), else this block's own. */}}
{{- define "sc.appServer.driverServiceAccountName" -}}
{{- if include "sc.enabled" (list . "sparkConnect") -}}
{{- include "sc.sparkConnect.serviceAccountName" . -}}
{{- else if .Values.appServer.driverServiceAccount.create -}}
{{- default (include "sc.componentName" (dict "root" . "component" "app-driver")) .Values.appServer.driverServiceAccount.name -}}
{{- else -}}
{{- default "default" .Values.appServer.driverServiceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* The shell lines that point mc at the chart's S3 endpoint (alias "src"), retrying until it answers. */}}
{{- define "sc.appServer.mcAlias" -}}
until mc alias set src "$S3_ENDPOINT" "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY" >/dev/null; do
  echo "waiting for $S3_ENDPOINT"; sleep 5
done
{{- end -}}

{{/* Environment of the bucket sync containers: what to mirror, where, and the S3 keys. */}}
{{- define "sc.appServer.syncEnv" -}}
- name: BUCKET
  value: {{ .Values.appServer.bucket.name | quote }}
- name: S3_ENDPOINT
  value: {{ include "sc.s3.endpoint" . | quote }}
- name: MC_CONFIG_DIR
  value: /tmp/.mc
{{ include "sc.s3.env" . | trim }}
{{- end -}}
