package org.teleportj1.jupiterone;

/** J1 sync-job statuses (docs/jupiterone-api.md §1.4): FINISHED is success, ABORTED* and ERROR* failure, the rest pending. */
final class JobStatus {
    static final String FINISHED = "FINISHED";

    private JobStatus() {
    }

    static boolean isFinal(String status) {
        return FINISHED.equals(status) || status.startsWith("ABORTED") || status.startsWith("ERROR");
    }
}
