{{/*
Helpers of the app-ban-policy block. The ClusterPolicy, ClusterRole and ClusterRoleBinding are
cluster-scoped: their names carry the release namespace as well as the release name.
*/}}

{{/* The cluster-scoped name shared by the policy and its RBAC. */}}
{{- define "sc.appBanPolicy.name" -}}
{{- printf "%s-%s" (include "sc.componentName" (dict "root" . "component" "app-ban")) .Release.Namespace | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The label value Spark derives from an application name: lower case, characters outside
     a-z 0-9 - replaced by "-", runs of "-" collapsed, at most 63 characters, no "-" at the ends. */}}
{{- define "sc.appBanPolicy.appLabel" -}}
{{- $v := regexReplaceAll "[^a-z0-9-]" (lower .) "-" -}}
{{- regexReplaceAll "-+" $v "-" | trunc 63 | trimAll "-" -}}
{{- end -}}

{{/* The pod label selector of the banned application, as JSON. */}}
{{- define "sc.appBanPolicy.selector" -}}
{{- $b := .Values.appBanPolicy -}}
{{- $labels := dict -}}
{{- if $b.appName -}}
{{- $_ := set $labels $b.labelKey (include "sc.appBanPolicy.appLabel" $b.appName) -}}
{{- end -}}
{{- $labels = merge $labels ($b.matchLabels | default dict) -}}
{{- if not $labels -}}
{{- fail "appBanPolicy.appName (or appBanPolicy.matchLabels) is required: name the Spark application to ban" -}}
{{- end -}}
{{- toJson $labels -}}
{{- end -}}

{{/* The namespaces the ban applies to, as a JSON list. */}}
{{- define "sc.appBanPolicy.namespaces" -}}
{{- .Values.appBanPolicy.namespaces | default (list .Release.Namespace) | toJson -}}
{{- end -}}

{{/* The duration in seconds. */}}
{{- define "sc.appBanPolicy.seconds" -}}
{{- $d := .Values.appBanPolicy.duration | toString -}}
{{- if not (regexMatch "^[0-9]+[smhd]$" $d) -}}
{{- fail (printf "appBanPolicy.duration %q must be a number followed by s, m, h or d" $d) -}}
{{- end -}}
{{- $n := regexReplaceAll "[smhd]$" $d "" | atoi -}}
{{- $unit := index (dict "s" 1 "m" 60 "h" 3600 "d" 86400) (substr (sub (len $d) 1 | int) (len $d) $d) -}}
{{- mul $n $unit -}}
{{- end -}}

{{/* The cleanup Job's image: its own, else the Spark image. */}}
{{- define "sc.appBanPolicy.image" -}}
{{- $i := .Values.appBanPolicy.cleanupJob.image -}}
{{- if $i.repository -}}
{{- include "sc.image" (dict "root" . "image" $i) -}}
{{- else -}}
{{- include "sc.image" (dict "root" . "image" .Values.spark.image) -}}
{{- end -}}
{{- end -}}

{{/* The pod spec of the CronJob that lifts the ban. */}}
{{- define "sc.appBanPolicy.jobPodSpec" -}}
{{- $j := .Values.appBanPolicy.cleanupJob -}}
serviceAccountName: {{ include "sc.componentName" (dict "root" . "component" "app-ban") }}
{{- include "sc.imagePullSecrets" . }}
restartPolicy: Never
{{- /* The Job calls the API server to read and delete the policy. */}}
automountServiceAccountToken: true
securityContext:
  {{- include "sc.podSecurityContext" (dict "uid" $j.uid) | nindent 2 }}
{{- with $j.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $j.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $j.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
containers:
  - name: lift-ban
    image: {{ include "sc.appBanPolicy.image" . }}
    imagePullPolicy: {{ $j.image.pullPolicy | default .Values.spark.image.pullPolicy }}
    securityContext:
      {{- include "sc.containerSecurityContext" (dict "readOnlyRootFilesystem" true) | nindent 6 }}
    command:
      - python3
      - -c
      - |
        # Deletes the ClusterPolicy once DURATION_SECONDS have passed since its creation. Run on a
        # schedule: the deadline comes from the policy itself, so a policy that is re-created (by an
        # upgrade or a GitOps sync) is banned for the same duration again and then lifted again.
        import datetime, json, os, ssl, urllib.error, urllib.request

        SA = "/var/run/secrets/kubernetes.io/serviceaccount"
        NAME = os.environ["POLICY"]
        URL = "https://kubernetes.default.svc/apis/kyverno.io/v1/clusterpolicies/" + NAME
        CTX = ssl.create_default_context(cafile=SA + "/ca.crt")


        def call(method):
            with open(SA + "/token") as f:  # re-read: projected tokens rotate
                token = f.read().strip()
            req = urllib.request.Request(URL, method=method, headers={"Authorization": "Bearer " + token})
            try:
                with urllib.request.urlopen(req, context=CTX, timeout=30) as resp:
                    return json.load(resp)
            except urllib.error.HTTPError as err:
                if err.code == 404:
                    return None
                raise


        policy = call("GET")
        if policy is None:
            print("policy %s does not exist: no ban in force" % NAME)
        else:
            created = datetime.datetime.strptime(policy["metadata"]["creationTimestamp"], "%Y-%m-%dT%H:%M:%SZ")
            deadline = created.replace(tzinfo=datetime.timezone.utc) + datetime.timedelta(seconds=int(os.environ["DURATION_SECONDS"]))
            left = (deadline - datetime.datetime.now(datetime.timezone.utc)).total_seconds()
            if left > 0:
                print("policy %s: ban lifts at %s (%d s left)" % (NAME, deadline.isoformat(), left))
            else:
                call("DELETE")
                print("policy %s deleted: the ban is lifted" % NAME)
    env:
      - name: POLICY
        value: {{ include "sc.appBanPolicy.name" . | quote }}
      - name: DURATION_SECONDS
        value: {{ include "sc.appBanPolicy.seconds" . | quote }}
      - name: HOME
        value: /tmp
      - name: PYTHONDONTWRITEBYTECODE
        value: "1"
      {{- with $j.extraEnv }}
      {{- toYaml . | nindent 6 }}
      {{- end }}
    resources:
      {{- toYaml $j.resources | nindent 6 }}
    volumeMounts:
      - name: tmp
        mountPath: /tmp
      {{- with $j.extraVolumeMounts }}
      {{- toYaml . | nindent 6 }}
      {{- end }}
volumes:
  - name: tmp
    emptyDir: {}
  {{- with $j.extraVolumes }}
  {{- toYaml . | nindent 2 }}
  {{- end }}
{{- end -}}
