package org.teleportj1.ops;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The key, {@code _type} and a content hash of every object a run emitted. The hash is taken from
 * the exact bytes that are uploaded (the batcher serializes each object once and shows it here),
 * so "changed" means "J1 receives different content", nothing less.
 */
public final class GraphFingerprints {
    /** The exchange property a run's fingerprints travel in. */
    public static final String PROPERTY = "graphFingerprints";

    /** One object's type and content hash (first 16 hex digits of SHA-256: collisions are irrelevant here). */
    public record Fingerprint(String type, String hash) {
    }

    private final Map<String, Fingerprint> objects = new ConcurrentHashMap<>();
    private final MessageDigest sha256;

    public GraphFingerprints() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public GraphFingerprints(Map<String, Fingerprint> objects) {
        this();
        this.objects.putAll(objects);
    }

    /** Records one emitted object from its serialized form. */
    public void add(Map<String, Object> object, byte[] serialized) {
        byte[] digest;
        synchronized (sha256) {
            digest = sha256.digest(serialized);
        }
        objects.put(String.valueOf(object.get("_key")),
                new Fingerprint(String.valueOf(object.get("_type")), HexFormat.of().formatHex(digest, 0, 8)));
    }

    public Map<String, Fingerprint> objects() {
        return objects;
    }

    public int size() {
        return objects.size();
    }
}
