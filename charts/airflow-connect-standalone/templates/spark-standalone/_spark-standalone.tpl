{{/*
Helpers of the spark-standalone block. Master and workers share one spark-defaults.conf: the
chart's shared Spark settings plus the workers' own (shuffle service, clean-up, reconnecting
to the master through its Service after the master pod is replaced).
*/}}

{{/* spark-defaults.conf of the master and the workers, as "key value" lines. */}}
{{- define "sc.sparkStandalone.sparkDefaults" -}}
{{- $s := .Values.sparkStandalone -}}
{{- $conf := dict -}}
{{- range $line := splitList "\n" (include "sc.sparkDefaults" .) -}}
{{- $line = trim $line -}}
{{- if $line -}}
{{- $kv := splitn " " 2 $line -}}
{{- $_ := set $conf $kv._0 (trim (default "" $kv._1)) -}}
{{- end -}}
{{- end -}}
{{- $_ := set $conf "spark.shuffle.service.enabled" (toString $s.worker.shuffleService.enabled) -}}
{{- if $s.worker.shuffleService.enabled -}}
{{- $_ := set $conf "spark.shuffle.service.port" (toString $s.worker.shuffleService.port) -}}
{{- end -}}
{{- $_ := set $conf "spark.worker.cleanup.enabled" (toString $s.worker.cleanup.enabled) -}}
{{- if $s.worker.cleanup.enabled -}}
{{- $_ := set $conf "spark.worker.cleanup.interval" (toString $s.worker.cleanup.interval) -}}
{{- $_ := set $conf "spark.worker.cleanup.appDataTtl" (toString $s.worker.cleanup.appDataTtl) -}}
{{- end -}}
{{- /* The master advertises its pod IP; after a restart workers must reconnect through the Service. */ -}}
{{- $_ := set $conf "spark.worker.preferConfiguredMasterAddress" "true" -}}
{{- range $k, $v := $s.conf -}}
{{- $_ := set $conf $k (toString $v) -}}
{{- end -}}
{{- range $k, $v := $conf }}
{{ $k }} {{ $v }}
{{- end -}}
{{- end -}}

{{/* Environment every Standalone daemon needs under a read-only root filesystem: logs and pid
     files in /tmp, the foreground mode, the shared configuration. */}}
{{- define "sc.sparkStandalone.daemonEnv" -}}
- name: SPARK_NO_DAEMONIZE
  value: "true"
- name: SPARK_CONF_DIR
  value: /opt/spark/conf
- name: SPARK_LOG_DIR
  value: /tmp/spark-logs
- name: SPARK_PID_DIR
  value: /tmp
- name: HOME
  value: /tmp
- name: POD_IP
  valueFrom:
    fieldRef:
      fieldPath: status.podIP
{{- end -}}
