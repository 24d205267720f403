package org.teleportj1.state;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files and directories only their owner can read: spooled graphs name every user of a cluster,
 * so they get the same care as the identity file. On file systems without POSIX permissions the
 * files are created normally (the directory's ACL then decides).
 */
public final class OwnerOnlyFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnlyFiles() {
    }

    public static Path directories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (!Files.isDirectory(absolute)) {
            Files.createDirectories(absolute);
            restrict(absolute, "rwx------");
        }
        return dir;
    }

    /** Creates (or truncates) {@code file} with mode 0600 before anything is written to it. */
    public static Path file(Path file) throws IOException {
        directories(file.toAbsolutePath().getParent());
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        restrict(file, "rw-------");
        return file;
    }

    /** Writes {@code bytes} under a temporary name and renames it, so readers never see half a file. */
    public static void write(Path file, byte[] bytes) throws IOException {
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        file(temp);
        Files.write(temp, bytes);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void restrict(Path path, String mode) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        }
    }

    /** Deletes a directory tree (a spool or dead letter); missing is fine. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
