package org.teleportj1.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.teleportj1.state.OwnerOnlyFiles;

/**
 * What the readable change report needs beyond keys ({@link ChangeSentences}): every role's
 * properties (for "role auditor changed: allowLogins added audit-readonly"), every access list's
 * title by id (keys name lists by id) and which users are locked. Roles and lists are few, locked
 * users fewer; each part is capped, so the state stays small at any cluster size. Kept next to the
 * key-level baseline as {@value #FILE}, replaced with it after a successful run.
 */
public final class ReadableState {
    static final String FILE = "last-success-details.json";
    static final int MAX_ROLES = 5_000;
    static final int MAX_LISTS = 10_000;
    static final int MAX_LOCKED = 10_000;

    private final Map<String, Map<String, Object>> roles = new TreeMap<>();
    private final Map<String, String> listTitles = new TreeMap<>();
    private final Set<String> lockedUsers = new TreeSet<>();

    /** Sees one emitted object (the batcher's observer, next to the fingerprints). */
    public synchronized void add(Map<String, Object> object) {
        String type = String.valueOf(object.get("_type"));
        String key = String.valueOf(object.get("_key"));
        switch (type) {
            case "teleport_role" -> {
                if (roles.size() < MAX_ROLES) {
                    Map<String, Object> properties = new TreeMap<>();
                    object.forEach((name, value) -> {
                        if (!name.startsWith("_") && value != null) {
                            properties.put(name, value);
                        }
                    });
                    roles.put(key, properties);
                }
            }
            case "teleport_access_list" -> {
                if (listTitles.size() < MAX_LISTS && object.get("title") != null) {
                    listTitles.put(ChangeSentences.Key.parse(key).name(), String.valueOf(object.get("title")));
                }
            }
            case "teleport_user" -> {
                if (Boolean.TRUE.equals(object.get("locked")) && lockedUsers.size() < MAX_LOCKED) {
                    lockedUsers.add(key);
                }
            }
            default -> {
                // everything else is told from its key
            }
        }
    }

    public synchronized Optional<Map<String, Object>> role(String key) {
        return Optional.ofNullable(roles.get(key));
    }

    /** By the list's id as keys carry it (escaped). */
    public synchronized Optional<String> listTitle(String id) {
        return Optional.ofNullable(listTitles.get(id));
    }

    public synchronized boolean locked(String userKey) {
        return lockedUsers.contains(userKey);
    }

    static Optional<ReadableState> read(Path dir, ObjectMapper json) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Document document = json.readValue(file.toFile(), Document.class);
            ReadableState state = new ReadableState();
            state.roles.putAll(document.roles());
            state.listTitles.putAll(document.listTitles());
            state.lockedUsers.addAll(document.lockedUsers());
            return Optional.of(state);
        } catch (IOException | RuntimeException e) {
            // an unreadable file costs the sentences of one report, never the run
            return Optional.empty();
        }
    }

    synchronized void write(Path dir, ObjectMapper json) {
        try {
            OwnerOnlyFiles.directories(dir);
            OwnerOnlyFiles.write(dir.resolve(FILE), json.writeValueAsBytes(new Document(roles, listTitles,
                    lockedUsers)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE), e);
        }
    }

    record Document(Map<String, Map<String, Object>> roles, Map<String, String> listTitles,
                            Set<String> lockedUsers) {
    }
}
