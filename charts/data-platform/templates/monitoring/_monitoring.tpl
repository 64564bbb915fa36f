{{/*
Helpers of the monitoring block. sc.monitoring.sparkConf is the one place that turns Spark's
metrics on; Spark blocks add its lines to their spark-defaults (core's sc.sparkDefaults does
when the block is present), so every driver serves the same metric names.
*/}}

{{/* Extra spark-defaults lines ("key value") that expose Spark's metrics in Prometheus format on
     the driver's UI port: PrometheusServlet for the driver's sources (/metrics/prometheus/),
     executor summaries (/metrics/executors/prometheus), a fixed metrics namespace so names do
     not carry the application id, the application-status and JVM sources. Empty when the
     block is disabled. */}}
{{- define "sc.monitoring.sparkConf" -}}
{{- if include "sc.enabled" (list . "monitoring") -}}
{{- range $k, $v := include "sc.monitoring.sparkConfMap" . | fromJson }}
{{ $k }} {{ $v }}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* The same settings as a JSON object. */}}
{{- define "sc.monitoring.sparkConfMap" -}}
{{- $conf := dict "spark.ui.prometheus.enabled" "true" "spark.metrics.namespace" .Values.monitoring.metricsNamespace "spark.metrics.appStatusSource.enabled" "true" "spark.sql.streaming.metricsEnabled" "true" "spark.metrics.conf.*.sink.prometheusServlet.class" "org.apache.spark.metrics.sink.PrometheusServlet" "spark.metrics.conf.*.sink.prometheusServlet.path" "/metrics/prometheus" "spark.metrics.conf.master.sink.prometheusServlet.path" "/metrics/master/prometheus" "spark.metrics.conf.applications.sink.prometheusServlet.path" "/metrics/applications/prometheus" "spark.metrics.conf.*.source.jvm.class" "org.apache.spark.metrics.source.JvmSource" -}}
{{- toJson $conf -}}
{{- end -}}

{{/* metrics.properties with the sink and source settings (the spark.metrics.conf.* entries
     without their prefix), for images or tools that read the file instead. */}}
{{- define "sc.monitoring.metricsProperties" -}}
{{- range $k, $v := include "sc.monitoring.sparkConfMap" . | fromJson }}
{{- if hasPrefix "spark.metrics.conf." $k }}
{{ trimPrefix "spark.metrics.conf." $k }}={{ $v }}
{{- end }}
{{- end -}}
{{- end -}}

{{/* Labels of the ServiceMonitor and PodMonitor: the chart's plus monitoring.prometheus.labels. */}}
{{- define "sc.monitoring.labels" -}}
{{- include "sc.labels" (dict "root" . "component" "monitoring") }}
{{- with .Values.monitoring.prometheus.labels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* One scrape endpoint list for a Spark UI port: (dict "root" $ "port" "ui" "paths" LIST "keep" SERVICE). */}}
{{- define "sc.monitoring.endpoints" -}}
{{- $p := .root.Values.monitoring.prometheus -}}
{{- $keep := .keep -}}
{{- $port := .port -}}
{{- range .paths }}
- port: {{ $port }}
  path: {{ . }}
  interval: {{ $p.interval }}
  scrapeTimeout: {{ $p.scrapeTimeout }}
  {{- if $keep }}
  relabelings:
    {{- /* The headless driver Service carries the same labels: scrape through one Service only. */}}
    - sourceLabels: [__meta_kubernetes_service_name]
      regex: {{ $keep }}
      action: keep
  {{- end }}
{{- end }}
{{- end -}}
