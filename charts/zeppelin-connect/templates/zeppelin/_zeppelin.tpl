{{/*
Helpers of the zeppelin block. Zeppelin's own Spark interpreter drives Spark 3.x only, so Spark
Connect goes through the %python interpreter with SPARK_REMOTE and the catalogue's Connect
client; client mode runs the %spark interpreter as the driver with the Spark distribution
copied out of the chart's Spark image (same build as the executors).
*/}}

{{/* Object name of the Zeppelin Deployment, Service, PVC, ConfigMap and ServiceAccount. */}}
{{- define "sc.zeppelin.name" -}}
{{- include "sc.componentName" (dict "root" . "component" "zeppelin") -}}
{{- end -}}

{{/* "true" in client mode; fails on an unknown mode, and on a Spark line Zeppelin's Spark
     interpreter cannot drive. */}}
{{- define "sc.zeppelin.clientMode" -}}
{{- $mode := toString .Values.zeppelin.mode -}}
{{- if eq $mode "client" -}}
{{- if not (hasPrefix "3." (toString .Values.spark.version)) -}}
{{- fail (printf "zeppelin.mode=client needs Spark 3.5 (Zeppelin's Spark interpreter does not support Spark %s): render with --spark-version 3.5, or use zeppelin.mode=connect" .Values.spark.version) -}}
{{- end -}}
true
{{- else if ne $mode "connect" -}}
{{- fail (printf "zeppelin.mode must be \"connect\" or \"client\", not %q" $mode) -}}
{{- end -}}
{{- end -}}

{{/* The Zeppelin pod's ServiceAccount. */}}
{{- define "sc.zeppelin.serviceAccountName" -}}
{{- if .Values.zeppelin.serviceAccount.create -}}
{{- default (include "sc.zeppelin.name" .) .Values.zeppelin.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.zeppelin.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* The Spark Connect URL of connect mode: zeppelin.remote, else the spark-connect block's. */}}
{{- define "sc.zeppelin.remote" -}}
{{- if .Values.zeppelin.remote -}}
{{- .Values.zeppelin.remote -}}
{{- else if include "sc.enabled" (list . "sparkConnect") -}}
{{- include "sc.connect.url" . -}}
{{- else -}}
{{- fail "zeppelin.mode is \"connect\" but the chart has no spark-connect block: render with --with spark-connect, set zeppelin.remote=sc://HOST:15002, or set zeppelin.mode=client (Spark 3.5)" -}}
{{- end -}}
{{- end -}}

{{/* Headless Service of the client-mode driver and its FQDN (spark.driver.host). */}}
{{- define "sc.zeppelin.driverServiceName" -}}
{{- include "sc.componentName" (dict "root" . "component" "zeppelin-driver") -}}
{{- end -}}
{{- define "sc.zeppelin.driverHost" -}}
{{- printf "%s.%s.svc.cluster.local" (include "sc.zeppelin.driverServiceName" .) .Release.Namespace -}}
{{- end -}}

{{/* pip requirements of connect mode, one per line, versions from the catalogue. */}}
{{- define "sc.zeppelin.requirements" -}}
{{- $reqs := list .Values.spark.connectClientPip (printf "grpcio==%s" .Values.spark.grpcioVersion) (printf "grpcio-status==%s" .Values.spark.grpcioVersion) "googleapis-common-protos" "zstandard" "pandas" "pyarrow" -}}
{{- join "\n" (concat $reqs .Values.zeppelin.pip.extraPackages) -}}
{{- end -}}

{{/* Where the Spark distribution and the driver's conf live in the Zeppelin container. */}}
{{- define "sc.zeppelin.sparkHome" -}}/opt/sparkc/spark{{- end -}}
{{- define "sc.zeppelin.podTemplatePath" -}}/opt/sparkc/conf/executor-pod-template.yaml{{- end -}}

{{/* spark-defaults.conf of the client-mode driver as "key value" lines: the chart's shared
     settings, the driver's address on the headless Service, executors as pods, then
     zeppelin.client.sparkConf. The driver pod name comes from the downward API at start. */}}
{{- define "sc.zeppelin.sparkDefaults" -}}
{{- $c := .Values.zeppelin.client -}}
{{- $conf := dict -}}
{{- range $line := splitList "\n" (include "sc.sparkDefaults" .) -}}
{{- $line = trim $line -}}
{{- if $line -}}
{{- $kv := splitn " " 2 $line -}}
{{- $_ := set $conf $kv._0 (trim (default "" $kv._1)) -}}
{{- end -}}
{{- end -}}
{{- $_ := set $conf "spark.master" "k8s://https://kubernetes.default.svc" -}}
{{- $_ := set $conf "spark.submit.deployMode" "client" -}}
{{- $_ := set $conf "spark.kubernetes.namespace" .Release.Namespace -}}
{{- $_ := set $conf "spark.kubernetes.container.image" (include "sc.image" (dict "root" . "image" .Values.spark.image)) -}}
{{- $_ := set $conf "spark.kubernetes.container.image.pullPolicy" .Values.spark.image.pullPolicy -}}
{{- with .Values.global.imagePullSecrets -}}
{{- $_ := set $conf "spark.kubernetes.container.image.pullSecrets" (join "," .) -}}
{{- end -}}
{{- $_ := set $conf "spark.kubernetes.executor.podTemplateFile" (include "sc.zeppelin.podTemplatePath" .) -}}
{{- $_ := set $conf "spark.kubernetes.executor.podTemplateContainerName" "executor" -}}
{{- $_ := set $conf "spark.kubernetes.executor.podNamePrefix" (include "sc.componentName" (dict "root" . "component" "zeppelin-exec") | trunc 47 | trimSuffix "-") -}}
{{- $_ := set $conf "spark.driver.host" (include "sc.zeppelin.driverHost" .) -}}
{{- $_ := set $conf "spark.driver.bindAddress" "0.0.0.0" -}}
{{- $_ := set $conf "spark.driver.port" (toString $c.driverPort) -}}
{{- $_ := set $conf "spark.driver.blockManager.port" (toString $c.blockManagerPort) -}}
{{- $_ := set $conf "spark.blockManager.port" (toString $c.blockManagerPort) -}}
{{- $_ := set $conf "spark.ui.port" (toString $c.uiPort) -}}
{{- $_ := set $conf "spark.driver.memory" (toString $c.driverMemory) -}}
{{- $_ := set $conf "spark.executor.cores" (toString $c.executorCores) -}}
{{- $_ := set $conf "spark.executor.memory" (toString $c.executorMemory) -}}
{{- $_ := set $conf "spark.executor.instances" (toString $c.executorInstances) -}}
{{- $_ := set $conf "spark.pyspark.python" "python3" -}}
{{- range $k, $v := $c.sparkConf -}}
{{- $_ := set $conf $k (toString $v) -}}
{{- end -}}
{{- range $k, $v := $conf }}
{{ $k }} {{ $v }}
{{- end -}}
{{- end -}}
