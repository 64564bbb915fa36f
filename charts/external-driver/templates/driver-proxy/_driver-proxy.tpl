{{/*
Helpers of the driver-proxy block. The driver runs outside the cluster; everything the cluster
side needs (the Service to its IP, the ServiceAccount it authenticates as, the executor pod
template and spark-defaults it downloads) is named here once.
*/}}

{{/* Name of the Service, EndpointSlice, ConfigMap and Role. */}}
{{- define "sc.driverProxy.name" -}}
{{- include "sc.componentName" (dict "root" . "component" "driver-proxy") -}}
{{- end -}}

{{/* The external driver's IP (required). */}}
{{- define "sc.driverProxy.hostIP" -}}
{{- $ip := required "driverProxy.hostIP is required: the IP of the machine running the Spark driver, reachable from the pod network (--set driverProxy.hostIP=192.168.1.10)" .Values.driverProxy.hostIP -}}
{{- if not (or (regexMatch "^[0-9]{1,3}(\\.[0-9]{1,3}){3}$" $ip) (regexMatch "^[0-9a-fA-F:]+:[0-9a-fA-F:]*$" $ip)) -}}
{{- fail (printf "driverProxy.hostIP must be an IPv4 or IPv6 address, not %q" $ip) -}}
{{- end -}}
{{- $ip -}}
{{- end -}}

{{/* The driver's ServiceAccount. */}}
{{- define "sc.driverProxy.serviceAccountName" -}}
{{- default (include "sc.driverProxy.name" .) .Values.driverProxy.serviceAccount.name -}}
{{- end -}}

{{/* The long-lived token Secret of the ServiceAccount. */}}
{{- define "sc.driverProxy.tokenSecretName" -}}
{{- include "sc.componentName" (dict "root" . "component" "driver-proxy-token") -}}
{{- end -}}

{{/* spark-defaults.conf for the external driver: the chart's shared settings (S3, event
     logs, metastore), executors as pods in the release namespace, the driver's fixed ports,
     then driverProxy.sparkConf. spark.master, the driver host and the credentials stay in the
     PySpark builder (they are local to the machine). */}}
{{- define "sc.driverProxy.sparkDefaults" -}}
{{- $d := .Values.driverProxy -}}
{{- $conf := dict -}}
{{- range $line := splitList "\n" (include "sc.sparkDefaults" .) -}}
{{- $line = trim $line -}}
{{- if $line -}}
{{- $kv := splitn " " 2 $line -}}
{{- $_ := set $conf $kv._0 (trim (default "" $kv._1)) -}}
{{- end -}}
{{- end -}}
{{- $_ := set $conf "spark.submit.deployMode" "client" -}}
{{- $_ := set $conf "spark.kubernetes.namespace" .Release.Namespace -}}
{{- $_ := set $conf "spark.kubernetes.container.image" (include "sc.image" (dict "root" . "image" .Values.spark.image)) -}}
{{- $_ := set $conf "spark.kubernetes.container.image.pullPolicy" .Values.spark.image.pullPolicy -}}
{{- with .Values.global.imagePullSecrets -}}
{{- $_ := set $conf "spark.kubernetes.container.image.pullSecrets" (join "," .) -}}
{{- end -}}
{{- $_ := set $conf "spark.kubernetes.executor.podTemplateContainerName" "executor" -}}
{{- $_ := set $conf "spark.kubernetes.executor.podNamePrefix" (include "sc.driverProxy.name" . | trunc 40 | trimSuffix "-" | printf "%s-exec") -}}
{{- $_ := set $conf "spark.driver.host" (include "sc.driverProxy.hostIP" .) -}}
{{- $_ := set $conf "spark.driver.bindAddress" "0.0.0.0" -}}
{{- $_ := set $conf "spark.driver.port" (toString $d.driverPort) -}}
{{- $_ := set $conf "spark.driver.blockManager.port" (toString $d.blockManagerPort) -}}
{{- $_ := set $conf "spark.ui.port" (toString $d.uiPort) -}}
{{- $_ := set $conf "spark.executor.cores" (toString $d.executor.cores) -}}
{{- $_ := set $conf "spark.executor.memory" (toString $d.executor.memory) -}}
{{- $_ := set $conf "spark.executor.instances" (toString $d.executor.instances) -}}
{{- $_ := set $conf "spark.pyspark.python" "python3" -}}
{{- range $k, $v := $d.sparkConf -}}
{{- $_ := set $conf $k (toString $v) -}}
{{- end -}}
{{- range $k, $v := $conf }}
{{ $k }} {{ $v }}
{{- end -}}
{{- end -}}
