{{/*
Helpers of the history-server block. The History Server reads exactly sc.eventLogDir (the
directory every Spark application of the chart writes to) with the S3A settings of
sc.sparkDefaults, so the writer and the reader cannot disagree.
*/}}

{{/* spark-defaults.conf of the History Server: the chart's shared Spark settings, then the
     history settings (which win). */}}
{{- define "sc.historyServer.sparkDefaults" -}}
{{- $h := .Values.historyServer -}}
{{- $conf := dict -}}
{{- range $line := splitList "\n" (include "sc.sparkDefaults" .) -}}
{{- $line = trim $line -}}
{{- if $line -}}
{{- $_ := set $conf (regexReplaceAll " .*$" $line "") (regexReplaceAll "^[^ ]+ ?" $line "") -}}
{{- end -}}
{{- end -}}
{{- $_ := set $conf "spark.history.fs.logDirectory" (include "sc.eventLogDir" .) -}}
{{- $_ := set $conf "spark.history.ui.port" "18080" -}}
{{- $_ := set $conf "spark.history.fs.update.interval" $h.updateInterval -}}
{{- $_ := set $conf "spark.history.retainedApplications" (toString $h.retainedApplications) -}}
{{- $_ := set $conf "spark.history.fs.cleaner.enabled" (toString $h.cleaner.enabled) -}}
{{- if $h.cleaner.enabled -}}
{{- $_ := set $conf "spark.history.fs.cleaner.maxAge" $h.cleaner.maxAge -}}
{{- $_ := set $conf "spark.history.fs.cleaner.interval" $h.cleaner.interval -}}
{{- end -}}
{{- range $k, $v := $h.conf -}}
{{- $_ := set $conf $k (toString $v) -}}
{{- end -}}
{{- range $k, $v := $conf }}
{{ $k }} {{ $v }}
{{- end -}}
{{- end -}}

{{/* "true" when the S3A jars must be fetched: the event-log directory is on s3a:// and the
     download is enabled. */}}
{{- define "sc.historyServer.fetchS3Jars" -}}
{{- if and .Values.historyServer.s3Jars.download (hasPrefix "s3a://" (include "sc.eventLogDir" .)) -}}true{{- end -}}
{{- end -}}

{{/* ivysettings.xml for a custom Maven repository (s3Jars.repository). */}}
{{- define "sc.historyServer.ivySettings" -}}
<ivysettings>
  <settings defaultResolver="repository"/>
  <resolvers>
    <ibiblio name="repository" m2compatible="true" root="{{ .Values.historyServer.s3Jars.repository | replace "&" "&amp;" | replace "\"" "&quot;" | replace "<" "&lt;" }}"/>
  </resolvers>
</ivysettings>
{{- end -}}

{{/* The init container that fetches hadoop-aws and the AWS SDK bundle, at the versions of the
     version catalogue (spark.hadoopAws, spark.awsSdkArtifact, spark.awsSdk), with the Spark
     image's own Ivy: the same artifacts spark.jars.packages gives every Spark application.
     The Ivy cache lives in the same emptyDir; the jars are symlinks into it. */}}
{{- define "sc.historyServer.fetchJarsContainer" -}}
{{- $sdk := splitList ":" .Values.spark.awsSdkArtifact -}}
- name: fetch-s3a-jars
  image: {{ include "sc.image" (dict "root" . "image" .Values.spark.image) }}
  imagePullPolicy: {{ .Values.spark.image.pullPolicy }}
  securityContext:
    {{- include "sc.containerSecurityContext" (dict "readOnlyRootFilesystem" true) | nindent 4 }}
  command:
    - /bin/bash
    - -ec
    - |
      ivy="$(ls /opt/spark/jars/ivy-*.jar | head -n 1)"
      fetch() {
        java -Duser.home=/tmp -Divy.home=/opt/spark/extra-jars/.ivy2 -jar "$ivy" \
          {{- if .Values.historyServer.s3Jars.repository }}
          -settings /opt/spark/conf/ivysettings.xml \
          {{- end }}
          -cache /opt/spark/extra-jars/.ivy2/cache -notransitive -confs default -types jar \
          -dependency "$1" "$2" "$3" -symlink \
          -retrieve '/opt/spark/extra-jars/[artifact]-[revision].[ext]'
      }
      fetch org.apache.hadoop hadoop-aws {{ .Values.spark.hadoopAws | squote }}
      fetch {{ index $sdk 0 | squote }} {{ index $sdk 1 | squote }} {{ .Values.spark.awsSdk | squote }}
      ls -l /opt/spark/extra-jars
  resources:
    requests:
      cpu: 50m
      memory: 128Mi
    limits:
      memory: 512Mi
  volumeMounts:
    - name: extra-jars
      mountPath: /opt/spark/extra-jars
    - name: tmp
      mountPath: /tmp
    {{- if .Values.historyServer.s3Jars.repository }}
    - name: conf
      mountPath: /opt/spark/conf
      readOnly: true
    {{- end }}
{{- end -}}
