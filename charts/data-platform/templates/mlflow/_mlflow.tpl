{{/*
Helpers of the mlflow block. The backend store is the mlflow database of the shared PostgreSQL;
artifacts are proxied by the server to mlflow.artifacts.destination on S3 (the minio block
creates that bucket and prefix from the same value).
*/}}

{{/* The in-cluster tracking URI. */}}
{{- define "sc.mlflow.url" -}}
{{- printf "http://%s.%s.svc.cluster.local:%v" (include "sc.componentName" (dict "root" . "component" "mlflow")) .Release.Namespace .Values.mlflow.service.port -}}
{{- end -}}

{{/* Host headers the server accepts: its Service names with any port, localhost, the user's. */}}
{{- define "sc.mlflow.allowedHosts" -}}
{{- $svc := include "sc.componentName" (dict "root" . "component" "mlflow") -}}
{{- $ns := .Release.Namespace -}}
{{- $hosts := list -}}
{{- range list $svc (printf "%s.%s" $svc $ns) (printf "%s.%s.svc" $svc $ns) (printf "%s.%s.svc.cluster.local" $svc $ns) "localhost" "127.0.0.1" -}}
{{- $hosts = append $hosts . -}}
{{- $hosts = append $hosts (printf "%s:*" .) -}}
{{- end -}}
{{- if and (include "sc.enabled" (list . "ingress")) .Values.ingress.uis.mlflow.enabled -}}
{{- $hosts = append $hosts (include "sc.ingress.host" (dict "root" . "ui" "mlflow")) -}}
{{- end -}}
{{- join "," (concat $hosts .Values.mlflow.allowedHosts) -}}
{{- end -}}

{{/* Environment of the server and its init containers: backend store URI (password from the
     PostgreSQL Secret, expanded by Kubernetes), S3 endpoint and credentials. */}}
{{- define "sc.mlflow.env" -}}
- name: HOME
  value: /tmp
- name: PYTHONPATH
  value: /opt/mlflow-deps
- name: MLFLOW_DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "sc.postgresql.secretName" . }}
      key: {{ include "sc.postgresql.passwordKey" (dict "root" . "consumer" "mlflow") }}
- name: MLFLOW_BACKEND_STORE_URI
  value: {{ printf "postgresql://%s:$(MLFLOW_DB_PASSWORD)@%s:%v/%s" (include "sc.postgresql.username" (dict "root" . "consumer" "mlflow")) (include "sc.postgresql.host" .) (include "sc.postgresql.port" .) (include "sc.postgresql.database" (dict "root" . "consumer" "mlflow")) | quote }}
{{- with include "sc.s3.endpoint" . }}
- name: MLFLOW_S3_ENDPOINT_URL
  value: {{ . | quote }}
{{- end }}
{{- include "sc.s3.env" . }}
{{- end -}}
