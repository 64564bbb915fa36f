{{/*
Helpers of the minio block. The bucket list is derived from the chart's values (event logs,
warehouse, MLflow artifacts, minio.extraBuckets), never typed twice: the bucket Job creates
exactly what the other blocks are configured to use.
*/}}

{{/* The in-cluster S3 endpoint of this MinIO (the API Service). */}}
{{- define "sc.minio.endpoint" -}}
{{- printf "http://%s:%v" (include "sc.componentName" (dict "root" . "component" "minio")) .Values.minio.service.port -}}
{{- end -}}

{{/* The Secret holding root-user and root-password: auth.existingSecret, else the generated one. */}}
{{- define "sc.minio.secretName" -}}
{{- .Values.minio.auth.existingSecret | default (include "sc.componentName" (dict "root" . "component" "minio")) -}}
{{- end -}}

{{/* One location as "bucket" or "bucket/prefix", or "" when it is not on S3:
     (list LOCATION BARE). s3://, s3a:// and s3n:// locations are parsed; with BARE true a
     location without a scheme ("bucket/prefix") is accepted too. Invalid names fail. */}}
{{- define "sc.minio.parseLocation" -}}
{{- $loc := toString (index . 0) | trim -}}
{{- $bare := index . 1 -}}
{{- $path := "" -}}
{{- if regexMatch "^s3[an]?://" $loc -}}
{{- $path = regexReplaceAll "^s3[an]?://" $loc "" -}}
{{- else if and $bare (not (contains ":" $loc)) -}}
{{- $path = $loc -}}
{{- end -}}
{{- $path = trimAll "/" $path -}}
{{- if $path -}}
{{- $bucket := index (splitList "/" $path) 0 -}}
{{- if not (regexMatch "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$" $bucket) -}}
{{- fail (printf "minio: %q in %q is not a valid bucket name (3-63 lowercase letters, digits, dots and hyphens)" $bucket $loc) -}}
{{- end -}}
{{- if not (regexMatch "^[A-Za-z0-9._/=-]*$" $path) -}}
{{- fail (printf "minio: %q has characters outside A-Z a-z 0-9 . _ / = - in its prefix" $loc) -}}
{{- end -}}
{{- regexReplaceAll "/+" $path "/" -}}
{{- end -}}
{{- end -}}

{{/* Every S3 location the chart's blocks use, as a JSON list of "bucket" or "bucket/prefix",
     unique and sorted: the event-log directory, the warehouse, MLflow's artifact store when
     the mlflow block is present, and minio.extraBuckets. */}}
{{- define "sc.minio.locations" -}}
{{- $found := list (list (include "sc.eventLogDir" .) false) (list .Values.spark.warehouseDir false) -}}
{{- if include "sc.enabled" (list . "mlflow") -}}
{{- $mlflow := .Values.mlflow -}}
{{- range $path := list (list "artifacts" "destination") (list "artifacts" "root") (list "artifactRoot") (list "defaultArtifactRoot") -}}
{{- $v := $mlflow -}}
{{- range $path -}}{{- $v = and (kindIs "map" $v) (index $v .) -}}{{- end -}}
{{- if and $v (kindIs "string" $v) -}}{{- $found = append $found (list $v false) -}}{{- end -}}
{{- end -}}
{{- end -}}
{{- range .Values.minio.extraBuckets -}}
{{- $found = append $found (list . true) -}}
{{- end -}}
{{- $out := list -}}
{{- range $found -}}
{{- with include "sc.minio.parseLocation" . -}}{{- $out = append $out . -}}{{- end -}}
{{- end -}}
{{- $out | uniq | sortAlpha | toJson -}}
{{- end -}}

{{/* The buckets to create, as a JSON list of names, unique and sorted. */}}
{{- define "sc.minio.buckets" -}}
{{- $out := list -}}
{{- range include "sc.minio.locations" . | fromJsonArray -}}
{{- $out = append $out (index (splitList "/" .) 0) -}}
{{- end -}}
{{- $out | uniq | sortAlpha | toJson -}}
{{- end -}}

{{/* The prefixes to create inside buckets, as a JSON list of "bucket/prefix". S3 has no
     directories: a zero-byte ".keep" object makes the prefix exist for Hadoop's S3A (the
     History Server and Spark's event-log writer require the directory to exist); Spark skips
     names starting with a dot when it lists event logs. */}}
{{- define "sc.minio.prefixes" -}}
{{- $out := list -}}
{{- range include "sc.minio.locations" . | fromJsonArray -}}
{{- if contains "/" . -}}{{- $out = append $out . -}}{{- end -}}
{{- end -}}
{{- $out | toJson -}}
{{- end -}}

{{/* The bucket Job's pod spec. The Job's name carries a hash of it: a Job's pod template is
     immutable, so any change (buckets, image, credentials) creates a new Job, which Helm and
     Argo CD both handle without hooks. */}}
{{- define "sc.minio.bucketJobPodSpec" -}}
{{- $m := .Values.minio -}}
{{- with include "sc.imagePullSecrets" . | trim }}
{{ . }}
{{- end }}
restartPolicy: Never
automountServiceAccountToken: false
securityContext:
  {{- include "sc.podSecurityContext" (dict "uid" $m.uid) | nindent 2 }}
{{- with $m.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $m.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
containers:
  - name: mc
    image: {{ include "sc.image" (dict "root" . "image" $m.bucketJob.image) }}
    imagePullPolicy: {{ $m.bucketJob.image.pullPolicy }}
    securityContext:
      {{- include "sc.containerSecurityContext" (dict "readOnlyRootFilesystem" true) | nindent 6 }}
    command:
      - /bin/sh
      - -ec
      - |
        # mc keeps its configuration under $HOME/.mc (an emptyDir).
        tries=0
        until mc alias set local "$MINIO_ENDPOINT" "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null 2>&1; do
          tries=$((tries + 1))
          if [ "$tries" -ge 60 ]; then echo "MinIO at $MINIO_ENDPOINT is not answering" >&2; exit 1; fi
          echo "waiting for MinIO at $MINIO_ENDPOINT ($tries)"
          sleep 5
        done
        {{- range include "sc.minio.buckets" . | fromJsonArray }}
        mc mb --ignore-existing {{ printf "local/%s" . | squote }}
        {{- end }}
        {{- $prefixes := include "sc.minio.prefixes" . | fromJsonArray }}
        {{- if $prefixes }}
        : > "$HOME/.keep"
        {{- range $prefixes }}
        mc stat {{ printf "local/%s/.keep" . | squote }} >/dev/null 2>&1 || mc cp "$HOME/.keep" {{ printf "local/%s/.keep" . | squote }}
        {{- end }}
        {{- end }}
        echo "buckets ready"
    env:
      - name: HOME
        value: /tmp
      - name: MINIO_ENDPOINT
        value: {{ include "sc.minio.endpoint" . | quote }}
      - name: MINIO_ROOT_USER
        valueFrom:
          secretKeyRef:
            name: {{ include "sc.minio.secretName" . }}
            key: root-user
      - name: MINIO_ROOT_PASSWORD
        valueFrom:
          secretKeyRef:
            name: {{ include "sc.minio.secretName" . }}
            key: root-password
    resources:
      {{- toYaml $m.bucketJob.resources | nindent 6 }}
    volumeMounts:
      - name: tmp
        mountPath: /tmp
volumes:
  - name: tmp
    emptyDir: {}
{{- end -}}

{{/* The bucket Job's name: release-scoped, with a hash of its pod spec. */}}
{{- define "sc.minio.bucketJobName" -}}
{{- $hash := include "sc.minio.bucketJobPodSpec" . | sha256sum | trunc 8 -}}
{{- $base := include "sc.componentName" (dict "root" . "component" "minio-buckets") | trunc 54 | trimSuffix "-" -}}
{{- printf "%s-%s" $base $hash -}}
{{- end -}}
