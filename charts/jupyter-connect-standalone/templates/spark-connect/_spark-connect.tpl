{{/*
Helpers of the spark-connect block. The server is a Spark driver in client mode: executors (pods
on the k8s backend, processes on Standalone workers) call back to it through a headless Service,
so its host name and ports are computed here once and used by the ConfigMap, the Services and
the pod.
*/}}

{{/* Name of the headless Service that gives the driver a stable DNS name for executors. */}}
{{- define "sc.sparkConnect.driverServiceName" -}}
{{- include "sc.componentName" (dict "root" . "component" "connect-driver") -}}
{{- end -}}

{{/* The driver's host name as executors see it (spark.driver.host): the headless Service FQDN. */}}
{{- define "sc.sparkConnect.driverHost" -}}
{{- printf "%s.%s.svc.cluster.local" (include "sc.sparkConnect.driverServiceName" .) .Release.Namespace -}}
{{- end -}}

{{/* The ServiceAccount of the server. */}}
{{- define "sc.sparkConnect.serviceAccountName" -}}
{{- if .Values.sparkConnect.serviceAccount.create -}}
{{- default (include "sc.componentName" (dict "root" . "component" "connect")) .Values.sparkConnect.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.sparkConnect.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* "true" on the k8s backend (executors are pods the server creates). */}}
{{- define "sc.sparkConnect.onK8s" -}}
{{- if eq (toString .Values.sparkConnect.backend) "k8s" -}}true{{- end -}}
{{- end -}}

{{/* spark.master for the backend; fails when the standalone backend lacks its block. */}}
{{- define "sc.sparkConnect.master" -}}
{{- $backend := toString .Values.sparkConnect.backend -}}
{{- if eq $backend "k8s" -}}
k8s://https://kubernetes.default.svc
{{- else if eq $backend "standalone" -}}
{{- if not (include "sc.enabled" (list . "sparkStandalone")) -}}
{{- fail "sparkConnect.backend is \"standalone\" but the chart has no enabled spark-standalone block: render with --with spark-standalone (or set sparkConnect.backend=k8s)" -}}
{{- end -}}
{{- include "sc.standalone.masterUrl" . -}}
{{- else -}}
{{- fail (printf "sparkConnect.backend must be \"k8s\" or \"standalone\", not %q" $backend) -}}
{{- end -}}
{{- end -}}

{{/* sc.sparkDefaults as a JSON object (key -> value), for blocks that add their own entries. */}}
{{- define "sc.sparkConnect.sharedDefaults" -}}
{{- $conf := dict -}}
{{- range $line := splitList "\n" (include "sc.sparkDefaults" .) -}}
{{- $line = trim $line -}}
{{- if $line -}}
{{- $kv := splitn " " 2 $line -}}
{{- $_ := set $conf $kv._0 (trim (default "" $kv._1)) -}}
{{- end -}}
{{- end -}}
{{- toJson $conf -}}
{{- end -}}

{{/* Path of the executor pod template inside the server's conf directory. */}}
{{- define "sc.sparkConnect.podTemplatePath" -}}
/opt/spark/conf/executor-pod-template.yaml
{{- end -}}

{{/* spark-defaults.conf of the server, as "key value" lines: the chart's shared settings
     (S3, event logs, metastore), then the server's own (master, driver address, executors,
     dynamic allocation, Connect), then sparkConnect.sparkConf, which wins. */}}
{{- define "sc.sparkConnect.sparkDefaults" -}}
{{- $c := .Values.sparkConnect -}}
{{- $conf := include "sc.sparkConnect.sharedDefaults" . | fromJson -}}
{{- /* Spark 3.5 ships Connect as a package; --packages would replace spark.jars.packages, so it is appended. */ -}}
{{- if .Values.spark.connectPackage -}}
{{- $pkgs := compact (list (get $conf "spark.jars.packages") .Values.spark.connectPackage) -}}
{{- $_ := set $conf "spark.jars.packages" (join "," $pkgs) -}}
{{- end -}}
{{- $_ := set $conf "spark.master" (include "sc.sparkConnect.master" .) -}}
{{- $_ := set $conf "spark.app.name" (include "sc.componentName" (dict "root" . "component" "connect")) -}}
{{- $_ := set $conf "spark.connect.grpc.binding.port" (toString $c.service.port) -}}
{{- $_ := set $conf "spark.ui.port" (toString $c.service.uiPort) -}}
{{- $_ := set $conf "spark.driver.host" (include "sc.sparkConnect.driverHost" .) -}}
{{- $_ := set $conf "spark.driver.bindAddress" "0.0.0.0" -}}
{{- $_ := set $conf "spark.driver.port" (toString $c.driver.port) -}}
{{- $_ := set $conf "spark.driver.blockManager.port" (toString $c.driver.blockManagerPort) -}}
{{- $_ := set $conf "spark.driver.cores" (toString $c.driver.cores) -}}
{{- $_ := set $conf "spark.driver.memory" (toString $c.driver.memory) -}}
{{- $_ := set $conf "spark.executor.cores" (toString $c.executor.cores) -}}
{{- $_ := set $conf "spark.executor.memory" (toString $c.executor.memory) -}}
{{- $da := $c.dynamicAllocation -}}
{{- if $da.enabled -}}
{{- $_ := set $conf "spark.dynamicAllocation.enabled" "true" -}}
{{- $_ := set $conf "spark.dynamicAllocation.minExecutors" (toString $da.minExecutors) -}}
{{- $_ := set $conf "spark.dynamicAllocation.initialExecutors" (toString $da.initialExecutors) -}}
{{- $_ := set $conf "spark.dynamicAllocation.maxExecutors" (toString $da.maxExecutors) -}}
{{- $_ := set $conf "spark.dynamicAllocation.executorIdleTimeout" (toString $da.executorIdleTimeout) -}}
{{- $_ := set $conf "spark.dynamicAllocation.cachedExecutorIdleTimeout" (toString $da.cachedExecutorIdleTimeout) -}}
{{- else -}}
{{- $_ := set $conf "spark.dynamicAllocation.enabled" "false" -}}
{{- $_ := set $conf "spark.executor.instances" (toString $c.executor.instances) -}}
{{- end -}}
{{- if include "sc.sparkConnect.onK8s" . -}}
{{- $_ := set $conf "spark.kubernetes.namespace" .Release.Namespace -}}
{{- $_ := set $conf "spark.kubernetes.container.image" (include "sc.image" (dict "root" . "image" .Values.spark.image)) -}}
{{- $_ := set $conf "spark.kubernetes.container.image.pullPolicy" (toString .Values.spark.image.pullPolicy) -}}
{{- $_ := set $conf "spark.kubernetes.authenticate.driver.serviceAccountName" (include "sc.sparkConnect.serviceAccountName" .) -}}
{{- $_ := set $conf "spark.kubernetes.executor.podTemplateFile" (include "sc.sparkConnect.podTemplatePath" .) -}}
{{- $_ := set $conf "spark.kubernetes.executor.podTemplateContainerName" "spark-kubernetes-executor" -}}
{{- $_ := set $conf "spark.kubernetes.executor.deleteOnTermination" "true" -}}
{{- with .Values.global.imagePullSecrets -}}
{{- $_ := set $conf "spark.kubernetes.container.image.pullSecrets" (join "," .) -}}
{{- end -}}
{{- if $da.enabled -}}
{{- $_ := set $conf "spark.dynamicAllocation.shuffleTracking.enabled" "true" -}}
{{- $_ := set $conf "spark.dynamicAllocation.shuffleTracking.timeout" (toString $da.shuffleTrackingTimeout) -}}
{{- end -}}
{{- else -}}
{{- /* Standalone: the workers run the external shuffle service, which keeps shuffle files of removed executors. */ -}}
{{- $shuffle := dig "worker" "shuffleService" "enabled" false (.Values.sparkStandalone | default dict) -}}
{{- if $shuffle -}}
{{- $_ := set $conf "spark.shuffle.service.enabled" "true" -}}
{{- $_ := set $conf "spark.shuffle.service.port" (toString (dig "worker" "shuffleService" "port" 7337 .Values.sparkStandalone)) -}}
{{- else if $da.enabled -}}
{{- $_ := set $conf "spark.dynamicAllocation.shuffleTracking.enabled" "true" -}}
{{- $_ := set $conf "spark.dynamicAllocation.shuffleTracking.timeout" (toString $da.shuffleTrackingTimeout) -}}
{{- end -}}
{{- if not $da.enabled -}}
{{- $_ := set $conf "spark.cores.max" (toString (mul $c.executor.cores $c.executor.instances)) -}}
{{- end -}}
{{- end -}}
{{- range $k, $v := $c.sparkConf -}}
{{- $_ := set $conf $k (toString $v) -}}
{{- end -}}
{{- range $k, $v := $conf }}
{{ $k }} {{ $v }}
{{- end -}}
{{- end -}}

{{/* The executor pod template (k8s backend): restricted like every pod of the chart, with
     writable emptyDirs for /tmp, the work directory (fetched jars and session artifacts) and
     Spark's local directory, and the S3 credentials from the shared Secret. */}}
{{- define "sc.sparkConnect.executorPodTemplate" -}}
{{- $e := .Values.sparkConnect.executor -}}
apiVersion: v1
kind: Pod
metadata:
  labels:
    {{- include "sc.labels" (dict "root" . "component" "connect-executor") | nindent 4 }}
    {{- with $e.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- with $e.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  automountServiceAccountToken: false
  securityContext:
    {{- include "sc.podSecurityContext" (dict "uid" .Values.spark.uid) | nindent 4 }}
  {{- with $e.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $e.tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  containers:
    - name: spark-kubernetes-executor
      securityContext:
        {{- include "sc.containerSecurityContext" (dict "readOnlyRootFilesystem" true) | nindent 8 }}
      env:
        - name: HOME
          value: /tmp
        {{- with include "sc.s3.env" . | trim }}
        {{- . | nindent 8 }}
        {{- end }}
      volumeMounts:
        - name: tmp
          mountPath: /tmp
        - name: work-dir
          mountPath: /opt/spark/work-dir
        - name: spark-local-dir-1
          mountPath: /var/data/spark-local
  volumes:
    - name: tmp
      emptyDir: {}
    - name: work-dir
      emptyDir: {}
    - name: spark-local-dir-1
      emptyDir: {}
{{- end -}}
