{{/*
Helpers of the ingress block. Each UI is tied to the block that serves it and to that block's
Service name and port (read from its values, never typed here twice); a UI appears only
when its block is present.
*/}}

{{/* The host of one UI: (dict "root" $ "ui" "mlflow"). Its own host, else <hostPrefix>.<domain>. */}}
{{- define "sc.ingress.host" -}}
{{- $u := index .root.Values.ingress.uis .ui -}}
{{- if $u.host -}}
{{- $u.host -}}
{{- else if .root.Values.ingress.domain -}}
{{- printf "%s.%s" $u.hostPrefix .root.Values.ingress.domain -}}
{{- else -}}
{{- fail (printf "ingress.uis.%s.host or ingress.domain is required when the ingress is enabled" .ui) -}}
{{- end -}}
{{- end -}}

{{/* The UIs to expose, as a JSON list of {ui, title, component, service, port, host, path,
     pathType, className, annotations, tls, secretName, scheme, name}. */}}
{{- define "sc.ingress.uis" -}}
{{- $root := . -}}
{{- $out := list -}}
{{- if .Values.ingress.enabled -}}
{{- $known := list -}}
{{- if include "sc.enabled" (list . "sparkConnect") -}}
{{- $known = append $known (dict "ui" "sparkUi" "title" "Spark UI (Spark Connect driver)" "component" "connect" "service" (include "sc.componentName" (dict "root" . "component" "connect")) "port" .Values.sparkConnect.service.uiPort) -}}
{{- end -}}
{{- if include "sc.enabled" (list . "historyServer") -}}
{{- $known = append $known (dict "ui" "historyServer" "title" "Spark History Server" "component" "history" "service" (include "sc.componentName" (dict "root" . "component" "history")) "port" .Values.historyServer.service.port) -}}
{{- end -}}
{{- if include "sc.enabled" (list . "jupyter") -}}
{{- $known = append $known (dict "ui" "jupyter" "title" "JupyterLab" "component" "jupyter" "service" (include "sc.jupyter.name" .) "port" .Values.jupyter.service.port) -}}
{{- end -}}
{{- if include "sc.enabled" (list . "airflow") -}}
{{- $known = append $known (dict "ui" "airflow" "title" "Airflow" "component" "airflow-api-server" "service" (include "sc.componentName" (dict "root" . "component" "airflow-api-server")) "port" .Values.airflow.apiServer.service.port) -}}
{{- end -}}
{{- if include "sc.enabled" (list . "mlflow") -}}
{{- $known = append $known (dict "ui" "mlflow" "title" "MLflow" "component" "mlflow" "service" (include "sc.componentName" (dict "root" . "component" "mlflow")) "port" .Values.mlflow.service.port) -}}
{{- end -}}
{{- if include "sc.enabled" (list . "minio") -}}
{{- $known = append $known (dict "ui" "minioConsole" "title" "MinIO console" "component" "minio" "service" (include "sc.componentName" (dict "root" . "component" "minio")) "port" .Values.minio.service.consolePort) -}}
{{- end -}}
{{- if include "sc.enabled" (list . "zeppelin") -}}
{{- $known = append $known (dict "ui" "zeppelin" "title" "Zeppelin" "component" "zeppelin" "service" (include "sc.zeppelin.name" .) "port" .Values.zeppelin.service.port) -}}
{{- end -}}
{{- if include "sc.enabled" (list . "sparkStandalone") -}}
{{- $known = append $known (dict "ui" "sparkMaster" "title" "Spark Standalone master" "component" "master" "service" (include "sc.componentName" (dict "root" . "component" "master")) "port" .Values.sparkStandalone.master.webUiPort) -}}
{{- end -}}
{{- range $known -}}
{{- $u := index $root.Values.ingress.uis .ui -}}
{{- if $u.enabled -}}
{{- $name := include "sc.componentName" (dict "root" $root "component" (printf "%s-ingress" .component)) -}}
{{- $e := merge (dict "host" (include "sc.ingress.host" (dict "root" $root "ui" .ui)) "path" $u.path "pathType" $u.pathType "className" ($u.className | default $root.Values.ingress.className) "annotations" (merge (dict) ($u.annotations | default dict) ($root.Values.ingress.annotations | default dict)) "tls" $u.tls.enabled "secretName" ($u.tls.secretName | default (printf "%s-tls" $name)) "scheme" (ternary "https" "http" $u.tls.enabled) "name" $name) . -}}
{{- $out = append $out $e -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- $out | toJson -}}
{{- end -}}
