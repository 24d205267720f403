package org.teleportj1.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The real program in a JVM of its own, as {@code java -jar} runs it (this test classpath, a
 * working directory, environment variables of its own): what the user sees, and its exit code.
 */
final class ChildProgram implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final CompletableFuture<Void> drained;

    private ChildProgram(Process process) {
        this.process = process;
        this.drained = CompletableFuture.runAsync(this::drain);
    }

    static ChildProgram start(Path workDir, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), TeleportJupiterOne.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("TELEPORT_") || name.startsWith("J1_")
                || name.startsWith("SYNC_") || name.startsWith("CAMEL_"));
        builder.environment().putAll(environment);
        try {
            return new ChildProgram(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs to the end; the exit code. */
    int exitCode() {
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the program did not end in 120 s:\n" + output());
            }
            drained.get(10, TimeUnit.SECONDS);
            return process.exitValue();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Stops it the way {@code kill -9} does: no shutdown hook, no finally block runs. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks until a line of output matches (the program is up), or the program ends. */
    boolean awaitLine(Predicate<String> line) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        synchronized (lines) {
            while (lines.stream().noneMatch(line) && !drained.isDone() && System.nanoTime() < deadline) {
                try {
                    lines.wait(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return lines.stream().anyMatch(line);
        }
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    long count(String text) {
        synchronized (lines) {
            return lines.stream().filter(l -> l.contains(text)).count();
        }
    }

    private void drain() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        synchronized (lines) {
            lines.notifyAll();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
