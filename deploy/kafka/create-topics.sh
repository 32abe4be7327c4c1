#!/bin/sh
# Creates Rasd's Kafka topics on a cluster of one's own, with the partitions and settings of org.rasd.embedded.Topics
# (README, "Topics and messages"), and brings topics that exist already to those settings, as the local stack does
# (a partition count is never changed). Run it before the services start; again whenever RASD_MAX_ARTICLE_SIZE changes.
# deploy/compose runs it in the kafka-topics container; DeploymentFilesTest (deploy/local-stack) checks it.
#
#   KAFKA_BOOTSTRAP_SERVERS  the cluster (default localhost:9092)
#   REPLICATION_FACTOR       replicas of each partition (default 1; 3 on a cluster of three brokers or more)
#   RASD_MAX_ARTICLE_SIZE    as the services are given it (default 2M): max.message.bytes is twice it plus 64 KiB
#   KAFKA_BIN                where kafka-topics.sh and kafka-configs.sh are (default: on the PATH)
#   KAFKA_COMMAND_CONFIG     a client properties file for the tools (TLS, SASL), if the cluster needs one
set -eu

bootstrap=${KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}
replication=${REPLICATION_FACTOR:-1}
bin=${KAFKA_BIN:+$KAFKA_BIN/}
command_config=${KAFKA_COMMAND_CONFIG:+--command-config $KAFKA_COMMAND_CONFIG}

# A size as the services read it (2M, 512K, 3000000, 2MB): binary multiples.
size=$(printf %s "${RASD_MAX_ARTICLE_SIZE:-2M}" | tr -d ' ' | sed 's/[Bb]$//')
case $size in
  *[Kk]) shift_by=1024 ;;
  *[Mm]) shift_by=1048576 ;;
  *[Gg]) shift_by=1073741824 ;;
  *) shift_by=1 ;;
esac
digits=${size%[KkMmGg]}
case $digits in
  '' | *[!0-9]*) echo "RASD_MAX_ARTICLE_SIZE must be a size such as 2M, 512K or 3000000, not ${RASD_MAX_ARTICLE_SIZE}" >&2; exit 2 ;;
esac
# An article record is at most twice the article; a dead letter adds its headers (ArticleSizeLimit.topicBytes).
max_message_bytes=$((2 * digits * shift_by + 65536))

# topic <name> <partitions> <setting=value>...
topic() {
  name=$1
  partitions=$2
  shift 2
  set -- "$@" "max.message.bytes=$max_message_bytes"
  configs=
  for setting in "$@"; do
    configs="$configs --config $setting"
  done
  # shellcheck disable=SC2086 # the options are split on purpose; no value holds a space
  "${bin}kafka-topics.sh" --bootstrap-server "$bootstrap" $command_config --create --if-not-exists \
    --topic "$name" --partitions "$partitions" --replication-factor "$replication" $configs
  settings=$(IFS=,; printf %s "$*")
  # shellcheck disable=SC2086
  "${bin}kafka-configs.sh" --bootstrap-server "$bootstrap" $command_config --alter \
    --entity-type topics --entity-name "$name" --add-config "$settings"
}

# Article records, the hand-off to the catalog: 7 days.
topic articles 3 cleanup.policy=delete retention.ms=604800000
# The catalog's changelogs of events and incidents: the latest message of each, for good.
topic events 3 cleanup.policy=compact
topic incidents 3 cleanup.policy=compact
# What the catalog and analytics could not process, with the reason: 30 days.
topic articles.dlq 3 cleanup.policy=delete retention.ms=2592000000
topic events.dlq 3 cleanup.policy=delete retention.ms=2592000000
echo "Rasd's topics are there, max.message.bytes=$max_message_bytes."
