{{/*
Helpers of the hive-metastore block. The JDBC URL, user and password key come from the
postgresql block's helpers, the warehouse from spark.warehouseDir and the S3A settings from
core's sc.sparkDefaults: nothing here is typed twice.
*/}}

{{/* XML text escaping for property values. */}}
{{- define "sc.hiveMetastore.xmlEscape" -}}
{{- toString . | replace "&" "&amp;" | replace "<" "&lt;" | replace ">" "&gt;" | replace "\"" "&quot;" -}}
{{- end -}}

{{/* hive-site.xml properties as a JSON map. The S3A settings are Spark's
     (spark.hadoop.fs.s3a.*), minus the credentials provider: its class depends on the AWS SDK
     of Spark's Hadoop, while the Hive image has its own Hadoop; S3A's default chain reads the
     same AWS_* environment variables. The JDBC password is not here: it is passed as a
     system property from the Secret (see sc.hiveMetastore.env). */}}
{{- define "sc.hiveMetastore.properties" -}}
{{- $c := dict "root" . "consumer" "hiveMetastore" -}}
{{- $p := dict -}}
{{- $_ := set $p "javax.jdo.option.ConnectionURL" (include "sc.postgresql.jdbcUrl" $c) -}}
{{- $_ := set $p "javax.jdo.option.ConnectionDriverName" "org.postgresql.Driver" -}}
{{- $_ := set $p "javax.jdo.option.ConnectionUserName" (include "sc.postgresql.username" $c) -}}
{{- $_ := set $p "metastore.thrift.port" "9083" -}}
{{- $_ := set $p "metastore.warehouse.dir" .Values.spark.warehouseDir -}}
{{- $_ := set $p "metastore.warehouse.external.dir" .Values.spark.warehouseDir -}}
{{- $_ := set $p "hive.metastore.warehouse.dir" .Values.spark.warehouseDir -}}
{{- /* The schema comes from the schema Job only; the server verifies it. */ -}}
{{- $_ := set $p "metastore.schema.verification" "true" -}}
{{- $_ := set $p "datanucleus.schema.autoCreateAll" "false" -}}
{{- /* Spark's Hive client has no ACID capabilities: without this, Hive 4 rewrites its managed
     tables as external ones. A blank (not empty: Hadoop drops empty values) disables it. */ -}}
{{- $_ := set $p "metastore.metadata.transformer.class" " " -}}
{{- $_ := set $p "hive.metastore.event.db.notification.api.auth" "false" -}}
{{- range $line := splitList "\n" (include "sc.sparkDefaults" .) -}}
{{- $line = trim $line -}}
{{- $key := regexReplaceAll " .*$" $line "" -}}
{{- if and (hasPrefix "spark.hadoop.fs.s3a." $key) (ne $key "spark.hadoop.fs.s3a.aws.credentials.provider") -}}
{{- $_ := set $p (trimPrefix "spark.hadoop." $key) (regexReplaceAll "^[^ ]+ " $line "") -}}
{{- end -}}
{{- end -}}
{{- range $k, $v := .Values.hiveMetastore.conf -}}
{{- $_ := set $p $k (toString $v) -}}
{{- end -}}
{{- $p | toJson -}}
{{- end -}}

{{/* hive-site.xml. */}}
{{- define "sc.hiveMetastore.hiveSite" -}}
<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated from the chart's values; edit values.yaml, not this file. -->
<configuration>
{{- range $k, $v := include "sc.hiveMetastore.properties" . | fromJson }}
  <property>
    <name>{{ include "sc.hiveMetastore.xmlEscape" $k }}</name>
    <value>{{ include "sc.hiveMetastore.xmlEscape" $v }}</value>
  </property>
{{- end }}
</configuration>
{{- end -}}

{{/* ivysettings.xml for a custom Maven repository (jdbcDriver.repository). */}}
{{- define "sc.hiveMetastore.ivySettings" -}}
<ivysettings>
  <settings defaultResolver="repository"/>
  <resolvers>
    <ibiblio name="repository" m2compatible="true" root="{{ include "sc.hiveMetastore.xmlEscape" .Values.hiveMetastore.jdbcDriver.repository }}"/>
  </resolvers>
</ivysettings>
{{- end -}}

{{/* The init container that fetches the JDBC driver into the "jdbc" emptyDir. It runs the
     Spark image's own Ivy (the resolver Spark uses for spark.jars.packages), so the chart
     needs no extra image; Ivy checks the repository's checksums. */}}
{{- define "sc.hiveMetastore.fetchJdbcContainer" -}}
{{- $d := .Values.hiveMetastore.jdbcDriver -}}
{{- $gav := splitList ":" $d.package -}}
{{- if ne (len $gav) 3 -}}
{{- fail (printf "hiveMetastore.jdbcDriver.package: %q is not group:artifact:version" $d.package) -}}
{{- end -}}
- name: fetch-jdbc-driver
  image: {{ include "sc.image" (dict "root" . "image" .Values.spark.image) }}
  imagePullPolicy: {{ .Values.spark.image.pullPolicy }}
  securityContext:
    {{- include "sc.containerSecurityContext" (dict "readOnlyRootFilesystem" true) | nindent 4 }}
  command:
    - /bin/bash
    - -ec
    - |
      ivy="$(ls /opt/spark/jars/ivy-*.jar | head -n 1)"
      java -Duser.home=/tmp -Divy.home=/tmp/.ivy2 -jar "$ivy" \
        {{- if $d.repository }}
        -settings /etc/hive-metastore/ivysettings.xml \
        {{- end }}
        -cache /tmp/.ivy2/cache -notransitive -confs default -types jar \
        -dependency {{ index $gav 0 | squote }} {{ index $gav 1 | squote }} {{ index $gav 2 | squote }} \
        -retrieve '/opt/hive/jdbc/[artifact]-[revision].[ext]'
      ls -l /opt/hive/jdbc
  resources:
    requests:
      cpu: 50m
      memory: 128Mi
    limits:
      memory: 512Mi
  volumeMounts:
    - name: jdbc
      mountPath: /opt/hive/jdbc
    - name: tmp
      mountPath: /tmp
    {{- if $d.repository }}
    - name: config
      mountPath: /etc/hive-metastore
      readOnly: true
    {{- end }}
{{- end -}}

{{/* Environment shared by the metastore and schematool. */}}
{{- define "sc.hiveMetastore.env" -}}
{{- $c := dict "root" . "consumer" "hiveMetastore" -}}
- name: HOME
  value: /tmp
# The JDBC driver fetched by the init container.
- name: HIVE_AUX_JARS_PATH
  value: /opt/hive/jdbc
# hadoop-aws and its AWS SDK bundle, shipped in the image's Hadoop tools.
- name: HADOOP_OPTIONAL_TOOLS
  value: hadoop-aws
- name: METASTORE_PORT
  value: "9083"
- name: HIVE_DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "sc.postgresql.secretName" . }}
      key: {{ include "sc.postgresql.passwordKey" $c }}
# Hive reads metastore settings from system properties as well as hive-site.xml.
- name: HADOOP_CLIENT_OPTS
  value: {{ printf "-Xmx%s -Djava.io.tmpdir=/tmp -Djavax.jdo.option.ConnectionPassword=$(HIVE_DB_PASSWORD)" .Values.hiveMetastore.heapSize | quote }}
{{- include "sc.s3.env" . }}
{{- end -}}

{{/* Volume mounts shared by the metastore and schematool. */}}
{{- define "sc.hiveMetastore.volumeMounts" -}}
- name: config
  mountPath: /opt/hive/conf/hive-site.xml
  subPath: hive-site.xml
  readOnly: true
- name: jdbc
  mountPath: /opt/hive/jdbc
  readOnly: true
- name: tmp
  mountPath: /tmp
{{- end -}}

{{/* Volumes shared by the metastore and schematool pods. */}}
{{- define "sc.hiveMetastore.volumes" -}}
- name: config
  configMap:
    name: {{ include "sc.componentName" (dict "root" . "component" "hive-metastore") }}
- name: jdbc
  emptyDir: {}
- name: tmp
  emptyDir: {}
{{- end -}}

{{/* The schema Job's pod spec: fetch the driver, wait for the database, then create the
     schema or upgrade it (schematool -initOrUpgradeSchema is a no-op on a current schema). */}}
{{- define "sc.hiveMetastore.schemaJobPodSpec" -}}
{{- $h := .Values.hiveMetastore -}}
{{- $pg := .Values.postgresql -}}
{{- with include "sc.imagePullSecrets" . | trim }}
{{ . }}
{{- end }}
restartPolicy: Never
automountServiceAccountToken: false
securityContext:
  {{- include "sc.podSecurityContext" (dict "uid" $h.uid) | nindent 2 }}
{{- with $h.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $h.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
initContainers:
  {{- if $h.jdbcDriver.download }}
  {{- include "sc.hiveMetastore.fetchJdbcContainer" . | nindent 2 }}
  {{- end }}
  - name: wait-for-database
    image: {{ include "sc.image" (dict "root" . "image" $pg.image) }}
    imagePullPolicy: {{ $pg.image.pullPolicy }}
    securityContext:
      {{- include "sc.containerSecurityContext" (dict "readOnlyRootFilesystem" true) | nindent 6 }}
    command:
      - /bin/bash
      - -ec
      - |
        # The database and its user exist once the postgresql block's init has run.
        until PGPASSWORD="$HIVE_DB_PASSWORD" psql --no-psqlrc --host "$PGHOST" --port "$PGPORT" --username "$PGUSER" --dbname "$PGDATABASE" --command 'SELECT 1' >/dev/null 2>&1; do
          echo "waiting for database $PGDATABASE on $PGHOST:$PGPORT"
          sleep 5
        done
    env:
      - name: PGHOST
        value: {{ include "sc.postgresql.host" . | quote }}
      - name: PGPORT
        value: {{ $pg.service.port | quote }}
      - name: PGUSER
        value: {{ include "sc.postgresql.username" (dict "root" . "consumer" "hiveMetastore") | quote }}
      - name: PGDATABASE
        value: {{ include "sc.postgresql.database" (dict "root" . "consumer" "hiveMetastore") | quote }}
      - name: PGCONNECT_TIMEOUT
        value: "5"
      - name: HIVE_DB_PASSWORD
        valueFrom:
          secretKeyRef:
            name: {{ include "sc.postgresql.secretName" . }}
            key: {{ include "sc.postgresql.passwordKey" (dict "root" . "consumer" "hiveMetastore") }}
    resources:
      requests:
        cpu: 10m
        memory: 32Mi
      limits:
        memory: 128Mi
    volumeMounts:
      - name: tmp
        mountPath: /tmp
containers:
  - name: schematool
    image: {{ include "sc.image" (dict "root" . "image" $h.image) }}
    imagePullPolicy: {{ $h.image.pullPolicy }}
    securityContext:
      {{- include "sc.containerSecurityContext" (dict "readOnlyRootFilesystem" true) | nindent 6 }}
    command:
      - /bin/bash
      - -ec
      - |
        /opt/hive/bin/schematool -dbType postgres -initOrUpgradeSchema
        /opt/hive/bin/schematool -dbType postgres -info
    env:
      {{- include "sc.hiveMetastore.env" . | nindent 6 }}
    resources:
      {{- toYaml $h.schemaJob.resources | nindent 6 }}
    volumeMounts:
      {{- include "sc.hiveMetastore.volumeMounts" . | nindent 6 }}
volumes:
  {{- include "sc.hiveMetastore.volumes" . | nindent 2 }}
{{- end -}}

{{/* The schema Job's name: release-scoped, with a hash of its pod spec and hive-site.xml. */}}
{{- define "sc.hiveMetastore.schemaJobName" -}}
{{- $hash := print (include "sc.hiveMetastore.schemaJobPodSpec" .) (include "sc.hiveMetastore.hiveSite" .) | sha256sum | trunc 8 -}}
{{- $base := include "sc.componentName" (dict "root" . "component" "hive-metastore-schema") | trunc 54 | trimSuffix "-" -}}
{{- printf "%s-%s" $base $hash -}}
{{- end -}}
