{{/*
Helpers of the airflow block. Every Airflow pod shares one environment (database URL, secret
keys, execution API URL), one set of volumes and the same restricted security context; the
pods that run tasks (the scheduler with LocalExecutor, the task pods of KubernetesExecutor)
also get the Spark clients the example DAGs use.
*/}}

{{/* The Airflow version, from the image tag ("3.1.8-python3.12" -> "3.1.8"). */}}
{{- define "sc.airflow.version" -}}
{{- regexReplaceAll "-.*$" (toString .Values.airflow.image.tag) "" -}}
{{- end -}}

{{/* A component's name: (list $ "scheduler") -> <fullname>-airflow-scheduler. */}}
{{- define "sc.airflow.name" -}}
{{- $suffix := index . 1 -}}
{{- include "sc.componentName" (dict "root" (index . 0) "component" (ternary "airflow" (printf "airflow-%s" $suffix) (eq $suffix ""))) -}}
{{- end -}}

{{/* The Secret with fernet-key, api-secret-key and jwt-secret. */}}
{{- define "sc.airflow.secretName" -}}
{{- .Values.airflow.auth.existingSecret | default (include "sc.airflow.name" (list . "")) -}}
{{- end -}}

{{/* The ServiceAccount of the Airflow pods. */}}
{{- define "sc.airflow.serviceAccountName" -}}
{{- include "sc.airflow.name" (list . "") -}}
{{- end -}}

{{/* Namespace of the Spark applications DAGs submit. */}}
{{- define "sc.airflow.sparkNamespace" -}}
{{- .Values.airflow.sparkJobs.namespace | default .Release.Namespace -}}
{{- end -}}

{{/* ServiceAccount of the Spark drivers DAGs submit: sparkJobs.serviceAccount, else ours. */}}
{{- define "sc.airflow.sparkServiceAccount" -}}
{{- .Values.airflow.sparkJobs.serviceAccount | default (include "sc.airflow.name" (list . "spark")) -}}
{{- end -}}

{{/* "true" when the pods running tasks talk to the Kubernetes API (KubernetesExecutor,
     spark-submit to Kubernetes, SparkKubernetesOperator). */}}
{{- define "sc.airflow.needsApi" -}}
{{- $a := .Values.airflow -}}
{{- if or (eq $a.executor "KubernetesExecutor") (include "sc.airflow.sparkSubmitDag" .) (include "sc.airflow.operatorDag" .) -}}true{{- end -}}
{{- end -}}

{{/* Which example DAGs are rendered ("true" or ""). */}}
{{- define "sc.airflow.connectDag" -}}
{{- if and .Values.airflow.dags.examples (eq .Values.airflow.dags.source "configMap") .Values.airflow.sparkClient.connectVenv (include "sc.enabled" (list . "sparkConnect")) -}}true{{- end -}}
{{- end -}}
{{- define "sc.airflow.sparkSubmitDag" -}}
{{- if and .Values.airflow.dags.examples (eq .Values.airflow.dags.source "configMap") .Values.airflow.sparkClient.sparkSubmit -}}true{{- end -}}
{{- end -}}
{{- define "sc.airflow.operatorDag" -}}
{{- if and .Values.airflow.dags.examples (eq .Values.airflow.dags.source "configMap") (include "sc.enabled" (list . "sparkOperator")) -}}true{{- end -}}
{{- end -}}

{{/* The example DAG ids, as a JSON list. */}}
{{- define "sc.airflow.exampleDagNames" -}}
{{- $out := list -}}
{{- if include "sc.airflow.connectDag" . -}}{{- $out = append $out "spark_connect_example" -}}{{- end -}}
{{- if include "sc.airflow.sparkSubmitDag" . -}}{{- $out = append $out "spark_submit_k8s_example" -}}{{- end -}}
{{- if include "sc.airflow.operatorDag" . -}}{{- $out = append $out "spark_operator_example" -}}{{- end -}}
{{- $out | toJson -}}
{{- end -}}

{{/* The folder Airflow reads DAGs from. */}}
{{- define "sc.airflow.dagsFolder" -}}
{{- if eq .Values.airflow.dags.source "gitSync" -}}
{{- printf "/opt/airflow/dags/repo/%s" (trimAll "/" .Values.airflow.dags.gitSync.subPath) | trimSuffix "/" -}}
{{- else -}}
/opt/airflow/dags
{{- end -}}
{{- end -}}

{{/* The api-server's in-cluster URL (tasks report to its execution API). */}}
{{- define "sc.airflow.apiUrl" -}}
{{- printf "http://%s.%s.svc.cluster.local:%v" (include "sc.airflow.name" (list . "api-server")) .Release.Namespace .Values.airflow.apiServer.service.port -}}
{{- end -}}

{{/* The metadata database: PostgreSQL host, port, database, user, and the Secret and key
     holding the user's password, from the postgresql block (one source of truth). */}}
{{- define "sc.airflow.db" -}}
{{- $c := include "sc.postgresql.consumer" (dict "root" . "consumer" "airflow") | fromJson -}}
{{- toJson (dict "host" (include "sc.postgresql.host" .) "port" (include "sc.postgresql.port" .) "database" $c.database "user" $c.username "secret" (include "sc.postgresql.secretName" .) "key" $c.passwordKey) -}}
{{- end -}}

{{/* The restricted pod security context of every Airflow pod (gid 0 is the image's group). */}}
{{- define "sc.airflow.podSecurityContext" -}}
{{- include "sc.podSecurityContext" (dict "uid" .Values.airflow.uid "gid" (toString .Values.airflow.gid) "fsGroup" (toString .Values.airflow.gid)) -}}
{{- end -}}

{{/* The restricted container security context of every Airflow container. */}}
{{- define "sc.airflow.containerSecurityContext" -}}
{{- include "sc.containerSecurityContext" (dict "readOnlyRootFilesystem" .Values.airflow.readOnlyRootFilesystem) -}}
{{- end -}}

{{/* Environment shared by every Airflow container. */}}
{{- define "sc.airflow.env" -}}
{{- $a := .Values.airflow -}}
{{- $db := include "sc.airflow.db" . | fromJson -}}
{{- $secret := include "sc.airflow.secretName" . -}}
- name: AIRFLOW_HOME
  value: /opt/airflow
- name: PYTHONDONTWRITEBYTECODE
  value: "1"
- name: AIRFLOW__CORE__EXECUTOR
  value: {{ $a.executor | quote }}
- name: AIRFLOW__CORE__PARALLELISM
  value: {{ $a.scheduler.parallelism | quote }}
- name: AIRFLOW__CORE__LOAD_EXAMPLES
  value: "False"
- name: AIRFLOW__CORE__DAGS_FOLDER
  value: {{ include "sc.airflow.dagsFolder" . | quote }}
- name: AIRFLOW__CORE__AUTH_MANAGER
  value: airflow.providers.fab.auth_manager.fab_auth_manager.FabAuthManager
- name: AIRFLOW__CORE__EXECUTION_API_SERVER_URL
  value: {{ printf "%s/execution/" (include "sc.airflow.apiUrl" .) | quote }}
{{- /* Task logs are served from the pod that ran the task; its IP is reachable, its name is not. */}}
- name: AIRFLOW__CORE__HOSTNAME_CALLABLE
  value: airflow.utils.net.get_host_ip_address
- name: AIRFLOW__LOGGING__BASE_LOG_FOLDER
  value: /opt/airflow/logs
- name: AIRFLOW__CORE__FERNET_KEY
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: fernet-key
- name: AIRFLOW__API__SECRET_KEY
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: api-secret-key
- name: AIRFLOW__API_AUTH__JWT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: jwt-secret
- name: AIRFLOW_DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $db.secret }}
      key: {{ $db.key }}
{{- /* Kubernetes expands $(AIRFLOW_DB_PASSWORD); generated passwords are alphanumeric. */}}
- name: AIRFLOW__DATABASE__SQL_ALCHEMY_CONN
  value: {{ printf "postgresql+psycopg2://%s:$(AIRFLOW_DB_PASSWORD)@%s:%v/%s%s" $db.user $db.host $db.port $db.database (ternary (printf "?%s" $a.database.query) "" (ne $a.database.query "")) | quote }}
{{- if eq $a.executor "KubernetesExecutor" }}
- name: AIRFLOW__KUBERNETES_EXECUTOR__NAMESPACE
  value: {{ .Release.Namespace | quote }}
- name: AIRFLOW__KUBERNETES_EXECUTOR__POD_TEMPLATE_FILE
  value: /opt/airflow/pod-templates/pod_template.yaml
- name: AIRFLOW__KUBERNETES_EXECUTOR__DELETE_WORKER_PODS
  value: {{ ternary "True" "False" $a.kubernetesExecutor.deleteWorkerPods | quote }}
{{- end }}
{{- if include "sc.airflow.needsApi" . }}
- name: AIRFLOW_CONN_KUBERNETES_DEFAULT
  value: '{"conn_type": "kubernetes", "extra": {"in_cluster": true}}'
{{- end }}
{{- range $k, $v := $a.config }}
- name: {{ $k }}
  value: {{ toString $v | quote }}
{{- end }}
{{- with $a.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Volume mounts of an Airflow container: (dict "root" $ "tasks" BOOL "dags" BOOL). */}}
{{- define "sc.airflow.volumeMounts" -}}
{{- $a := .root.Values.airflow -}}
- name: tmp
  mountPath: /tmp
- name: cache
  mountPath: /home/airflow/.cache
- name: logs
  mountPath: /opt/airflow/logs
- name: config
  mountPath: /opt/airflow/airflow.cfg
  subPath: airflow.cfg
  readOnly: true
- name: config
  mountPath: /opt/airflow/webserver_config.py
  subPath: webserver_config.py
  readOnly: true
{{- if .dags }}
- name: dags
  mountPath: /opt/airflow/dags
  {{- if eq $a.dags.source "configMap" }}
  readOnly: true
  {{- end }}
{{- end }}
{{- if .tasks }}
{{- if $a.sparkClient.connectVenv }}
- name: spark-venv
  mountPath: /opt/airflow/spark-venv
{{- end }}
{{- if $a.sparkClient.sparkSubmit }}
- name: spark-dist
  mountPath: /opt/spark-dist
- name: spark-conf
  mountPath: /opt/airflow/spark-conf
  readOnly: true
{{- end }}
{{- end }}
{{- with $a.extraVolumeMounts }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Volumes of an Airflow pod: (dict "root" $ "tasks" BOOL "dags" BOOL "podTemplate" BOOL). */}}
{{- define "sc.airflow.volumes" -}}
{{- $root := .root -}}
{{- $a := $root.Values.airflow -}}
- name: tmp
  emptyDir: {}
- name: cache
  emptyDir: {}
- name: logs
  {{- if $a.logs.persistence.enabled }}
  persistentVolumeClaim:
    claimName: {{ $a.logs.persistence.existingClaim | default (include "sc.airflow.name" (list $root "logs")) }}
  {{- else }}
  emptyDir: {}
  {{- end }}
- name: config
  configMap:
    name: {{ include "sc.airflow.name" (list $root "config") }}
{{- if .dags }}
- name: dags
  {{- if eq $a.dags.source "configMap" }}
  configMap:
    name: {{ include "sc.airflow.name" (list $root "dags") }}
  {{- else }}
  emptyDir: {}
  {{- end }}
{{- end }}
{{- if .tasks }}
{{- if $a.sparkClient.connectVenv }}
- name: spark-venv
  emptyDir:
    sizeLimit: 2Gi
{{- end }}
{{- if $a.sparkClient.sparkSubmit }}
- name: spark-dist
  emptyDir:
    sizeLimit: 2Gi
- name: spark-conf
  configMap:
    name: {{ include "sc.airflow.name" (list $root "spark") }}
{{- end }}
{{- end }}
{{- if .podTemplate }}
- name: pod-templates
  configMap:
    name: {{ include "sc.airflow.name" (list $root "pod-template") }}
{{- end }}
{{- if and .dags (eq $a.dags.source "gitSync") $a.dags.gitSync.existingSecret }}
- name: git-credentials
  secret:
    secretName: {{ $a.dags.gitSync.existingSecret }}
{{- end }}
{{- with $a.extraVolumes }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* A git-sync container: (dict "root" $ "oneTime" BOOL). */}}
{{- define "sc.airflow.gitSync" -}}
{{- $root := .root -}}
{{- $g := $root.Values.airflow.dags.gitSync -}}
- name: {{ ternary "git-sync-init" "git-sync" .oneTime }}
  image: {{ include "sc.image" (dict "root" $root "image" $g.image) }}
  imagePullPolicy: {{ $g.image.pullPolicy }}
  securityContext:
    {{- include "sc.containerSecurityContext" (dict "readOnlyRootFilesystem" true) | nindent 4 }}
  env:
    - name: GITSYNC_REPO
      value: {{ required "airflow.dags.gitSync.repo is required when airflow.dags.source is gitSync" $g.repo | quote }}
    - name: GITSYNC_REF
      value: {{ $g.ref | quote }}
    - name: GITSYNC_ROOT
      value: /git
    - name: GITSYNC_LINK
      value: repo
    - name: GITSYNC_PERIOD
      value: {{ printf "%vs" $g.period | quote }}
    - name: GITSYNC_ONE_TIME
      value: {{ .oneTime | quote }}
    - name: HOME
      value: /tmp
    {{- if $g.existingSecret }}
    - name: GITSYNC_USERNAME
      valueFrom:
        secretKeyRef:
          name: {{ $g.existingSecret }}
          key: GITSYNC_USERNAME
    - name: GITSYNC_PASSWORD
      valueFrom:
        secretKeyRef:
          name: {{ $g.existingSecret }}
          key: GITSYNC_PASSWORD
    {{- end }}
  resources:
    {{- toYaml $g.resources | nindent 4 }}
  volumeMounts:
    - name: dags
      mountPath: /git
    - name: tmp
      mountPath: /tmp
{{- end -}}

{{/* Init containers of an Airflow pod: (dict "root" $ "tasks" BOOL "dags" BOOL "wait" BOOL). */}}
{{- define "sc.airflow.initContainers" -}}
{{- $root := .root -}}
{{- $a := $root.Values.airflow -}}
{{- $image := include "sc.image" (dict "root" $root "image" $a.image) -}}
{{- if .wait }}
- name: wait-for-migrations
  image: {{ $image }}
  imagePullPolicy: {{ $a.image.pullPolicy }}
  securityContext:
    {{- include "sc.airflow.containerSecurityContext" $root | nindent 4 }}
  args: ["airflow", "db", "check-migrations", "--migration-wait-timeout={{ $a.migration.waitTimeoutSeconds }}"]
  env:
    {{- include "sc.airflow.env" $root | nindent 4 }}
  resources:
    {{- toYaml $a.migration.resources | nindent 4 }}
  volumeMounts:
    {{- include "sc.airflow.volumeMounts" (dict "root" $root) | nindent 4 }}
{{- end }}
{{- if and .dags (eq $a.dags.source "gitSync") }}
{{ include "sc.airflow.gitSync" (dict "root" $root "oneTime" true) }}
{{- end }}
{{- if and .tasks $a.sparkClient.connectVenv }}
{{- /* A virtualenv keeps the PySpark client and its grpcio/protobuf apart from Airflow's own. */}}
- name: spark-connect-venv
  image: {{ $image }}
  imagePullPolicy: {{ $a.image.pullPolicy }}
  securityContext:
    {{- include "sc.airflow.containerSecurityContext" $root | nindent 4 }}
  command: ["/bin/bash", "-ec"]
  args:
    - |
      if [ ! -x /opt/airflow/spark-venv/bin/python ]; then
        python -m venv /opt/airflow/spark-venv
      fi
      /opt/airflow/spark-venv/bin/pip install --no-cache-dir --disable-pip-version-check \
        {{ $root.Values.spark.connectClientPip | squote }} {{ printf "grpcio==%s" $root.Values.spark.grpcioVersion | squote }} {{ printf "grpcio-status==%s" $root.Values.spark.grpcioVersion | squote }} 'zstandard'{{ range $a.sparkClient.extraPip }} {{ . | squote }}{{ end }}
  env:
    {{- /* The image sets PIP_USER=true, which a virtualenv refuses. */}}
    - name: PIP_USER
      value: "false"
    - name: HOME
      value: /tmp
  resources:
    {{- toYaml $a.migration.resources | nindent 4 }}
  volumeMounts:
    - name: tmp
      mountPath: /tmp
    - name: spark-venv
      mountPath: /opt/airflow/spark-venv
{{- end }}
{{- if and .tasks $a.sparkClient.sparkSubmit }}
{{- /* spark-submit and the JDK from the Spark image itself: the client always matches the
       cluster's Spark version. */}}
- name: spark-dist
  image: {{ include "sc.image" (dict "root" $root "image" $root.Values.spark.image) }}
  imagePullPolicy: {{ $root.Values.spark.image.pullPolicy }}
  securityContext:
    {{- include "sc.containerSecurityContext" (dict "readOnlyRootFilesystem" true) | nindent 4 }}
  command: ["/bin/bash", "-ec"]
  args:
    - |
      mkdir -p /opt/spark-dist/spark/conf /opt/spark-dist/java
      cp -a /opt/spark/bin /opt/spark/jars /opt/spark-dist/spark/
      if [ -f /opt/spark/RELEASE ]; then cp /opt/spark/RELEASE /opt/spark-dist/spark/; fi
      cp -a "${JAVA_HOME:-/opt/java/openjdk}/." /opt/spark-dist/java/
  resources:
    requests:
      cpu: 50m
      memory: 64Mi
    limits:
      memory: 256Mi
  volumeMounts:
    - name: tmp
      mountPath: /tmp
    - name: spark-dist
      mountPath: /opt/spark-dist
{{- end }}
{{- end -}}

{{/* Scheduling and metadata shared by every Airflow pod spec. */}}
{{- define "sc.airflow.podCommon" -}}
{{- $a := .Values.airflow -}}
serviceAccountName: {{ include "sc.airflow.serviceAccountName" . }}
{{- include "sc.imagePullSecrets" . }}
securityContext:
  {{- include "sc.airflow.podSecurityContext" . | nindent 2 }}
{{- with $a.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $a.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $a.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{/* Pod annotations: the user's, plus checksums of the configuration so pods restart on change. */}}
{{- define "sc.airflow.podAnnotations" -}}
checksum/config: {{ include "sc.airflow.configFiles" . | sha256sum | trunc 16 }}
{{- with .Values.airflow.podAnnotations }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* airflow.cfg and webserver_config.py: present so Airflow never writes them (read-only
     root filesystem); every setting comes from the environment. */}}
{{- define "sc.airflow.configFiles" -}}
airflow.cfg: |
  # Settings come from AIRFLOW__SECTION__KEY environment variables (see the chart's values).
  [core]
webserver_config.py: |
  # Flask-AppBuilder settings of the FAB auth manager: users and roles in the metadata DB.
  from flask_appbuilder.const import AUTH_DB

  AUTH_TYPE = AUTH_DB
  WTF_CSRF_ENABLED = True
{{- end -}}

{{/* The migration Job's pod spec; its hash names the Job (a Job's pod template is immutable). */}}
{{- define "sc.airflow.migrationPodSpec" -}}
{{- $a := .Values.airflow -}}
{{- include "sc.airflow.podCommon" . }}
restartPolicy: OnFailure
automountServiceAccountToken: false
containers:
  - name: migrate
    image: {{ include "sc.image" (dict "root" . "image" $a.image) }}
    imagePullPolicy: {{ $a.image.pullPolicy }}
    securityContext:
      {{- include "sc.airflow.containerSecurityContext" . | nindent 6 }}
    {{- /* Idempotent: migrates to the image's schema version, a no-op when already there. */}}
    args: ["airflow", "db", "migrate"]
    env:
      {{- include "sc.airflow.env" . | nindent 6 }}
    resources:
      {{- toYaml $a.migration.resources | nindent 6 }}
    volumeMounts:
      {{- include "sc.airflow.volumeMounts" (dict "root" .) | nindent 6 }}
volumes:
  {{- include "sc.airflow.volumes" (dict "root" .) | nindent 2 }}
{{- end -}}

{{/* The migration Job's name: release-scoped, with a hash of its pod spec. */}}
{{- define "sc.airflow.migrationJobName" -}}
{{- $hash := include "sc.airflow.migrationPodSpec" . | sha256sum | trunc 8 -}}
{{- printf "%s-%s" (include "sc.airflow.name" (list . "migrate") | trunc 54 | trimSuffix "-") $hash -}}
{{- end -}}

{{/* spark-defaults of the applications DAGs submit: the chart's shared settings plus the
     Kubernetes ones (namespace, image, driver ServiceAccount, pod templates, S3 credentials). */}}
{{- define "sc.airflow.sparkSubmitConf" -}}
{{- $j := .Values.airflow.sparkJobs -}}
{{- $conf := dict -}}
{{- range splitList "\n" (include "sc.sparkDefaults" .) -}}
{{- $kv := splitn " " 2 (trim .) -}}
{{- if $kv._0 -}}{{- $_ := set $conf $kv._0 ($kv._1 | default "") -}}{{- end -}}
{{- end -}}
{{- $_ := set $conf "spark.master" "k8s://https://kubernetes.default.svc:443" -}}
{{- $_ := set $conf "spark.submit.deployMode" "cluster" -}}
{{- $_ := set $conf "spark.kubernetes.namespace" (include "sc.airflow.sparkNamespace" .) -}}
{{- $_ := set $conf "spark.kubernetes.container.image" (include "sc.image" (dict "root" . "image" .Values.spark.image)) -}}
{{- $_ := set $conf "spark.kubernetes.container.image.pullPolicy" .Values.spark.image.pullPolicy -}}
{{- $_ := set $conf "spark.kubernetes.authenticate.driver.serviceAccountName" (include "sc.airflow.sparkServiceAccount" .) -}}
{{- $_ := set $conf "spark.kubernetes.authenticate.submission.caCertFile" "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt" -}}
{{- $_ := set $conf "spark.kubernetes.authenticate.submission.oauthTokenFile" "/var/run/secrets/kubernetes.io/serviceaccount/token" -}}
{{- $_ := set $conf "spark.kubernetes.driver.podTemplateFile" "/opt/airflow/spark-conf/driver-pod-template.yaml" -}}
{{- $_ := set $conf "spark.kubernetes.executor.podTemplateFile" "/opt/airflow/spark-conf/executor-pod-template.yaml" -}}
{{- $_ := set $conf "spark.kubernetes.submission.waitAppCompletion" "true" -}}
{{- $_ := set $conf "spark.driver.cores" (toString $j.driverCores) -}}
{{- $_ := set $conf "spark.driver.memory" $j.driverMemory -}}
{{- $_ := set $conf "spark.executor.instances" (toString $j.executorInstances) -}}
{{- $_ := set $conf "spark.executor.cores" (toString $j.executorCores) -}}
{{- $_ := set $conf "spark.executor.memory" $j.executorMemory -}}
{{- $secret := include "sc.s3.secretName" . -}}
{{- if $secret -}}
{{- $s3 := .Values.spark.s3 -}}
{{- range $role := list "driver" "executor" -}}
{{- $_ := set $conf (printf "spark.kubernetes.%s.secretKeyRef.AWS_ACCESS_KEY_ID" $role) (printf "%s:%s" $secret $s3.accessKeyKey) -}}
{{- $_ := set $conf (printf "spark.kubernetes.%s.secretKeyRef.AWS_SECRET_ACCESS_KEY" $role) (printf "%s:%s" $secret $s3.secretKeyKey) -}}
{{- /* Spark reads environment settings from driverEnv.* and executorEnv.*, not *.env.*. */ -}}
{{- $_ := set $conf (ternary "spark.kubernetes.driverEnv.AWS_REGION" "spark.executorEnv.AWS_REGION" (eq $role "driver")) $s3.region -}}
{{- end -}}
{{- end -}}
{{- toJson $conf -}}
{{- end -}}

{{/* A restricted pod template for Spark drivers or executors: (dict "root" $ "role" "driver"). */}}
{{- define "sc.airflow.sparkPodTemplate" -}}
{{- $root := .root -}}
apiVersion: v1
kind: Pod
metadata:
  labels:
    app.kubernetes.io/managed-by: {{ $root.Release.Service }}
    app.kubernetes.io/part-of: {{ include "sc.fullname" $root }}
    app.kubernetes.io/component: {{ printf "airflow-spark-%s" .role }}
spec:
  automountServiceAccountToken: {{ eq .role "driver" }}
  securityContext:
    {{- include "sc.podSecurityContext" (dict "uid" $root.Values.spark.uid) | nindent 4 }}
  {{- with include "sc.imagePullSecrets" $root | trim }}
  {{- . | nindent 2 }}
  {{- end }}
  containers:
    - name: {{ printf "spark-kubernetes-%s" .role }}
      securityContext:
        {{- include "sc.containerSecurityContext" (dict "readOnlyRootFilesystem" true) | nindent 8 }}
      volumeMounts:
        - name: tmp
          mountPath: /tmp
        - name: work-dir
          mountPath: /opt/spark/work-dir
  volumes:
    - name: tmp
      emptyDir: {}
    - name: work-dir
      emptyDir: {}
{{- end -}}

{{/* The SparkApplication of the SparkKubernetesOperator example, built by the spark-operator
     block's own helpers (same spark-defaults, restricted pods, S3 credentials and driver
     ServiceAccount as the block's jobs), in the release namespace. */}}
{{- define "sc.airflow.sparkApplication" -}}
{{- $raw := dict "name" "airflow-pi" "type" "Python" "mainApplicationFile" "local:///opt/spark/examples/src/main/python/pi.py" "arguments" (list "100") -}}
{{- $app := include "sc.sparkOperator.app" (dict "root" . "app" $raw) | fromJson -}}
apiVersion: sparkoperator.k8s.io/v1beta2
kind: SparkApplication
metadata:
  name: airflow-spark-pi
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "sc.labels" (dict "root" . "component" "job-airflow-pi") | nindent 4 }}
spec:
  {{- include "sc.sparkOperator.appSpec" (dict "root" . "app" $app) | nindent 2 }}
{{- end -}}

{{/* The task pod template of KubernetesExecutor: the scheduler's environment, volumes and
     Spark clients in a container named "base" (the name Airflow requires). */}}
{{- define "sc.airflow.workerPodTemplate" -}}
{{- $a := .Values.airflow -}}
apiVersion: v1
kind: Pod
metadata:
  name: airflow-task
  labels:
    {{- include "sc.labels" (dict "root" . "component" "airflow-worker") | nindent 4 }}
spec:
  {{- include "sc.airflow.podCommon" . | nindent 2 }}
  restartPolicy: Never
  automountServiceAccountToken: {{ ternary "true" "false" (ne (include "sc.airflow.needsApi" .) "") }}
  {{- with include "sc.airflow.initContainers" (dict "root" . "tasks" true "dags" true "wait" false) | trim }}
  initContainers:
    {{- . | nindent 4 }}
  {{- end }}
  containers:
    - name: base
      image: {{ include "sc.image" (dict "root" . "image" $a.image) }}
      imagePullPolicy: {{ $a.image.pullPolicy }}
      securityContext:
        {{- include "sc.airflow.containerSecurityContext" . | nindent 8 }}
      env:
        {{- include "sc.airflow.env" . | nindent 8 }}
      resources:
        {{- toYaml $a.kubernetesExecutor.resources | nindent 8 }}
      volumeMounts:
        {{- include "sc.airflow.volumeMounts" (dict "root" . "tasks" true "dags" true) | nindent 8 }}
  volumes:
    {{- include "sc.airflow.volumes" (dict "root" . "tasks" true "dags" true) | nindent 4 }}
{{- end -}}

{{/* A Deployment of one Airflow component: (dict "root" $ "component" "scheduler"
     "container" "scheduler" "args" LIST "replicas" N "resources" MAP "tasks" BOOL "dags" BOOL
     "ports" YAML "probes" YAML "sidecar" BOOL "api" BOOL). */}}
{{- define "sc.airflow.deployment" -}}
{{- $root := .root -}}
{{- $a := $root.Values.airflow -}}
{{- $component := printf "airflow-%s" .component -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "sc.airflow.name" (list $root .component) }}
  labels:
    {{- include "sc.labels" (dict "root" $root "component" $component) | nindent 4 }}
spec:
  replicas: {{ .replicas }}
  selector:
    matchLabels:
      {{- include "sc.selectorLabels" (dict "root" $root "component" $component) | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "sc.labels" (dict "root" $root "component" $component) | nindent 8 }}
      annotations:
        {{- include "sc.airflow.podAnnotations" $root | nindent 8 }}
    spec:
      {{- include "sc.airflow.podCommon" $root | nindent 6 }}
      automountServiceAccountToken: {{ .api }}
      terminationGracePeriodSeconds: 60
      initContainers:
        {{- include "sc.airflow.initContainers" (dict "root" $root "tasks" .tasks "dags" .dags "wait" true) | trim | nindent 8 }}
      containers:
        - name: {{ .container }}
          image: {{ include "sc.image" (dict "root" $root "image" $a.image) }}
          imagePullPolicy: {{ $a.image.pullPolicy }}
          securityContext:
            {{- include "sc.airflow.containerSecurityContext" $root | nindent 12 }}
          args: {{ toJson .args }}
          env:
            {{- include "sc.airflow.env" $root | nindent 12 }}
          {{- with .ports }}
          ports:
            {{- . | nindent 12 }}
          {{- end }}
          {{- .probes | nindent 10 }}
          resources:
            {{- toYaml .resources | nindent 12 }}
          volumeMounts:
            {{- include "sc.airflow.volumeMounts" (dict "root" $root "tasks" .tasks "dags" .dags) | nindent 12 }}
            {{- if and (eq .component "scheduler") (eq $a.executor "KubernetesExecutor") }}
            - name: pod-templates
              mountPath: /opt/airflow/pod-templates
              readOnly: true
            {{- end }}
        {{- if and .dags (eq $a.dags.source "gitSync") }}
        {{- include "sc.airflow.gitSync" (dict "root" $root "oneTime" false) | nindent 8 }}
        {{- end }}
      volumes:
        {{- include "sc.airflow.volumes" (dict "root" $root "tasks" .tasks "dags" .dags "podTemplate" (and (eq .component "scheduler") (eq $a.executor "KubernetesExecutor"))) | nindent 8 }}
{{- end -}}

{{/* Liveness and readiness of a background component, by its job type. */}}
{{- define "sc.airflow.jobProbes" -}}
livenessProbe:
  exec:
    command: ["airflow", "jobs", "check", "--job-type", {{ . | quote }}, "--local"]
  initialDelaySeconds: 60
  periodSeconds: 60
  timeoutSeconds: 30
  failureThreshold: 5
{{- end -}}
