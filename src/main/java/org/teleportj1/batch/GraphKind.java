package org.teleportj1.batch;

/** Entities and relationships travel in separate uploads and files. */
public enum GraphKind {
    ENTITIES("entities"),
    RELATIONSHIPS("relationships");

    private final String field;

    GraphKind(String field) {
        this.field = field;
    }

    /** The JSON field of the upload body and the J1 upload path segment. */
    public String field() {
        return field;
    }
}
