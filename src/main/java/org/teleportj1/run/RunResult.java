package org.teleportj1.run;

/** How a run ended. */
public enum RunResult {
    RUNNING,
    /** Everything read and delivered (and, for J1, finalized). */
    SUCCEEDED,
    /**
     * Delivered and finalized, but some resources could not be read (j1.finalize.partial-datasets):
     * J1 kept their types' earlier objects. Not a success: those types are stale until a complete run.
     */
    PARTIAL,
    /** Not delivered; for J1 the job was aborted or never started, so nothing was deleted. */
    FAILED
}
