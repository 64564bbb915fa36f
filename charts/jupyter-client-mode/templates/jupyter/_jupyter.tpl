{{/*
Helpers of the jupyter block. The notebook's Spark client is derived from the version catalogue
(spark.connectClientPip, spark.pysparkVersion, spark.pythonVersion) so the notebook, the
Connect server and the executors agree on Spark and Python versions without typing them twice.
*/}}

{{/* Object name of the notebook Deployment, Service, Secret, PVC and ServiceAccount. */}}
{{- define "sc.jupyter.name" -}}
{{- include "sc.componentName" (dict "root" . "component" "jupyter") -}}
{{- end -}}

{{/* "true" in client mode (the notebook is the Spark driver); fails on an unknown mode. */}}
{{- define "sc.jupyter.clientMode" -}}
{{- $mode := toString .Values.jupyter.mode -}}
{{- if eq $mode "client" -}}true
{{- else if ne $mode "connect" -}}
{{- fail (printf "jupyter.mode must be \"connect\" or \"client\", not %q" $mode) -}}
{{- end -}}
{{- end -}}

{{/* The Secret holding the Jupyter token: auth.existingSecret, else the generated one. In GitOps
     mode nothing is generated, so existingSecret is required. */}}
{{- define "sc.jupyter.secretName" -}}
{{- if .Values.global.gitops -}}
{{- required "jupyter.auth.existingSecret is required when global.gitops is true (a Secret with the Jupyter token)" .Values.jupyter.auth.existingSecret -}}
{{- else -}}
{{- .Values.jupyter.auth.existingSecret | default (include "sc.jupyter.name" .) -}}
{{- end -}}
{{- end -}}

{{/* The notebook pod's ServiceAccount. */}}
{{- define "sc.jupyter.serviceAccountName" -}}
{{- if .Values.jupyter.serviceAccount.create -}}
{{- default (include "sc.jupyter.name" .) .Values.jupyter.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.jupyter.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* The image map of the mode in use, with the tag defaulted to python-<spark.pythonVersion>. */}}
{{- define "sc.jupyter.imageMap" -}}
{{- $image := deepCopy (ternary .Values.jupyter.client.image .Values.jupyter.image (eq (include "sc.jupyter.clientMode" .) "true")) -}}
{{- if not $image.tag -}}
{{- $_ := set $image "tag" (printf "python-%s" .Values.spark.pythonVersion) -}}
{{- end -}}
{{- toJson $image -}}
{{- end -}}

{{/* The Spark Connect URL of connect mode: jupyter.remote, else the spark-connect block's
     Service; fails when there is neither. */}}
{{- define "sc.jupyter.remote" -}}
{{- if .Values.jupyter.remote -}}
{{- .Values.jupyter.remote -}}
{{- else if include "sc.enabled" (list . "sparkConnect") -}}
{{- include "sc.connect.url" . -}}
{{- else -}}
{{- fail "jupyter.mode is \"connect\" but the chart has no spark-connect block: render with --with spark-connect, set jupyter.remote=sc://HOST:15002, or set jupyter.mode=client" -}}
{{- end -}}
{{- end -}}

{{/* Headless Service of the client-mode driver and its FQDN (spark.driver.host). */}}
{{- define "sc.jupyter.driverServiceName" -}}
{{- include "sc.componentName" (dict "root" . "component" "jupyter-driver") -}}
{{- end -}}
{{- define "sc.jupyter.driverHost" -}}
{{- printf "%s.%s.svc.cluster.local" (include "sc.jupyter.driverServiceName" .) .Release.Namespace -}}
{{- end -}}

{{/* pip requirements installed at start, one per line: the Connect client with grpcio and
     zstandard in connect mode, the full PySpark (jars included: the kernel is a driver) in
     client mode; pandas and pyarrow in both. Versions come from the catalogue. */}}
{{- define "sc.jupyter.requirements" -}}
{{- $reqs := list -}}
{{- if include "sc.jupyter.clientMode" . -}}
{{- $reqs = append $reqs (printf "pyspark==%s" .Values.spark.pysparkVersion) -}}
{{- else -}}
{{- $reqs = append $reqs .Values.spark.connectClientPip -}}
{{- $reqs = append $reqs (printf "grpcio==%s" .Values.spark.grpcioVersion) -}}
{{- $reqs = append $reqs (printf "grpcio-status==%s" .Values.spark.grpcioVersion) -}}
{{- $reqs = append $reqs "googleapis-common-protos" -}}
{{- $reqs = append $reqs "zstandard" -}}
{{- end -}}
{{- $reqs = concat $reqs (list "pandas" "pyarrow") .Values.jupyter.pip.extraPackages -}}
{{- join "\n" $reqs -}}
{{- end -}}

{{/* Path of the executor pod template inside the notebook container (client mode). */}}
{{- define "sc.jupyter.podTemplatePath" -}}
/opt/sparkc/conf/executor-pod-template.yaml
{{- end -}}

{{/* spark-defaults.conf of the client-mode driver as "key value" lines: the chart's shared
     settings (S3, event logs, metastore), the driver's address and ports on the headless
     Service, executors as pods in the release namespace, then jupyter.client.sparkConf.
     spark.kubernetes.driver.pod.name is appended at start from the downward API. */}}
{{- define "sc.jupyter.sparkDefaults" -}}
{{- $c := .Values.jupyter.client -}}
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
{{- $_ := set $conf "spark.kubernetes.executor.podTemplateFile" (include "sc.jupyter.podTemplatePath" .) -}}
{{- $_ := set $conf "spark.kubernetes.executor.podTemplateContainerName" "executor" -}}
{{- $_ := set $conf "spark.kubernetes.executor.podNamePrefix" (include "sc.componentName" (dict "root" . "component" "jupyter-exec") | trunc 47 | trimSuffix "-") -}}
{{- $_ := set $conf "spark.driver.host" (include "sc.jupyter.driverHost" .) -}}
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
{{- $_ := set $conf "spark.kubernetes.executor.deleteOnTermination" "true" -}}
{{- range $k, $v := $c.sparkConf -}}
{{- $_ := set $conf $k (toString $v) -}}
{{- end -}}
{{- range $k, $v := $conf }}
{{ $k }} {{ $v }}
{{- end -}}
{{- end -}}
