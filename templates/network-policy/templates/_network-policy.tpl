{{/*
Helpers of the network-policy block. The allowed flows are a table derived from the blocks
present: for each server component, which of its (named) ports accept traffic from whom.
Sources: "release" (the release's pods), "spark" (the release's Spark driver and executor pods:
labelled spark-role by Spark and app.kubernetes.io/part-of by the chart's pod templates, also
when a DAG submits them), "ingress" (the ingress controller), "prometheus", or "component=NAME"
(one component of the release).
*/}}

{{/* The flows as a JSON list of {component, ports: [{ports, from}]}. */}}
{{- define "sc.networkPolicy.flows" -}}
{{- $flows := list -}}
{{- $ui := list "release" "ingress" -}}
{{- if include "sc.enabled" (list . "monitoring") -}}{{- $ui = append $ui "prometheus" -}}{{- end -}}
{{- /* Drivers and executors the chart's blocks start (Connect executors, operator and DAG
       jobs): they and the release's drivers (Connect server, client-mode notebooks) reach each
       other on RPC and block-manager ports that Spark may pick at random. */}}
{{- $flows = append $flows (dict "component" "" "spark" true "rules" (list (dict "ports" (list) "from" (list "spark" "release")) (dict "ports" (list "spark-ui") "from" $ui))) -}}
{{- if include "sc.enabled" (list . "sparkConnect") -}}
{{- $flows = append $flows (dict "component" "connect" "rules" (list (dict "ports" (list "grpc") "from" (list "release")) (dict "ports" (list "driver-rpc" "blockmanager") "from" (list "spark" "component=connect-executor")) (dict "ports" (list "ui") "from" $ui))) -}}
{{- end -}}
{{- if include "sc.enabled" (list . "sparkStandalone") -}}
{{- range list "master" "worker" -}}
{{- $flows = append $flows (dict "component" . "rules" (list (dict "ports" (list) "from" (list "release" "spark")) (dict "ports" (list "ui") "from" $ui))) -}}
{{- end -}}
{{- end -}}
{{- if include "sc.enabled" (list . "minio") -}}
{{- $flows = append $flows (dict "component" "minio" "rules" (list (dict "ports" (list "api") "from" (list "release" "spark")) (dict "ports" (list "console") "from" (list "release" "ingress")))) -}}
{{- end -}}
{{- if include "sc.enabled" (list . "postgresql") -}}
{{- $flows = append $flows (dict "component" "postgresql" "rules" (list (dict "ports" (list "postgresql") "from" (list "release")))) -}}
{{- end -}}
{{- if include "sc.enabled" (list . "hiveMetastore") -}}
{{- $flows = append $flows (dict "component" "hive-metastore" "rules" (list (dict "ports" (list "thrift") "from" (list "release" "spark")))) -}}
{{- end -}}
{{- if include "sc.enabled" (list . "historyServer") -}}
{{- $flows = append $flows (dict "component" "history" "rules" (list (dict "ports" (list "http") "from" (list "release" "ingress")))) -}}
{{- end -}}
{{- range $key, $component := dict "jupyter" "jupyter" "zeppelin" "zeppelin" -}}
{{- if include "sc.enabled" (list $ $key) -}}
{{- /* Client mode: the notebook is the driver; its executors call back on driver and blockmanager. */}}
{{- $flows = append $flows (dict "component" $component "rules" (list (dict "ports" (list "http") "from" (list "release" "ingress")) (dict "ports" (list "driver" "blockmanager") "from" (list "spark")) (dict "ports" (list "spark-ui") "from" $ui))) -}}
{{- end -}}
{{- end -}}
{{- if include "sc.enabled" (list . "airflow") -}}
{{- /* Every Airflow component and task calls the api-server's execution API; the api-server
       reads task logs from the scheduler (LocalExecutor), task pods and the triggerer. */}}
{{- $flows = append $flows (dict "component" "airflow-api-server" "rules" (list (dict "ports" (list "http") "from" (list "release" "ingress")))) -}}
{{- $flows = append $flows (dict "component" "airflow-scheduler" "rules" (list (dict "ports" (list "task-logs") "from" (list "component=airflow-api-server")))) -}}
{{- $flows = append $flows (dict "component" "airflow-triggerer" "rules" (list (dict "ports" (list "trigger-logs") "from" (list "component=airflow-api-server")))) -}}
{{- /* Task pods exist only with KubernetesExecutor (LocalExecutor runs tasks in the scheduler). */}}
{{- if eq (toString .Values.airflow.executor) "KubernetesExecutor" -}}
{{- $flows = append $flows (dict "component" "airflow-worker" "rules" (list (dict "ports" (list 8793) "from" (list "component=airflow-api-server")))) -}}
{{- end -}}
{{- end -}}
{{- if include "sc.enabled" (list . "mlflow") -}}
{{- $flows = append $flows (dict "component" "mlflow" "rules" (list (dict "ports" (list "http") "from" (list "release" "spark" "ingress")))) -}}
{{- end -}}
{{- $flows | toJson -}}
{{- end -}}

{{/* One NetworkPolicyPeer list for a source name: (dict "root" $ "from" "release"). */}}
{{- define "sc.networkPolicy.peer" -}}
{{- $root := .root -}}
{{- $np := $root.Values.networkPolicy -}}
{{- if eq .from "release" }}
- podSelector:
    matchLabels:
      app.kubernetes.io/name: {{ include "sc.name" $root }}
      app.kubernetes.io/instance: {{ $root.Release.Name }}
{{- else if eq .from "spark" }}
- podSelector:
    matchLabels:
      app.kubernetes.io/part-of: {{ include "sc.fullname" $root }}
    matchExpressions:
      - key: spark-role
        operator: In
        values: [driver, executor]
{{- else if or (eq .from "ingress") (eq .from "prometheus") }}
{{- $peer := index $np (ternary "ingressController" "prometheus" (eq .from "ingress")) }}
{{- if not $peer.namespaceSelector }}
{{- fail (printf "networkPolicy.%s.namespaceSelector must not be empty (an empty selector would admit every namespace)" (ternary "ingressController" "prometheus" (eq .from "ingress"))) }}
{{- end }}
- namespaceSelector:
    {{- toYaml ($peer.namespaceSelector | default dict) | nindent 4 }}
  podSelector:
    {{- toYaml ($peer.podSelector | default dict) | nindent 4 }}
{{- else if hasPrefix "component=" .from }}
- podSelector:
    matchLabels:
      {{- include "sc.selectorLabels" (dict "root" $root "component" (trimPrefix "component=" .from)) | nindent 6 }}
{{- else }}
{{- fail (printf "network-policy: unknown source %q" .from) }}
{{- end }}
{{- end -}}

{{/* The release's pods: what the default-deny policy selects. */}}
{{- define "sc.networkPolicy.releaseSelector" -}}
matchLabels:
  app.kubernetes.io/name: {{ include "sc.name" . }}
  app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}
