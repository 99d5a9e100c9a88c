/**
 * What several instances on one database agree on: {@link dev.triagedesk.cluster.ClusterLock}, which lets one
 * instance at a time run a scheduled job. Depends on nothing but the database.
 */
package dev.triagedesk.cluster;
