package org.teleportj1.sync;

import java.nio.file.Path;
import org.teleportj1.batch.BatchLimits;
import org.teleportj1.graph.GraphOptions;
import org.teleportj1.jupiterone.J1Settings;
import org.teleportj1.run.DeliveryMode;

/**
 * Settings shared by every cluster's runs, read once at startup from properties
 * (see config/application.properties).
 */
public record SyncSettings(DeliveryMode mode, Path outputDir, BatchLimits batchLimits, J1Settings j1,
                           GraphOptions graphOptions) {
}
