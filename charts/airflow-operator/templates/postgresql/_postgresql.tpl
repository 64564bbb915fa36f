{{/*
Helpers of the postgresql block. Consumers (airflow, mlflow, hiveMetastore and every entry of
postgresql.extraDatabases) are derived from the blocks present: each gets a database, a user
and a key in one Secret. Consumer blocks reference them only through these helpers:

  host          include "sc.postgresql.host" $                       (core)
  port          include "sc.postgresql.port" $
  Secret        include "sc.postgresql.secretName" $
  password key  include "sc.postgresql.passwordKey" (dict "root" $ "consumer" "airflow")
  database      include "sc.postgresql.database" (dict "root" $ "consumer" "airflow")
  user          include "sc.postgresql.username" (dict "root" $ "consumer" "airflow")
  JDBC URL      include "sc.postgresql.jdbcUrl" (dict "root" $ "consumer" "hiveMetastore")

Authentication is scram-sha-256: PostgreSQL JDBC 42.2+ (Hive), libpq 10+ / psycopg2 (Airflow,
MLflow) support it.
*/}}

{{/* The database and user of each known consumer block, by its values key. */}}
{{- define "sc.postgresql.knownConsumers" -}}
airflow: {database: airflow, username: airflow}
mlflow: {database: mlflow, username: mlflow}
hiveMetastore: {database: metastore, username: hive}
{{- end -}}

{{/* Every consumer present, as a JSON list of {consumer, database, username, passwordKey}:
     the enabled consumer blocks in a fixed order, then extraDatabases sorted. */}}
{{- define "sc.postgresql.consumers" -}}
{{- $known := include "sc.postgresql.knownConsumers" . | fromYaml -}}
{{- $out := list -}}
{{- $seen := dict -}}
{{- range $key := list "airflow" "mlflow" "hiveMetastore" -}}
{{- if include "sc.enabled" (list $ $key) -}}
{{- $c := index $known $key -}}
{{- $out = append $out (dict "consumer" $key "database" $c.database "username" $c.username "passwordKey" (printf "%s-password" $c.username)) -}}
{{- $_ := set $seen $c.username true -}}
{{- end -}}
{{- end -}}
{{- range $name := .Values.postgresql.extraDatabases | default list | sortAlpha -}}
{{- if not (regexMatch "^[a-z_][a-z0-9_]{0,62}$" $name) -}}
{{- fail (printf "postgresql.extraDatabases: %q is not a valid name (lowercase letters, digits and underscores, at most 63)" $name) -}}
{{- end -}}
{{- if or (eq $name "postgres") (hasPrefix "pg_" $name) -}}
{{- fail (printf "postgresql.extraDatabases: %q is reserved by PostgreSQL" $name) -}}
{{- end -}}
{{- if not (hasKey $seen $name) -}}
{{- $out = append $out (dict "consumer" $name "database" $name "username" $name "passwordKey" (printf "%s-password" $name)) -}}
{{- $_ := set $seen $name true -}}
{{- end -}}
{{- end -}}
{{- $out | toJson -}}
{{- end -}}

{{/* One consumer's entry: (dict "root" $ "consumer" "airflow"). Fails for a consumer the
     chart does not have, so a typo cannot point at a database nobody creates. */}}
{{- define "sc.postgresql.consumer" -}}
{{- $want := .consumer -}}
{{- $found := dict -}}
{{- range include "sc.postgresql.consumers" .root | fromJsonArray -}}
{{- if eq .consumer $want -}}{{- $found = . -}}{{- end -}}
{{- end -}}
{{- if not $found -}}
{{- fail (printf "postgresql: no database for consumer %q (known: airflow, mlflow, hiveMetastore and postgresql.extraDatabases)" $want) -}}
{{- end -}}
{{- $found | toJson -}}
{{- end -}}

{{/* The Service port. */}}
{{- define "sc.postgresql.port" -}}
{{- .Values.postgresql.service.port -}}
{{- end -}}

{{/* The Secret with every password: auth.existingSecret, else the generated one. */}}
{{- define "sc.postgresql.secretName" -}}
{{- .Values.postgresql.auth.existingSecret | default (include "sc.componentName" (dict "root" . "component" "postgresql")) -}}
{{- end -}}

{{/* The Secret key of a consumer's password: (dict "root" $ "consumer" "airflow"). */}}
{{- define "sc.postgresql.passwordKey" -}}
{{- (include "sc.postgresql.consumer" . | fromJson).passwordKey -}}
{{- end -}}

{{/* A consumer's database: (dict "root" $ "consumer" "airflow"). */}}
{{- define "sc.postgresql.database" -}}
{{- (include "sc.postgresql.consumer" . | fromJson).database -}}
{{- end -}}

{{/* A consumer's user: (dict "root" $ "consumer" "airflow"). */}}
{{- define "sc.postgresql.username" -}}
{{- (include "sc.postgresql.consumer" . | fromJson).username -}}
{{- end -}}

{{/* A consumer's JDBC URL: (dict "root" $ "consumer" "hiveMetastore"). */}}
{{- define "sc.postgresql.jdbcUrl" -}}
{{- printf "jdbc:postgresql://%s:%v/%s" (include "sc.postgresql.host" .root) .root.Values.postgresql.service.port (include "sc.postgresql.database" .) -}}
{{- end -}}

{{/* The script that creates or updates one role and one database per consumer. Idempotent:
     roles and databases are created only when missing (CREATE DATABASE cannot run in a DO
     block, hence \gexec), passwords are (re)set from the Secret mounted at $PG_SECRETS_DIR.
     Run by the image's initdb hook on first start and by the init Job on every change. */}}
{{- define "sc.postgresql.initScript" -}}
#!/bin/bash
# Creates missing roles and databases for the chart's consumers; safe to run any number of times.
set -euo pipefail
secrets="${PG_SECRETS_DIR:-/etc/sc-postgresql}"
ensure() {
  local db="$1" user="$2" key="$3"
  if [ ! -r "$secrets/$key" ]; then
    echo "Secret key $key is missing (needed for database $db)" >&2
    return 1
  fi
  psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${PGUSER:-postgres}" --dbname postgres \
    -v db="$db" -v user="$user" -v password="$(cat "$secrets/$key")" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'user')
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user') \gexec
ALTER ROLE :"user" WITH LOGIN PASSWORD :'password';
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user')
  WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
ALTER DATABASE :"db" OWNER TO :"user";
GRANT ALL PRIVILEGES ON DATABASE :"db" TO :"user";
SQL
  echo "database $db and user $user ready"
}
{{- range include "sc.postgresql.consumers" . | fromJsonArray }}
ensure {{ .database }} {{ .username }} {{ .passwordKey }}
{{- end }}
{{- end -}}

{{/* The init Job's pod spec (its hash names the Job, whose pod template is immutable). */}}
{{- define "sc.postgresql.initJobPodSpec" -}}
{{- $p := .Values.postgresql -}}
{{- with include "sc.imagePullSecrets" . | trim }}
{{ . }}
{{- end }}
restartPolicy: Never
automountServiceAccountToken: false
securityContext:
  {{- include "sc.podSecurityContext" (dict "uid" $p.uid) | nindent 2 }}
{{- with $p.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $p.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
containers:
  - name: ensure-databases
    image: {{ include "sc.image" (dict "root" . "image" $p.image) }}
    imagePullPolicy: {{ $p.image.pullPolicy }}
    securityContext:
      {{- include "sc.containerSecurityContext" (dict "readOnlyRootFilesystem" true) | nindent 6 }}
    command:
      - /bin/bash
      - -ec
      - |
        tries=0
        until pg_isready --quiet --host "$PGHOST" --port "$PGPORT" --username "$PGUSER"; do
          tries=$((tries + 1))
          if [ "$tries" -ge 90 ]; then echo "PostgreSQL at $PGHOST:$PGPORT is not answering" >&2; exit 1; fi
          echo "waiting for PostgreSQL at $PGHOST:$PGPORT ($tries)"
          sleep 5
        done
        exec /scripts/ensure-databases.sh
    env:
      - name: PGHOST
        value: {{ include "sc.postgresql.host" . | quote }}
      - name: PGPORT
        value: {{ $p.service.port | quote }}
      - name: PGUSER
        value: postgres
      - name: PGPASSWORD
        valueFrom:
          secretKeyRef:
            name: {{ include "sc.postgresql.secretName" . }}
            key: postgres-password
      - name: PGCONNECT_TIMEOUT
        value: "10"
      - name: PG_SECRETS_DIR
        value: /etc/sc-postgresql
      - name: HOME
        value: /tmp
    resources:
      {{- toYaml $p.initJob.resources | nindent 6 }}
    volumeMounts:
      - name: scripts
        mountPath: /scripts
      - name: secrets
        mountPath: /etc/sc-postgresql
        readOnly: true
      - name: tmp
        mountPath: /tmp
volumes:
  - name: scripts
    configMap:
      name: {{ include "sc.componentName" (dict "root" . "component" "postgresql-init") }}
      defaultMode: 0555
  - name: secrets
    secret:
      secretName: {{ include "sc.postgresql.secretName" . }}
      defaultMode: 0440
  - name: tmp
    emptyDir: {}
{{- end -}}

{{/* The init Job's name: release-scoped, with a hash of its pod spec and script. */}}
{{- define "sc.postgresql.initJobName" -}}
{{- $hash := print (include "sc.postgresql.initJobPodSpec" .) (include "sc.postgresql.initScript" .) | sha256sum | trunc 8 -}}
{{- $base := include "sc.componentName" (dict "root" . "component" "postgresql-init") | trunc 54 | trimSuffix "-" -}}
{{- printf "%s-%s" $base $hash -}}
{{- end -}}
