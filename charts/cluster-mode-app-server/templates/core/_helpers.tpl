{{/*
Shared helpers of spark-constructor charts. Every object name goes through sc.fullname or
sc.componentName, so two releases can share a namespace; every derived setting (S3 endpoint,
event-log directory, service addresses) is computed here once and referenced everywhere.
*/}}

{{/* The chart name, or nameOverride. */}}
{{- define "sc.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The release-scoped name prefix: truncated to 63 characters, trailing "-" trimmed. */}}
{{- define "sc.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* A component's object name: (dict "root" $ "component" "connect"). The full name gives way
     to the component when both do not fit in 63 characters: cutting the component instead made
     the names of different components of a long release name the same. */}}
{{- define "sc.componentName" -}}
{{- $room := int (max 1 (sub 62 (len .component))) -}}
{{- printf "%s-%s" (include "sc.fullname" .root | trunc $room | trimSuffix "-") .component | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* chart label value: name-version. */}}
{{- define "sc.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Selector labels of a component: (dict "root" $ "component" "connect"). */}}
{{- define "sc.selectorLabels" -}}
app.kubernetes.io/name: {{ include "sc.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* Standard labels of a component: (dict "root" $ "component" "connect"). */}}
{{- define "sc.labels" -}}
helm.sh/chart: {{ include "sc.chart" .root }}
{{ include "sc.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Values.spark.version | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: {{ include "sc.fullname" .root }}
{{- end -}}

{{/* An image reference: (dict "root" $ "image" .Values.x.image). global.imageRegistry wins;
     a digest pins the image. */}}
{{- define "sc.image" -}}
{{- $registry := .image.registry | default "" -}}
{{- if .root.Values.global.imageRegistry -}}{{- $registry = .root.Values.global.imageRegistry -}}{{- end -}}
{{- $ref := .image.repository -}}
{{- if $registry -}}{{- $ref = printf "%s/%s" $registry .image.repository -}}{{- end -}}
{{- if .image.digest -}}
{{- printf "%s@%s" $ref .image.digest -}}
{{- else -}}
{{- printf "%s:%s" $ref (toString .image.tag) -}}
{{- end -}}
{{- end -}}

{{/* imagePullSecrets of a pod spec, from global.imagePullSecrets. */}}
{{- define "sc.imagePullSecrets" -}}
{{- with .Values.global.imagePullSecrets }}
imagePullSecrets:
{{- range . }}
  - name: {{ . | quote }}
{{- end }}
{{- end }}
{{- end -}}

{{/* The restricted pod security context: (dict "uid" 185 ["gid" 0] ["fsGroup" 185]); gid and
     fsGroup default to the uid, and 0 is a valid explicit value. */}}
{{- define "sc.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .uid }}
runAsGroup: {{ ternary .gid .uid (hasKey . "gid") }}
fsGroup: {{ ternary .fsGroup .uid (hasKey . "fsGroup") }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* The restricted container security context: (dict "readOnlyRootFilesystem" true). */}}
{{- define "sc.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: {{ ternary "true" "false" (ne (toString .readOnlyRootFilesystem) "false") }}
runAsNonRoot: true
capabilities:
  drop:
    - ALL
{{- end -}}

{{/* "true" when the block owning values key KEY is part of the chart: (list $ "minio"). */}}
{{- define "sc.enabled" -}}
{{- $root := index . 0 -}}
{{- $block := index $root.Values (index . 1) -}}
{{- if and $block (kindIs "map" $block) -}}
{{- if ne (toString (index $block "enabled")) "false" -}}true{{- end -}}
{{- end -}}
{{- end -}}

{{/* The S3 endpoint every consumer uses: spark.s3.endpoint, else the MinIO Service. */}}
{{- define "sc.s3.endpoint" -}}
{{- if .Values.spark.s3.endpoint -}}
{{- .Values.spark.s3.endpoint -}}
{{- else if include "sc.enabled" (list . "minio") -}}
{{- printf "http://%s:%v" (include "sc.componentName" (dict "root" . "component" "minio")) (.Values.minio.service.port | default 9000) -}}
{{- end -}}
{{- end -}}

{{/* The Secret with S3 credentials: spark.s3.existingSecret, else MinIO's. */}}
{{- define "sc.s3.secretName" -}}
{{- if .Values.spark.s3.existingSecret -}}
{{- .Values.spark.s3.existingSecret -}}
{{- else if include "sc.enabled" (list . "minio") -}}
{{- if .Values.minio.auth.existingSecret -}}
{{- .Values.minio.auth.existingSecret -}}
{{- else -}}
{{- include "sc.componentName" (dict "root" . "component" "minio") -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Environment variables with S3 credentials for a container (AWS SDK names). */}}
{{- define "sc.s3.env" -}}
{{- $secret := include "sc.s3.secretName" . -}}
{{- if $secret }}
- name: AWS_ACCESS_KEY_ID
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ .Values.spark.s3.accessKeyKey }}
- name: AWS_SECRET_ACCESS_KEY
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ .Values.spark.s3.secretKeyKey }}
- name: AWS_REGION
  value: {{ .Values.spark.s3.region | quote }}
{{- end }}
{{- end -}}

{{/* The event-log directory: written by Spark, read by the History Server (one value). */}}
{{- define "sc.eventLogDir" -}}
{{- .Values.spark.eventLog.dir -}}
{{- end -}}

{{/* The Hive metastore URI, when the hive-metastore block is present. */}}
{{- define "sc.metastore.uri" -}}
{{- if include "sc.enabled" (list . "hiveMetastore") -}}
{{- printf "thrift://%s:%v" (include "sc.componentName" (dict "root" . "component" "hive-metastore")) (.Values.hiveMetastore.service.port | default 9083) -}}
{{- end -}}
{{- end -}}

{{/* The PostgreSQL host, when the postgresql block is present. */}}
{{- define "sc.postgresql.host" -}}
{{- include "sc.componentName" (dict "root" . "component" "postgresql") -}}
{{- end -}}

{{/* The Spark Connect Service host (in-cluster FQDN) and URL. */}}
{{- define "sc.connect.host" -}}
{{- printf "%s.%s.svc.cluster.local" (include "sc.componentName" (dict "root" . "component" "connect")) .Release.Namespace -}}
{{- end -}}
{{- define "sc.connect.url" -}}
{{- printf "sc://%s:%v" (include "sc.connect.host" .) (.Values.sparkConnect.service.port | default 15002) -}}
{{- end -}}

{{/* The Standalone master URL, when the spark-standalone block is present. */}}
{{- define "sc.standalone.masterUrl" -}}
{{- printf "spark://%s:%v" (include "sc.componentName" (dict "root" . "component" "master")) (.Values.sparkStandalone.master.port | default 7077) -}}
{{- end -}}

{{/* spark-defaults shared by every Spark application of the chart, as "key value" lines:
     S3 through s3a, event logs, the metastore and the warehouse. */}}
{{- define "sc.sparkDefaults" -}}
{{- $conf := dict -}}
{{- $endpoint := include "sc.s3.endpoint" . -}}
{{- if $endpoint -}}
{{- $_ := set $conf "spark.hadoop.fs.s3a.endpoint" $endpoint -}}
{{- end -}}
{{- $_ := set $conf "spark.hadoop.fs.s3a.path.style.access" (toString .Values.spark.s3.pathStyleAccess) -}}
{{- $_ := set $conf "spark.hadoop.fs.s3a.connection.ssl.enabled" (toString .Values.spark.s3.sslEnabled) -}}
{{- $_ := set $conf "spark.hadoop.fs.s3a.endpoint.region" .Values.spark.s3.region -}}
{{- $_ := set $conf "spark.hadoop.fs.s3a.impl" "org.apache.hadoop.fs.s3a.S3AFileSystem" -}}
{{- $_ := set $conf "spark.hadoop.fs.s3a.aws.credentials.provider" (ternary "com.amazonaws.auth.EnvironmentVariableCredentialsProvider" "software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider" (hasPrefix "com.amazonaws" .Values.spark.awsSdkArtifact)) -}}
{{- $packages := list (printf "org.apache.hadoop:hadoop-aws:%s" .Values.spark.hadoopAws) (printf "%s:%s" .Values.spark.awsSdkArtifact .Values.spark.awsSdk) -}}
{{- $_ := set $conf "spark.jars.packages" (join "," $packages) -}}
{{- $_ := set $conf "spark.jars.ivy" "/tmp/.ivy2" -}}
{{- if .Values.spark.eventLog.enabled -}}
{{- $_ := set $conf "spark.eventLog.enabled" "true" -}}
{{- $_ := set $conf "spark.eventLog.dir" (include "sc.eventLogDir" .) -}}
{{- end -}}
{{- $_ := set $conf "spark.sql.warehouse.dir" .Values.spark.warehouseDir -}}
{{- with include "sc.metastore.uri" . -}}
{{- $_ := set $conf "spark.sql.catalogImplementation" "hive" -}}
{{- $_ := set $conf "spark.hadoop.hive.metastore.uris" . -}}
{{- end -}}
{{- if include "sc.enabled" (list . "monitoring") -}}
{{- range $k, $v := include "sc.monitoring.sparkConfMap" . | fromJson -}}
{{- $_ := set $conf $k (toString $v) -}}
{{- end -}}
{{- end -}}
{{- range $k, $v := .Values.spark.conf -}}
{{- $_ := set $conf $k (toString $v) -}}
{{- end -}}
{{- range $k, $v := $conf }}
{{ $k }} {{ $v }}
{{- end -}}
{{- end -}}
