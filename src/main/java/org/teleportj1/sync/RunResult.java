package org.teleportj1.sync;

/** How a run ended. */
public enum RunResult {
    RUNNING,
    /** Everything read and delivered (and, for J1, finalized). */
    SUCCEEDED,
    /** Not delivered; for J1 the job was aborted or never started, so nothing was deleted. */
    FAILED
}
