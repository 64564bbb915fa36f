// Known Spark configuration keys and how Spark reads their values: our own table, written from
// the key tables of Spark's configuration, running-on-kubernetes, Spark Connect, standalone,
// monitoring and SQL documentation (3.5 and 4.x), plus the SQL keys our blocks use.
#include <algorithm>
#include <cctype>
#include <map>

#include "validate/spark_conf.h"

namespace sparkc::validate::detail {
namespace {

using T = SparkValueType;

constexpr SparkKey A(std::string_view k) { return {k, T::kAny, "", false}; }
constexpr SparkKey B(std::string_view k) { return {k, T::kBool, "", false}; }
constexpr SparkKey I(std::string_view k) { return {k, T::kInt, "", false}; }
constexpr SparkKey S(std::string_view k) { return {k, T::kSize, "", false}; }
constexpr SparkKey Tm(std::string_view k) { return {k, T::kTime, "", false}; }
constexpr SparkKey F(std::string_view k) { return {k, T::kFraction, "", false}; }
constexpr SparkKey D(std::string_view k) { return {k, T::kDouble, "", false}; }
constexpr SparkKey E(std::string_view k, std::string_view choices, bool ignore_case = false) {
  return {k, T::kEnum, choices, ignore_case};
}

const SparkKey kKeys[] = {
    // Application properties.
    A("spark.app.name"), I("spark.driver.cores"), S("spark.driver.maxResultSize"), S("spark.driver.memory"),
    S("spark.driver.memoryOverhead"), D("spark.driver.memoryOverheadFactor"), S("spark.driver.minMemoryOverhead"),
    A("spark.resources.discoveryPlugin"), S("spark.executor.memory"), S("spark.executor.pyspark.memory"),
    S("spark.executor.memoryOverhead"), S("spark.executor.minMemoryOverhead"),
    D("spark.executor.memoryOverheadFactor"), A("spark.extraListeners"), A("spark.local.dir"), B("spark.logConf"),
    SparkKey{"spark.master", T::kMaster, "", false}, A("spark.remote"), E("spark.submit.deployMode", "client|cluster"),
    A("spark.log.callerContext"), E("spark.log.level", "ALL|DEBUG|ERROR|FATAL|INFO|OFF|TRACE|WARN", true),
    B("spark.log.structuredLogging.enabled"), B("spark.driver.supervise"), A("spark.driver.timeout"),
    A("spark.driver.log.localDir"), A("spark.driver.log.dfsDir"), B("spark.driver.log.persistToDfs.enabled"),
    A("spark.driver.log.layout"), B("spark.driver.log.allowErasureCoding"), B("spark.decommission.enabled"),
    Tm("spark.executor.decommission.killInterval"), Tm("spark.executor.decommission.forceKillTimeout"),
    A("spark.executor.decommission.signal"), I("spark.executor.maxNumFailures"),
    Tm("spark.executor.failuresValidityInterval"), E("spark.api.mode", "classic|connect", true),
    // Runtime environment.
    A("spark.driver.extraClassPath"), A("spark.driver.defaultJavaOptions"), A("spark.driver.extraJavaOptions"),
    A("spark.driver.extraLibraryPath"), B("spark.driver.userClassPathFirst"), A("spark.executor.extraClassPath"),
    A("spark.executor.defaultJavaOptions"), A("spark.executor.extraJavaOptions"), A("spark.executor.extraLibraryPath"),
    I("spark.executor.logs.rolling.maxRetainedFiles"), B("spark.executor.logs.rolling.enableCompression"),
    S("spark.executor.logs.rolling.maxSize"), E("spark.executor.logs.rolling.strategy", "time|size|"),
    A("spark.executor.logs.rolling.time.interval"), B("spark.executor.userClassPathFirst"),
    A("spark.redaction.regex"), A("spark.redaction.string.regex"), B("spark.python.profile"),
    A("spark.python.profile.dump"), S("spark.python.worker.memory"), B("spark.python.worker.reuse"),
    A("spark.files"), A("spark.submit.pyFiles"), A("spark.jars"), A("spark.jars.packages"), A("spark.jars.excludes"),
    A("spark.jars.ivy"), A("spark.jars.ivySettings"), A("spark.jars.repositories"), A("spark.archives"),
    A("spark.pyspark.driver.python"), A("spark.pyspark.python"), A("spark.submit.callSystemExit"),
    // Shuffle behaviour.
    S("spark.reducer.maxSizeInFlight"), I("spark.reducer.maxReqsInFlight"),
    I("spark.reducer.maxBlocksInFlightPerAddress"), B("spark.shuffle.compress"), S("spark.shuffle.file.buffer"),
    S("spark.shuffle.file.merge.buffer"), S("spark.shuffle.unsafe.file.output.buffer"),
    S("spark.shuffle.localDisk.file.output.buffer"), S("spark.shuffle.spill.diskWriteBufferSize"),
    I("spark.shuffle.io.maxRetries"), I("spark.shuffle.io.numConnectionsPerPeer"),
    B("spark.shuffle.io.preferDirectBufs"), Tm("spark.shuffle.io.retryWait"), I("spark.shuffle.io.backLog"),
    Tm("spark.shuffle.io.connectionTimeout"), Tm("spark.shuffle.io.connectionCreationTimeout"),
    B("spark.shuffle.service.enabled"), I("spark.shuffle.service.port"), A("spark.shuffle.service.name"),
    S("spark.shuffle.service.index.cache.size"), B("spark.shuffle.service.removeShuffle"),
    B("spark.shuffle.service.fetch.rdd.enabled"), B("spark.shuffle.service.db.enabled"),
    A("spark.shuffle.service.db.backend"), I("spark.shuffle.maxChunksBeingTransferred"),
    I("spark.shuffle.sort.bypassMergeThreshold"), A("spark.shuffle.sort.io.plugin.class"),
    B("spark.shuffle.spill.compress"), S("spark.shuffle.accurateBlockThreshold"),
    Tm("spark.shuffle.registration.timeout"), I("spark.shuffle.registration.maxAttempts"),
    B("spark.shuffle.reduceLocality.enabled"), S("spark.shuffle.mapOutput.minSizeForBroadcast"),
    B("spark.shuffle.detectCorrupt"), B("spark.shuffle.detectCorrupt.useExtraMemory"),
    B("spark.shuffle.useOldFetchProtocol"), B("spark.shuffle.readHostLocalDisk"),
    B("spark.shuffle.checksum.enabled"), A("spark.shuffle.checksum.algorithm"), B("spark.shuffle.push.enabled"),
    Tm("spark.files.io.connectionTimeout"), Tm("spark.files.io.connectionCreationTimeout"),
    // Spark UI and event logs.
    B("spark.eventLog.logBlockUpdates.enabled"), B("spark.eventLog.longForm.enabled"), B("spark.eventLog.compress"),
    A("spark.eventLog.compression.codec"), B("spark.eventLog.erasureCoding.enabled"), A("spark.eventLog.dir"),
    B("spark.eventLog.enabled"), B("spark.eventLog.overwrite"), S("spark.eventLog.buffer.kb"),
    B("spark.eventLog.rolling.enabled"), S("spark.eventLog.rolling.maxFileSize"),
    B("spark.eventLog.logStageExecutorMetrics"), A("spark.eventLog.gcMetrics.youngGenerationGarbageCollectors"),
    A("spark.eventLog.gcMetrics.oldGenerationGarbageCollectors"), B("spark.eventLog.includeTaskMetricsAccumulators"),
    I("spark.ui.dagGraph.retainedRootRDDs"), B("spark.ui.groupSQLSubExecutionEnabled"), B("spark.ui.enabled"),
    A("spark.ui.store.path"), B("spark.ui.killEnabled"), Tm("spark.ui.liveUpdate.period"),
    Tm("spark.ui.liveUpdate.minFlushPeriod"), I("spark.ui.port"), I("spark.ui.retainedJobs"),
    I("spark.ui.retainedStages"), I("spark.ui.retainedTasks"), B("spark.ui.reverseProxy"),
    A("spark.ui.reverseProxyUrl"), A("spark.ui.proxyRedirectUri"), B("spark.ui.showConsoleProgress"),
    Tm("spark.ui.consoleProgress.update.interval"), A("spark.ui.custom.executor.log.url"),
    I("spark.ui.retainedDeadExecutors"), A("spark.ui.filters"), S("spark.ui.requestHeaderSize"),
    B("spark.ui.timelineEnabled"), I("spark.ui.timeline.executors.maximum"), I("spark.ui.timeline.jobs.maximum"),
    I("spark.ui.timeline.stages.maximum"), I("spark.ui.timeline.tasks.maximum"), B("spark.ui.prometheus.enabled"),
    A("spark.ui.view.acls"), A("spark.ui.view.acls.groups"), B("spark.ui.xXssProtection"),
    A("spark.ui.allowFramingFrom"), A("spark.ui.strictTransportSecurity"), B("spark.ui.xContentTypeOptions.enabled"),
    I("spark.worker.ui.retainedExecutors"), I("spark.worker.ui.retainedDrivers"),
    I("spark.sql.ui.retainedExecutions"), I("spark.streaming.ui.retainedBatches"),
    // Compression and serialization.
    B("spark.broadcast.compress"), B("spark.checkpoint.compress"), A("spark.io.compression.codec"),
    S("spark.io.compression.lz4.blockSize"), S("spark.io.compression.snappy.blockSize"),
    I("spark.io.compression.zstd.level"), S("spark.io.compression.zstd.bufferSize"),
    B("spark.io.compression.zstd.bufferPool.enabled"), A("spark.kryo.classesToRegister"),
    B("spark.kryo.referenceTracking"), B("spark.kryo.registrationRequired"), A("spark.kryo.registrator"),
    B("spark.kryo.unsafe"), S("spark.kryoserializer.buffer.max"), S("spark.kryoserializer.buffer"),
    B("spark.rdd.compress"), A("spark.serializer"), I("spark.serializer.objectStreamReset"),
    // Memory management.
    F("spark.memory.fraction"), F("spark.memory.storageFraction"), B("spark.memory.offHeap.enabled"),
    S("spark.memory.offHeap.size"), S("spark.storage.unrollMemoryThreshold"),
    B("spark.storage.replication.proactive"), Tm("spark.cleaner.periodicGC.interval"),
    B("spark.cleaner.referenceTracking"), B("spark.cleaner.referenceTracking.blocking"),
    B("spark.cleaner.referenceTracking.blocking.shuffle"), B("spark.cleaner.referenceTracking.cleanCheckpoints"),
    // Execution behaviour.
    S("spark.broadcast.blockSize"), B("spark.broadcast.checksum"), S("spark.broadcast.UDFCompressionThreshold"),
    I("spark.executor.cores"), I("spark.default.parallelism"), Tm("spark.executor.heartbeatInterval"),
    I("spark.executor.heartbeat.maxFailures"), Tm("spark.files.fetchTimeout"), B("spark.files.useFetchCache"),
    B("spark.files.overwrite"), B("spark.files.ignoreCorruptFiles"), B("spark.files.ignoreMissingFiles"),
    S("spark.files.maxPartitionBytes"), S("spark.files.openCostInBytes"), B("spark.hadoop.cloneConf"),
    B("spark.hadoop.validateOutputSpecs"), S("spark.storage.memoryMapThreshold"),
    B("spark.storage.decommission.enabled"), B("spark.storage.decommission.shuffleBlocks.enabled"),
    I("spark.storage.decommission.shuffleBlocks.maxThreads"), B("spark.storage.decommission.rddBlocks.enabled"),
    A("spark.storage.decommission.fallbackStorage.path"), B("spark.storage.decommission.fallbackStorage.cleanUp"),
    S("spark.storage.decommission.shuffleBlocks.maxDiskSize"), B("spark.executor.processTreeMetrics.enabled"),
    Tm("spark.executor.metrics.pollingInterval"), A("spark.executor.metrics.fileSystemSchemes"),
    I("spark.executor.instances"), A("spark.plugins"),
    // Networking.
    I("spark.rpc.message.maxSize"), I("spark.blockManager.port"), I("spark.driver.blockManager.port"),
    A("spark.driver.bindAddress"), A("spark.driver.host"), I("spark.driver.port"), I("spark.rpc.io.backLog"),
    Tm("spark.network.timeout"), Tm("spark.network.timeoutInterval"), B("spark.network.io.preferDirectBufs"),
    I("spark.port.maxRetries"), I("spark.rpc.numRetries"), Tm("spark.rpc.retry.wait"), Tm("spark.rpc.askTimeout"),
    Tm("spark.rpc.lookupTimeout"), S("spark.network.maxRemoteBlockSizeFetchToMem"),
    Tm("spark.rpc.io.connectionTimeout"), Tm("spark.rpc.io.connectionCreationTimeout"),
    // Scheduling.
    I("spark.cores.max"), Tm("spark.locality.wait"), Tm("spark.locality.wait.node"),
    Tm("spark.locality.wait.process"), Tm("spark.locality.wait.rack"),
    Tm("spark.scheduler.maxRegisteredResourcesWaitingTime"), D("spark.scheduler.minRegisteredResourcesRatio"),
    E("spark.scheduler.mode", "FIFO|FAIR", true), Tm("spark.scheduler.revive.interval"),
    I("spark.scheduler.listenerbus.eventqueue.capacity"), B("spark.scheduler.resource.profileMergeConflicts"),
    Tm("spark.scheduler.excludeOnFailure.unschedulableTaskSetTimeout"), A("spark.scheduler.allocation.file"),
    B("spark.standalone.submit.waitAppCompletion"), B("spark.excludeOnFailure.enabled"),
    Tm("spark.excludeOnFailure.timeout"), B("spark.excludeOnFailure.killExcludedExecutors"),
    B("spark.speculation"), Tm("spark.speculation.interval"), D("spark.speculation.multiplier"),
    F("spark.speculation.quantile"), Tm("spark.speculation.minTaskRuntime"),
    Tm("spark.speculation.task.duration.threshold"), B("spark.speculation.efficiency.enabled"),
    I("spark.task.cpus"), I("spark.task.maxFailures"), B("spark.task.reaper.enabled"),
    Tm("spark.task.reaper.pollingInterval"), B("spark.task.reaper.threadDump"), Tm("spark.task.reaper.killTimeout"),
    I("spark.stage.maxConsecutiveAttempts"), B("spark.stage.ignoreDecommissionFetchFailure"),
    Tm("spark.barrier.sync.timeout"),
    // Dynamic allocation.
    B("spark.dynamicAllocation.enabled"), Tm("spark.dynamicAllocation.executorIdleTimeout"),
    Tm("spark.dynamicAllocation.cachedExecutorIdleTimeout"), I("spark.dynamicAllocation.initialExecutors"),
    I("spark.dynamicAllocation.maxExecutors"), I("spark.dynamicAllocation.minExecutors"),
    F("spark.dynamicAllocation.executorAllocationRatio"), Tm("spark.dynamicAllocation.schedulerBacklogTimeout"),
    Tm("spark.dynamicAllocation.sustainedSchedulerBacklogTimeout"),
    B("spark.dynamicAllocation.shuffleTracking.enabled"), Tm("spark.dynamicAllocation.shuffleTracking.timeout"),
    // Spark Connect.
    I("spark.connect.grpc.binding.port"), A("spark.connect.grpc.binding.address"),
    I("spark.connect.grpc.port.maxRetries"), A("spark.connect.grpc.interceptor.classes"),
    S("spark.connect.grpc.arrow.maxBatchSize"), S("spark.connect.grpc.maxInboundMessageSize"),
    A("spark.connect.extensions.relation.classes"), A("spark.connect.extensions.expression.classes"),
    A("spark.connect.extensions.command.classes"), A("spark.connect.ml.backend.classes"),
    I("spark.connect.jvmStacktrace.maxSize"), B("spark.connect.session.planCache.enabled"),
    I("spark.sql.connect.ui.retainedSessions"), I("spark.sql.connect.ui.retainedStatements"),
    B("spark.sql.connect.enrichError.enabled"), B("spark.sql.connect.serverStacktrace.enabled"),
    // Security.
    B("spark.authenticate"), A("spark.authenticate.secret"), A("spark.authenticate.secret.file"),
    A("spark.authenticate.secret.driver.file"), A("spark.authenticate.secret.executor.file"),
    B("spark.network.crypto.enabled"), B("spark.authenticate.enableSaslEncryption"),
    B("spark.network.sasl.serverAlwaysEncrypt"), B("spark.io.encryption.enabled"),
    I("spark.io.encryption.keySizeBits"), A("spark.io.encryption.keygen.algorithm"), B("spark.acls.enable"),
    A("spark.admin.acls"), A("spark.admin.acls.groups"), A("spark.modify.acls"), A("spark.modify.acls.groups"),
    A("spark.user.groups.mapping"), A("spark.kerberos.keytab"), A("spark.kerberos.principal"),
    A("spark.kerberos.access.hadoopFileSystems"), A("spark.kerberos.relogin.period"),
    D("spark.security.credentials.renewalRatio"),
    // Metrics.
    A("spark.metrics.namespace"), B("spark.metrics.appStatusSource.enabled"),
    B("spark.metrics.staticSources.enabled"), B("spark.metrics.executorMetricsSource.enabled"), A("spark.metrics.conf"),
    // History server.
    A("spark.history.provider"), A("spark.history.fs.logDirectory"), Tm("spark.history.fs.update.interval"),
    I("spark.history.retainedApplications"), I("spark.history.ui.maxApplications"), I("spark.history.ui.port"),
    B("spark.history.kerberos.enabled"), A("spark.history.kerberos.principal"), A("spark.history.kerberos.keytab"),
    B("spark.history.fs.cleaner.enabled"), Tm("spark.history.fs.cleaner.interval"),
    Tm("spark.history.fs.cleaner.maxAge"), I("spark.history.fs.cleaner.maxNum"),
    S("spark.history.fs.endEventReparseChunkSize"), B("spark.history.fs.inProgressOptimization.enabled"),
    B("spark.history.fs.driverlog.cleaner.enabled"), Tm("spark.history.fs.driverlog.cleaner.interval"),
    Tm("spark.history.fs.driverlog.cleaner.maxAge"), I("spark.history.fs.numReplayThreads"),
    S("spark.history.store.maxDiskUsage"), A("spark.history.store.path"), E("spark.history.store.serializer", "JSON|PROTOBUF", true),
    A("spark.history.custom.executor.log.url"), B("spark.history.custom.executor.log.url.applyIncompleteApplication"),
    I("spark.history.fs.eventLog.rolling.maxFilesToRetain"), E("spark.history.store.hybridStore.diskBackend", "ROCKSDB|LEVELDB", true),
    B("spark.history.store.hybridStore.enabled"), S("spark.history.store.hybridStore.maxMemoryUsage"),
    B("spark.history.ui.acls.enable"), A("spark.history.ui.admin.acls"), A("spark.history.ui.admin.acls.groups"),
    Tm("spark.history.fs.safemodeCheck.interval"),
    // Standalone cluster manager.
    I("spark.master.ui.port"), I("spark.master.rest.port"), B("spark.master.rest.enabled"),
    B("spark.worker.preferConfiguredMasterAddress"), B("spark.worker.cleanup.enabled"),
    I("spark.worker.cleanup.interval"), I("spark.worker.cleanup.appDataTtl"), I("spark.worker.timeout"),
    B("spark.deploy.spreadOut"), I("spark.deploy.defaultCores"), I("spark.deploy.maxExecutorRetries"),
    E("spark.deploy.recoveryMode", "NONE|ZOOKEEPER|FILESYSTEM|ROCKSDB|CUSTOM", true), A("spark.deploy.recoveryDirectory"),
    I("spark.deploy.retainedApplications"), I("spark.deploy.retainedDrivers"), I("spark.worker.ui.port"),
    B("spark.storage.cleanupFilesAfterExecutorExit"),
    // Kubernetes.
    A("spark.kubernetes.context"), A("spark.kubernetes.driver.master"), A("spark.kubernetes.namespace"),
    A("spark.kubernetes.container.image"), A("spark.kubernetes.driver.container.image"),
    A("spark.kubernetes.executor.container.image"),
    E("spark.kubernetes.container.image.pullPolicy", "Always|Never|IfNotPresent"),
    A("spark.kubernetes.container.image.pullSecrets"), I("spark.kubernetes.allocation.batch.size"),
    Tm("spark.kubernetes.allocation.batch.delay"), Tm("spark.kubernetes.allocation.driver.readinessTimeout"),
    Tm("spark.kubernetes.allocation.executor.timeout"), A("spark.kubernetes.allocation.pods.allocator"),
    I("spark.kubernetes.allocation.maxPendingPods"), A("spark.kubernetes.jars.avoidDownloadSchemes"),
    A("spark.kubernetes.authenticate.submission.caCertFile"), A("spark.kubernetes.authenticate.submission.clientKeyFile"),
    A("spark.kubernetes.authenticate.submission.clientCertFile"), A("spark.kubernetes.authenticate.submission.oauthToken"),
    A("spark.kubernetes.authenticate.submission.oauthTokenFile"), A("spark.kubernetes.authenticate.driver.caCertFile"),
    A("spark.kubernetes.authenticate.driver.clientKeyFile"), A("spark.kubernetes.authenticate.driver.clientCertFile"),
    A("spark.kubernetes.authenticate.driver.oauthToken"), A("spark.kubernetes.authenticate.driver.oauthTokenFile"),
    A("spark.kubernetes.authenticate.driver.mounted.caCertFile"),
    A("spark.kubernetes.authenticate.driver.mounted.clientKeyFile"),
    A("spark.kubernetes.authenticate.driver.mounted.clientCertFile"),
    A("spark.kubernetes.authenticate.driver.mounted.oauthTokenFile"),
    A("spark.kubernetes.authenticate.driver.serviceAccountName"),
    A("spark.kubernetes.authenticate.executor.serviceAccountName"), A("spark.kubernetes.authenticate.caCertFile"),
    A("spark.kubernetes.authenticate.clientKeyFile"), A("spark.kubernetes.authenticate.clientCertFile"),
    A("spark.kubernetes.authenticate.oauthToken"), A("spark.kubernetes.authenticate.oauthTokenFile"),
    A("spark.kubernetes.driver.pod.name"), A("spark.kubernetes.executor.podNamePrefix"),
    B("spark.kubernetes.submission.waitAppCompletion"), Tm("spark.kubernetes.report.interval"),
    Tm("spark.kubernetes.executor.apiPollingInterval"), B("spark.kubernetes.executor.enablePollingWithResourceVersion"),
    Tm("spark.kubernetes.executor.eventProcessingInterval"), A("spark.kubernetes.driver.request.cores"),
    A("spark.kubernetes.driver.limit.cores"), A("spark.kubernetes.executor.request.cores"),
    A("spark.kubernetes.executor.limit.cores"), B("spark.kubernetes.local.dirs.tmpfs"),
    D("spark.kubernetes.memoryOverheadFactor"), A("spark.kubernetes.kerberos.krb5.path"),
    A("spark.kubernetes.kerberos.krb5.configMapName"), A("spark.kubernetes.hadoop.configMapName"),
    A("spark.kubernetes.kerberos.tokenSecret.name"), A("spark.kubernetes.kerberos.tokenSecret.itemKey"),
    A("spark.kubernetes.driver.podTemplateFile"), A("spark.kubernetes.executor.podTemplateFile"),
    A("spark.kubernetes.driver.podTemplateContainerName"), A("spark.kubernetes.executor.podTemplateContainerName"),
    B("spark.kubernetes.executor.deleteOnTermination"), B("spark.kubernetes.executor.checkAllContainers"),
    I("spark.kubernetes.submission.connectionTimeout"), I("spark.kubernetes.submission.requestTimeout"),
    B("spark.kubernetes.trust.certificates"), I("spark.kubernetes.driver.connectionTimeout"),
    I("spark.kubernetes.driver.requestTimeout"), Tm("spark.kubernetes.appKillPodDeletionGracePeriod"),
    Tm("spark.kubernetes.dynamicAllocation.deleteGracePeriod"), A("spark.kubernetes.file.upload.path"),
    A("spark.kubernetes.executor.decommissionLabel"), A("spark.kubernetes.executor.decommissionLabelValue"),
    A("spark.kubernetes.scheduler.name"), A("spark.kubernetes.driver.scheduler.name"),
    A("spark.kubernetes.executor.scheduler.name"), I("spark.kubernetes.configMap.maxSize"),
    Tm("spark.kubernetes.executor.missingPodDetectDelta"), A("spark.kubernetes.decommission.script"),
    B("spark.kubernetes.driver.service.deleteOnTermination"),
    E("spark.kubernetes.driver.service.ipFamilyPolicy", "SingleStack|PreferDualStack|RequireDualStack"),
    A("spark.kubernetes.driver.service.ipFamilies"), B("spark.kubernetes.driver.ownPersistentVolumeClaim"),
    B("spark.kubernetes.driver.reusePersistentVolumeClaim"),
    B("spark.kubernetes.driver.waitToReusePersistentVolumeClaim"), B("spark.kubernetes.executor.disableConfigMap"),
    A("spark.kubernetes.driver.pod.featureSteps"), A("spark.kubernetes.executor.pod.featureSteps"),
    A("spark.kubernetes.driver.pod.excludedFeatureSteps"), A("spark.kubernetes.executor.pod.excludedFeatureSteps"),
    Tm("spark.kubernetes.executor.rollInterval"),
    E("spark.kubernetes.executor.rollPolicy", "ID|ADD_TIME|TOTAL_GC_TIME|TOTAL_DURATION|FAILED_TASKS|AVERAGE_DURATION|OUTLIER|OUTLIER_NO_FALLBACK", true),
    I("spark.kubernetes.executor.minTasksPerExecutorBeforeRolling"), B("spark.kubernetes.executor.useDriverPodIP"),
    A("spark.kubernetes.pyspark.pythonVersion"), B("spark.kubernetes.driver.annotateExitException"),
    // SQL keys our blocks and common deployments set; spark.sql.* is open (see below).
    A("spark.sql.warehouse.dir"), E("spark.sql.catalogImplementation", "in-memory|hive"), A("spark.sql.extensions"),
    A("spark.sql.defaultCatalog"), I("spark.sql.shuffle.partitions"), B("spark.sql.adaptive.enabled"),
    B("spark.sql.adaptive.coalescePartitions.enabled"), B("spark.sql.adaptive.skewJoin.enabled"),
    S("spark.sql.adaptive.advisoryPartitionSizeInBytes"), S("spark.sql.autoBroadcastJoinThreshold"),
    B("spark.sql.streaming.metricsEnabled"), A("spark.sql.streaming.checkpointLocation"),
    A("spark.sql.session.timeZone"), B("spark.sql.ansi.enabled"), A("spark.sql.hive.metastore.version"),
    A("spark.sql.hive.metastore.jars"), A("spark.sql.hive.metastore.jars.path"),
    B("spark.sql.hive.thriftServer.singleSession"), B("spark.sql.execution.arrow.pyspark.enabled"),
    B("spark.sql.execution.arrow.pyspark.fallback.enabled"), I("spark.sql.execution.arrow.maxRecordsPerBatch"),
    S("spark.sql.files.maxPartitionBytes"), A("spark.sql.parquet.compression.codec"),
    E("spark.sql.sources.partitionOverwriteMode", "static|dynamic", true), I("spark.sql.ui.retainedExecutions"),
    B("spark.sql.cbo.enabled"), Tm("spark.sql.broadcastTimeout"), I("spark.sql.debug.maxToStringFields"),
    B("spark.sql.repl.eagerEval.enabled"), A("spark.sql.sources.default"), B("spark.sql.sources.bucketing.enabled"),
    A("spark.sql.catalog.spark_catalog"), B("spark.sql.parquet.filterPushdown"),
};

// Families of free-form keys: the part after the prefix is a name the user chooses.
constexpr std::string_view kFamilies[] = {
    "spark.hadoop.", "spark.hive.", "spark.executorEnv.", "spark.kubernetes.driverEnv.",
    "spark.kubernetes.driver.label.", "spark.kubernetes.driver.annotation.",
    "spark.kubernetes.driver.service.label.", "spark.kubernetes.driver.service.annotation.",
    "spark.kubernetes.executor.label.", "spark.kubernetes.executor.annotation.",
    "spark.kubernetes.driver.secrets.", "spark.kubernetes.executor.secrets.",
    "spark.kubernetes.driver.secretKeyRef.", "spark.kubernetes.executor.secretKeyRef.",
    "spark.kubernetes.driver.volumes.", "spark.kubernetes.executor.volumes.",
    "spark.kubernetes.node.selector.", "spark.kubernetes.driver.node.selector.",
    "spark.kubernetes.executor.node.selector.", "spark.sql.catalog.", "spark.driver.resource.",
    "spark.executor.resource.", "spark.task.resource.", "spark.metrics.conf.", "spark.ssl.",
    "spark.yarn.", "spark.mesos.", "spark.r.", "spark.graphx.", "spark.streaming.",
    "spark.sql.legacy.", "spark.network.crypto.", "spark.io.encryption.commons.config.",
    "spark.security.credentials.", "spark.shuffle.push.", "spark.excludeOnFailure.",
    "spark.scheduler.listenerbus.eventqueue.", "spark.connect.execute.", "spark.connect.session.",
    "spark.kerberos.renewal.", "spark.driver.log.", "spark.executor.rpc.", "spark.driver.rpc.",
    "spark.rpc.netty.", "spark.shuffle.rpc.", "spark.history.ui.", "spark.ui.custom.",
};

// Namespaces with more keys than we list. Everything else (spark.kubernetes.*,
// spark.dynamicAllocation.*, spark.eventLog.*, spark.submit.*, unknown namespaces) is closed.
constexpr std::string_view kOpen[] = {
    "spark.sql.", "spark.ui.", "spark.history.", "spark.shuffle.", "spark.network.", "spark.rpc.",
    "spark.storage.", "spark.io.", "spark.scheduler.", "spark.speculation.", "spark.task.",
    "spark.master.", "spark.worker.", "spark.deploy.", "spark.kerberos.", "spark.python.",
    "spark.pyspark.", "spark.cleaner.", "spark.locality.", "spark.memory.", "spark.kryo.",
    "spark.files.", "spark.broadcast.", "spark.connect.", "spark.metrics.", "spark.driver.",
    "spark.executor.", "spark.authenticate.", "spark.redaction.", "spark.stage.", "spark.barrier.",
    "spark.reducer.", "spark.serializer.", "spark.checkpoint.", "spark.standalone.", "spark.decommission.",
    "spark.log.", "spark.jars.", "spark.resources.", "spark.app.",
};

const std::map<std::string_view, const SparkKey*>& key_index() {
  static const std::map<std::string_view, const SparkKey*> index = [] {
    std::map<std::string_view, const SparkKey*> m;
    for (const auto& k : kKeys) m.emplace(k.key, &k);
    return m;
  }();
  return index;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// number [suffix], with an optional leading '-' (Spark's byte and time parsers accept one).
bool number_with_suffix(std::string_view v, std::initializer_list<std::string_view> suffixes) {
  if (!v.empty() && v[0] == '-') v.remove_prefix(1);
  size_t n = 0;
  while (n < v.size() && v[n] >= '0' && v[n] <= '9') ++n;
  if (n == 0) return false;
  std::string rest = lower(v.substr(n));
  if (rest.empty()) return true;
  return std::find(suffixes.begin(), suffixes.end(), rest) != suffixes.end();
}

bool parse_double(std::string_view v, double& out) {
  std::string s(v);
  char* end = nullptr;
  out = std::strtod(s.c_str(), &end);
  return !s.empty() && end == s.c_str() + s.size();
}

}  // namespace

const SparkKey* find_spark_key(std::string_view key) {
  auto it = key_index().find(key);
  return it == key_index().end() ? nullptr : it->second;
}

const std::set<std::string>& spark_key_names() {
  static const std::set<std::string> names = [] {
    std::set<std::string> s;
    for (const auto& k : kKeys) s.emplace(k.key);
    return s;
  }();
  return names;
}

bool is_spark_key_family(std::string_view key) {
  return std::any_of(std::begin(kFamilies), std::end(kFamilies),
                     [&](std::string_view p) { return key.starts_with(p) && key.size() > p.size(); });
}

bool is_open_spark_namespace(std::string_view key) {
  return std::any_of(std::begin(kOpen), std::end(kOpen), [&](std::string_view p) { return key.starts_with(p); });
}

std::string spark_value_problem(const SparkKey& k, std::string_view raw) {
  // Spark substitutes ${var} references and the shell or Kubernetes substitutes $(VAR) and
  // $VAR before Spark reads the value: what it becomes is not known here.
  if (raw.find('$') != std::string_view::npos) return "";
  std::string v(raw);
  v.erase(0, v.find_first_not_of(" \t"));
  v.erase(v.find_last_not_of(" \t") + 1);
  switch (k.type) {
    case T::kAny:
      return "";
    case T::kBool: {
      std::string l = lower(v);
      return l == "true" || l == "false" ? "" : "is not a boolean (true or false)";
    }
    case T::kInt: {
      std::string_view d = v;
      if (!d.empty() && d[0] == '-') d.remove_prefix(1);
      return all_digits(d) ? "" : "is not a whole number";
    }
    case T::kSize:
      if (number_with_suffix(v, {"b", "k", "kb", "m", "mb", "g", "gb", "t", "tb", "p", "pb"})) return "";
      if (v.find('.') != std::string::npos && !v.empty() && std::isdigit(static_cast<unsigned char>(v[0]))) {
        return "is not a JVM size: fractions are not accepted (write 1536m, not 1.5g)";
      }
      if (v.size() > 2 && (v.ends_with("i") || v.ends_with("iB"))) {
        return "is a Kubernetes quantity, not a JVM size (write 4g, not 4Gi)";
      }
      return "is not a JVM size (a whole number with an optional k, m, g, t or p suffix, like 4g)";
    case T::kTime:
      return number_with_suffix(v, {"us", "ms", "s", "m", "min", "h", "d"})
                 ? ""
                 : "is not a duration (a whole number with an optional us, ms, s, m, min, h or d suffix, like 60s)";
    case T::kFraction: {
      double d = 0;
      return parse_double(v, d) && d >= 0 && d <= 1 ? "" : "is not a fraction between 0 and 1";
    }
    case T::kDouble: {
      double d = 0;
      return parse_double(v, d) ? "" : "is not a number";
    }
    case T::kMaster: {
      // SparkContext's master forms; "k8s://HOST" without a scheme means https.
      static const char* const prefixes[] = {"k8s://", "spark://", "mesos://", "local-cluster["};
      if (v == "local" || v == "yarn" || v == "local[*]") return "";
      if (v.starts_with("local[") && v.ends_with("]")) return "";
      for (const char* p : prefixes) {
        if (v.starts_with(p) && v.size() > std::string_view(p).size()) return "";
      }
      return "is not a master URL (local[N], k8s://https://HOST:PORT, spark://HOST:PORT or yarn)";
    }
    case T::kEnum: {
      std::string_view choices = k.choices;
      std::string shown;
      size_t start = 0;
      while (start <= choices.size()) {
        size_t bar = choices.find('|', start);
        std::string_view c = choices.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start);
        if (k.ignore_case ? lower(c) == lower(v) : c == v) return "";
        if (!c.empty()) shown += (shown.empty() ? "" : ", ") + std::string(c);
        if (bar == std::string_view::npos) break;
        start = bar + 1;
      }
      return "is not one of " + shown;
    }
  }
  return "";
}

}  // namespace sparkc::validate::detail
