package org.teleportj1.app;

/** A setting is missing or wrong; the message names it and says how to fix it. */
public class ConfigurationException extends RuntimeException {
    public ConfigurationException(String message) {
        super(message);
    }
}
