{{/*
Helpers of the spark-operator block. Each app in sparkOperator.apps becomes a SparkApplication
(or, with a schedule, a ScheduledSparkApplication) whose spec is built here once: the chart's
shared Spark settings, restricted driver and executor pods with writable emptyDirs declared
through Spark's own volume settings (no webhook needed for them), and S3 credentials from the
shared Secret through Spark's secretKeyRef settings.
*/}}

{{/* The ServiceAccount drivers run as. */}}
{{- define "sc.sparkOperator.serviceAccountName" -}}
{{- if .Values.sparkOperator.serviceAccount.create -}}
{{- default (include "sc.componentName" (dict "root" . "component" "spark-jobs")) .Values.sparkOperator.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.sparkOperator.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* Role rules of a Spark driver on Kubernetes: executor pods (created, watched, deleted one
     by one and by label, labels patched when decommissioning), the executor ConfigMap,
     on-demand PVCs and the application's services (deleted by label when it stops). */}}
{{- define "sc.sparkOperator.driverRoleRules" -}}
- apiGroups: [""]
  resources: [pods]
  verbs: [create, get, list, watch, delete, deletecollection, patch]
- apiGroups: [""]
  resources: [services]
  verbs: [create, get, list, delete, deletecollection]
- apiGroups: [""]
  resources: [configmaps]
  verbs: [create, get, list, delete, deletecollection]
- apiGroups: [""]
  resources: [persistentvolumeclaims]
  verbs: [create, get, list, delete, deletecollection]
{{- end -}}

{{/* An app with the defaults filled in: (dict "root" $ "app" $app), as JSON. */}}
{{- define "sc.sparkOperator.app" -}}
{{- $d := deepCopy .root.Values.sparkOperator.defaults -}}
{{- $app := mergeOverwrite $d (deepCopy .app) -}}
{{- toJson $app -}}
{{- end -}}

{{/* The sparkConf of an app, as a JSON object of strings: (dict "root" $ "app" $app). */}}
{{- define "sc.sparkOperator.sparkConf" -}}
{{- $root := .root -}}
{{- $conf := dict -}}
{{- range $line := splitList "\n" (include "sc.sparkDefaults" $root) -}}
{{- $line = trim $line -}}
{{- if $line -}}
{{- $kv := splitn " " 2 $line -}}
{{- $_ := set $conf $kv._0 (trim (default "" $kv._1)) -}}
{{- end -}}
{{- end -}}
{{- range $role := list "driver" "executor" -}}
{{- range $vol := list (list "tmp" "/tmp") (list "work-dir" "/opt/spark/work-dir") -}}
{{- $_ := set $conf (printf "spark.kubernetes.%s.volumes.emptyDir.%s.mount.path" $role (index $vol 0)) (index $vol 1) -}}
{{- end -}}
{{- end -}}
{{- with include "sc.s3.secretName" $root -}}
{{- $secret := . -}}
{{- $_ := set $conf "spark.kubernetes.driver.secretKeyRef.AWS_ACCESS_KEY_ID" (printf "%s:%s" $secret $root.Values.spark.s3.accessKeyKey) -}}
{{- $_ := set $conf "spark.kubernetes.driver.secretKeyRef.AWS_SECRET_ACCESS_KEY" (printf "%s:%s" $secret $root.Values.spark.s3.secretKeyKey) -}}
{{- $_ := set $conf "spark.kubernetes.executor.secretKeyRef.AWS_ACCESS_KEY_ID" (printf "%s:%s" $secret $root.Values.spark.s3.accessKeyKey) -}}
{{- $_ := set $conf "spark.kubernetes.executor.secretKeyRef.AWS_SECRET_ACCESS_KEY" (printf "%s:%s" $secret $root.Values.spark.s3.secretKeyKey) -}}
{{- $_ := set $conf "spark.kubernetes.driverEnv.AWS_REGION" $root.Values.spark.s3.region -}}
{{- $_ := set $conf "spark.executorEnv.AWS_REGION" $root.Values.spark.s3.region -}}
{{- end -}}
{{- $_ := set $conf "spark.kubernetes.driverEnv.HOME" "/tmp" -}}
{{- $_ := set $conf "spark.executorEnv.HOME" "/tmp" -}}
{{- range $k, $v := .app.sparkConf -}}
{{- $_ := set $conf $k (toString $v) -}}
{{- end -}}
{{- toJson $conf -}}
{{- end -}}

{{/* One pod role (driver or executor) of an app's spec: (dict "root" $ "app" $app "role" "driver"). */}}
{{- define "sc.sparkOperator.podSpec" -}}
{{- $root := .root -}}
{{- $r := index .app .role | default dict -}}
cores: {{ $r.cores | default 1 | int }}
{{- with $r.coreLimit }}
coreLimit: {{ . | quote }}
{{- end }}
memory: {{ $r.memory | default "1g" | quote }}
{{- with $r.memoryOverhead }}
memoryOverhead: {{ . | quote }}
{{- end }}
{{- if eq .role "executor" }}
instances: {{ $r.instances | default 1 | int }}
{{- end }}
serviceAccount: {{ include "sc.sparkOperator.serviceAccountName" $root }}
labels:
  {{- include "sc.labels" (dict "root" $root "component" (printf "job-%s" .app.name)) | nindent 2 }}
  {{- with .app.labels }}
  {{- toYaml . | nindent 2 }}
  {{- end }}
podSecurityContext:
  {{- include "sc.podSecurityContext" (dict "uid" $root.Values.spark.uid) | nindent 2 }}
securityContext:
  {{- include "sc.containerSecurityContext" (dict "readOnlyRootFilesystem" true) | nindent 2 }}
{{- with $r.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $r.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $r.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{/* The SparkApplication spec of an app: (dict "root" $ "app" $app), the app with defaults. */}}
{{- define "sc.sparkOperator.appSpec" -}}
{{- $root := .root -}}
{{- $app := .app -}}
type: {{ $app.type | default "Python" }}
{{- if eq (toString ($app.type | default "Python")) "Python" }}
pythonVersion: "3"
{{- end }}
mode: cluster
image: {{ include "sc.image" (dict "root" $root "image" $root.Values.spark.image) }}
imagePullPolicy: {{ $root.Values.spark.image.pullPolicy }}
{{- with $root.Values.global.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $app.mainClass }}
mainClass: {{ . }}
{{- end }}
mainApplicationFile: {{ $app.mainApplicationFile | quote }}
{{- with $app.arguments }}
arguments:
  {{- range . }}
  - {{ toString . | quote }}
  {{- end }}
{{- end }}
sparkVersion: {{ $root.Values.spark.version | quote }}
sparkConf:
  {{- range $k, $v := include "sc.sparkOperator.sparkConf" . | fromJson }}
  {{ $k }}: {{ $v | quote }}
  {{- end }}
restartPolicy:
  {{- toYaml ($app.restartPolicy | default (dict "type" "Never")) | nindent 2 }}
{{- if not (kindIs "invalid" $app.timeToLiveSeconds) }}
timeToLiveSeconds: {{ $app.timeToLiveSeconds | int64 }}
{{- end }}
driver:
  {{- include "sc.sparkOperator.podSpec" (dict "root" $root "app" $app "role" "driver") | nindent 2 }}
executor:
  {{- include "sc.sparkOperator.podSpec" (dict "root" $root "app" $app "role" "executor") | nindent 2 }}
{{- end -}}
