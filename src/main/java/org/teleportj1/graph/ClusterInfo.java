package org.teleportj1.graph;

import java.time.Instant;

/**
 * What the mappers need to know about the cluster of a run.
 *
 * @param clusterName   Teleport cluster name (from Ping); embedded in every key
 * @param serverVersion Teleport version, or empty
 * @param proxyAddress  public proxy address for web links, or empty
 * @param accountName   optional J1 account name, becomes tag.AccountName; null when unset
 * @param syncTime      time of the run (for expiry and overdue checks)
 */
public record ClusterInfo(String clusterName, String serverVersion, String proxyAddress, String accountName,
                          Instant syncTime) {
}
