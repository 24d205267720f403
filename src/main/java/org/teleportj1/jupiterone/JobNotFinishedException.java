package org.teleportj1.jupiterone;

/** A finalized job did not reach FINISHED (J1 aborted it, failed it, or it is still pending). */
public class JobNotFinishedException extends RuntimeException {
    public JobNotFinishedException(String message) {
        super(message);
    }
}
